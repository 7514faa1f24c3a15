package org.pilotline.erp.mrp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.mrp.store.OrderSupplyStore;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Collection;
import java.util.List;

/**
 * Which orders supply the components of production orders: the current MRP plan's pegging of their component
 * reservations to purchase and production orders, and the links made when planned orders were converted
 * ({@link OrderSupplyStore}). The scheduler holds the consuming operations until those are made or received.
 */
@ApplicationScoped
public class OrderSupplies {

    @Inject
    MrpJdbc jdbc;

    @Inject
    TenantContext tenant;

    /** The links of the enterprise's production orders of these numbers. */
    public List<OrderSupplyStore.Link> ofOrders(Collection<String> orderNumbers) {
        String enterprise = tenant.requireEnterprise();
        return jdbc.call(c -> OrderSupplyStore.ofConsumers(c, enterprise, orderNumbers));
    }
}
