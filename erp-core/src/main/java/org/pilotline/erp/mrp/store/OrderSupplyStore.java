package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.plan.Peg;
import org.pilotline.erp.mrp.engine.plan.SupplyKind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which orders supply the components of which production orders ({@code mrp_order_supply}): the pegs a run found
 * from open production orders' component reservations to purchase and production orders (rows of that run, replaced
 * with it), and the links made when a planned order was converted (rows of no run, kept). The scheduler reads them so
 * that an order does not start consuming before what it consumes is made or received. Plain JDBC; every read names
 * the tenant.
 */
public final class OrderSupplyStore {

    /** What a consumer's component comes from: a production order number, or a purchase order line reference. */
    public enum SupplierKind {
        PRODUCTION_ORDER("M"), PURCHASE_ORDER_LINE("B");

        final String code;

        SupplierKind(String code) {
            this.code = code;
        }

        static SupplierKind ofCode(String code) {
            return code.equals("M") ? PRODUCTION_ORDER : PURCHASE_ORDER_LINE;
        }
    }

    /**
     * {@code consumerOrder} (a production order number) draws {@code quantity} of item {@code itemId} from
     * {@code supplierReference}: a production order number, or a purchase order line as {@code number/lineNo}.
     */
    public record Link(String consumerOrder, long itemId, SupplierKind supplierKind, String supplierReference,
                       BigDecimal quantity) {
    }

    private static final String INSERT = "insert into mrp_order_supply (tenant_id, run_id, consumer_order, item_id,"
            + " supplier_kind, supplier_reference, quantity) values (?, ?, ?, ?, ?, ?, ?)";

    private OrderSupplyStore() {
    }

    /** The links of a run's plan, for every item. */
    static void writeRun(Connection connection, String tenant, long runId, MrpPlan plan, Map<String, Long> itemIds)
            throws SQLException {
        insert(connection, tenant, runId, links(plan, itemIds, plan.itemCodes().toList()));
    }

    /** A net change re-planned {@code itemCodes}: their links of the run are replaced by those of {@code plan}. */
    static void rewriteItems(Connection connection, String tenant, long runId, MrpPlan plan, Map<String, Long> itemIds,
                             Collection<String> itemCodes) throws SQLException {
        if (itemCodes.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from mrp_order_supply where run_id = ?"
                + " and item_id = ?")) {
            for (String code : itemCodes) {
                delete.setLong(1, runId);
                delete.setLong(2, itemIds.get(code));
                delete.addBatch();
            }
            delete.executeBatch();
        }
        insert(connection, tenant, runId, links(plan, itemIds, itemCodes));
    }

    /** Links made when converting a planned order: they stay whatever later runs find. */
    public static void insertConverted(Connection connection, String tenant, List<Link> links) throws SQLException {
        insert(connection, tenant, null, links);
    }

    /** The links of these consumer orders: of the current run, and those made when converting. */
    public static List<Link> ofConsumers(Connection connection, String tenant, Collection<String> consumerOrders)
            throws SQLException {
        if (consumerOrders.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(consumerOrders.size(), "?"));
        List<Object> parameters = new ArrayList<>(List.of(tenant, tenant));
        parameters.addAll(consumerOrders);
        return Jdbc.list(connection, "select distinct consumer_order, item_id, supplier_kind, supplier_reference,"
                + " quantity from mrp_order_supply s where s.tenant_id = ? and (s.run_id is null or s.run_id ="
                + " (select run_id from mrp_current_run where tenant_id = ?)) and s.consumer_order in (" + marks + ")"
                + " order by consumer_order, item_id, supplier_reference", row -> new Link(row.getString(1),
                row.getLong(2), SupplierKind.ofCode(row.getString(3)), row.getString(4), row.getBigDecimal(5)),
                parameters.toArray());
    }

    static void deleteRun(Connection connection, long runId) throws SQLException {
        Jdbc.update(connection, "delete from mrp_order_supply where run_id = ?", runId);
    }

    private static List<Link> links(MrpPlan plan, Map<String, Long> itemIds, Collection<String> itemCodes) {
        List<Link> links = new ArrayList<>();
        for (String code : itemCodes) {
            for (Peg peg : plan.reservationsServedByOrders(code)) {
                links.add(new Link(peg.demand().reference(), itemIds.get(code),
                        peg.supply().kind() == SupplyKind.PRODUCTION_ORDER ? SupplierKind.PRODUCTION_ORDER
                                : SupplierKind.PURCHASE_ORDER_LINE, peg.supply().reference(), peg.quantity()));
            }
        }
        return links;
    }

    private static void insert(Connection connection, String tenant, Long runId, List<Link> links)
            throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Link link : links) {
                Jdbc.bind(insert, tenant, runId, link.consumerOrder(), link.itemId(), link.supplierKind().code,
                        link.supplierReference(), link.quantity());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
