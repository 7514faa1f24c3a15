package org.pilotline.app.bootstrap;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.pilotline.erp.bom.BomService;
import org.pilotline.erp.bom.RecipeService;
import org.pilotline.erp.calendar.CalendarService;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.equipment.EquipmentService;
import org.pilotline.erp.inventory.InventoryService;
import org.pilotline.erp.inventory.WarehouseService;
import org.pilotline.erp.item.ItemService;
import org.pilotline.erp.order.ProductionOrderService;
import org.pilotline.erp.order.SalesOrderService;
import org.pilotline.erp.partner.PartnerService;
import org.pilotline.erp.routing.RoutingService;
import org.pilotline.erp.scheduling.ScheduleQueries;
import org.pilotline.erp.scheduling.SchedulingService;
import org.pilotline.erp.unit.UnitService;
import org.pilotline.mes.reason.ReasonService;
import org.pilotline.mes.report.ReportingService;
import org.pilotline.mes.settings.SettingsService;
import org.pilotline.mes.terminal.TerminalService;
import org.pilotline.platform.security.Role;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The suite's services a demo plant is built through — the same use cases a planner, an administrator or an operator
 * calls over REST, so the demo holds nothing the API could not have made — and the demo users they act as. A singleton
 * (no client proxy), since the plants read its fields.
 */
@Singleton
class PlantServices {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    PlantClock clock;

    @Inject
    UnitService units;

    @Inject
    ItemService items;

    @Inject
    BomService boms;

    @Inject
    RecipeService recipes;

    @Inject
    CalendarService calendars;

    @Inject
    EquipmentService equipment;

    @Inject
    RoutingService routings;

    @Inject
    WarehouseService warehouses;

    @Inject
    InventoryService inventory;

    @Inject
    PartnerService partners;

    @Inject
    SalesOrderService salesOrders;

    @Inject
    ProductionOrderService productionOrders;

    @Inject
    SchedulingService scheduling;

    @Inject
    ScheduleQueries schedules;

    @Inject
    SettingsService settings;

    @Inject
    ReasonService reasons;

    @Inject
    TerminalService terminals;

    @Inject
    ReportingService reporting;

    @Inject
    DemoMachines machines;

    /**
     * Runs {@code work} in a request context of its own, as the enterprise's demo user {@code username} with these
     * roles, so that what it records names that user. Each call starts with a fresh persistence context: what an
     * earlier step committed is read as it is now.
     */
    <T> T as(String enterprise, String username, Set<Role> roles, Callable<T> work) {
        return TenantContext.callAs(enterprise, () -> {
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(username))
                    .addAttribute(TenantContext.ENTERPRISE_ATTRIBUTE, enterprise);
            roles.forEach(role -> identity.addRole(role.id()));
            identities.setIdentity(identity.build());
            return work.call();
        });
    }
}
