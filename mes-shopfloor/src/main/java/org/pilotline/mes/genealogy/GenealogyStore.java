package org.pilotline.mes.genealogy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.pilotline.mes.genealogy.GenealogyRules.Consumption;
import org.pilotline.mes.genealogy.GenealogyRules.Output;
import org.pilotline.platform.quantity.Decimals;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * What a trace reads, all of it scoped to the caller's enterprise. What a work order consumed comes from
 * {@code mes_genealogy} (its rows carry the work order); what it produced, and when, from erp-core's ledger: the
 * production receipts that the material bookings make with the work order's number as reference (serial numbers and
 * untracked outputs have no other record), and {@code mes_output_lot} for a lot not received yet. The times of the
 * untracked steps are the ledger's too, on both sides, so that a consumption that waited for a receipt's stock is
 * never earlier than that receipt. "Earlier" is the ledger's order (a move's id), not its time: the ledger keeps whole
 * seconds, and the replicas' clocks may differ; an id is taken when the move is inserted, so an issue that waited for a
 * receipt's stock (its lock is released at the receipt's commit) has the higher id.
 */
@ApplicationScoped
public class GenealogyStore implements GenealogyRules.Records {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /**
     * The ledger position of the first lot-less receipt of {@code :item} by work order {@code :workOrder}: where the
     * untracked item it made can first have been taken from stock (by a work order or a customer shipment).
     */
    private static final String FIRST_RECEIPT = """
            select min(r.id) from stock_move r
                       join mes_work_order p on p.tenant_id = r.tenant_id and p.number = r.reference
                       where r.tenant_id = :tenant and p.id = :workOrder and r.item_id = :item
                         and r.reason = 'PRODUCTION_RECEIPT' and r.lot_id is null""";

    /** A work order's number and produced item. */
    public record WorkOrderRef(String number, long itemId) {
    }

    /** A customer shipment (a sales issue) of a lot, or of an untracked item. */
    public record ShipmentRow(long stockMoveId, long itemId, Long lotId, BigDecimal quantity, String reference,
                              Instant shippedAt) {
    }

    /**
     * Rows written at consumption only: the work order's product with its lot (lot-tracked) or none. At a receipt the
     * bookings also link co-products and serial numbers to what that one report consumed; those rows repeat the
     * consumption and are left out here (the trace gives every output of the work order all of it).
     */
    @Override
    public Map<Long, List<Consumption>> consumptionOf(Set<Long> workOrders) {
        Map<Long, List<Consumption>> found = new HashMap<>();
        rows("""
                select g.work_order_id, g.consumed_item_id, g.consumed_lot_id, sum(g.quantity)
                from mes_genealogy g
                  join mes_work_order w on w.id = g.work_order_id and w.tenant_id = g.tenant_id
                  join item pi on pi.id = g.produced_item_id and pi.tenant_id = g.tenant_id
                where g.tenant_id = :tenant and g.work_order_id in (:ids) and g.produced_item_id = w.item_id
                  and (g.produced_lot_id is null or pi.tracking <> 'SERIAL')
                group by g.work_order_id, g.consumed_item_id, g.consumed_lot_id
                order by g.work_order_id, g.consumed_item_id, g.consumed_lot_id""", workOrders).forEach(r ->
                found.computeIfAbsent(id(r[0]), k -> new ArrayList<>()).add(new Consumption(id(r[1]), optionalId(r[2]),
                        Decimals.plain((BigDecimal) r[3]))));
        return found;
    }

    @Override
    public Map<Long, List<Output>> outputsOf(Set<Long> workOrders) {
        Map<Long, Map<List<Long>, Output>> found = new LinkedHashMap<>();
        rows("""
                select w.id, m.item_id, m.lot_id, sum(m.quantity)
                from mes_work_order w join stock_move m on m.tenant_id = w.tenant_id and m.reference = w.number
                  and m.reason = 'PRODUCTION_RECEIPT'
                where w.tenant_id = :tenant and w.id in (:ids)
                group by w.id, m.item_id, m.lot_id
                order by w.id, m.item_id, m.lot_id""", workOrders).forEach(r ->
                found.computeIfAbsent(id(r[0]), k -> new LinkedHashMap<>()).put(key(id(r[1]), optionalId(r[2])),
                        new Output(id(r[1]), optionalId(r[2]), Decimals.plain((BigDecimal) r[3]), true)));
        rows("""
                select o.work_order_id, o.item_id, o.lot_id from mes_output_lot o
                where o.tenant_id = :tenant and o.work_order_id in (:ids)
                order by o.work_order_id, o.item_id""", workOrders).forEach(r ->
                found.computeIfAbsent(id(r[0]), k -> new LinkedHashMap<>()).putIfAbsent(key(id(r[1]), optionalId(r[2])),
                        new Output(id(r[1]), id(r[2]), BigDecimal.ZERO, false)));
        Map<Long, WorkOrderRef> refs = workOrders(workOrders);
        Map<Long, List<Output>> outputs = new HashMap<>();
        for (Long workOrder : workOrders) {
            Map<List<Long>, Output> of = found.get(workOrder);
            WorkOrderRef ref = refs.get(workOrder);
            if (of != null) {
                outputs.put(workOrder, List.copyOf(of.values()));
            } else if (ref != null) {
                outputs.put(workOrder, List.of(new Output(ref.itemId(), null, BigDecimal.ZERO, false)));
            }
        }
        return outputs;
    }

    @Override
    public Map<Long, Set<Long>> consumersOf(Set<Long> lots) {
        return pairs("""
                select distinct g.consumed_lot_id, g.work_order_id from mes_genealogy g
                where g.tenant_id = :tenant and g.consumed_lot_id in (:ids)
                order by 1, 2""", lots);
    }

    @Override
    public Map<Long, Set<Long>> producersOf(Set<Long> lots) {
        return pairs("""
                select m.lot_id, w.id from stock_move m
                  join mes_work_order w on w.tenant_id = m.tenant_id and w.number = m.reference
                where m.tenant_id = :tenant and m.reason = 'PRODUCTION_RECEIPT' and m.lot_id in (:ids)
                union
                select o.lot_id, o.work_order_id from mes_output_lot o where o.tenant_id = :tenant and o.lot_id in (:ids)
                order by 1, 2""", lots);
    }

    @Override
    public Set<Long> untrackedConsumers(long producer, long itemId) {
        return ids("""
                select distinct w.id from stock_move s
                  join mes_work_order w on w.tenant_id = s.tenant_id and w.number = s.reference
                  join item i on i.id = s.item_id and i.tenant_id = s.tenant_id
                where s.tenant_id = :tenant and s.item_id = :item and s.reason = 'PRODUCTION_ISSUE' and s.lot_id is null
                  and w.id <> :workOrder
                  and (i.allow_negative_stock or s.id >= (%FIRST%))
                order by 1""".replace("%FIRST%", FIRST_RECEIPT), producer, itemId);
    }

    @Override
    public Set<Long> untrackedProducers(long consumer, long itemId) {
        return ids("""
                select distinct w.id from stock_move r
                  join mes_work_order w on w.tenant_id = r.tenant_id and w.number = r.reference
                  join item i on i.id = r.item_id and i.tenant_id = r.tenant_id
                where r.tenant_id = :tenant and r.item_id = :item and r.reason = 'PRODUCTION_RECEIPT' and r.lot_id is null
                  and w.id <> :workOrder
                  and (i.allow_negative_stock or r.id <= (select max(s.id) from stock_move s
                       join mes_work_order c on c.tenant_id = s.tenant_id and c.number = s.reference
                       where s.tenant_id = :tenant and c.id = :workOrder and s.item_id = :item
                         and s.reason = 'PRODUCTION_ISSUE' and s.lot_id is null))
                order by 1""", consumer, itemId);
    }

    /** Sales issues of the lots. */
    public List<ShipmentRow> shipmentsOfLots(Set<Long> lots) {
        if (lots.isEmpty()) {
            return List.of();
        }
        return shipments(query("""
                select m.id, m.item_id, m.lot_id, m.quantity, m.reference, m.moved_at from stock_move m
                where m.tenant_id = :tenant and m.reason = 'SALES_ISSUE' and m.lot_id in (:ids)
                order by m.moved_at, m.id""").setParameter("ids", lots));
    }

    /** Sales issues of an untracked item a work order produced: after its first receipt (any if it may go negative). */
    public List<ShipmentRow> shipmentsOfUntracked(long producer, long itemId) {
        return shipments(query("""
                select m.id, m.item_id, m.lot_id, m.quantity, m.reference, m.moved_at from stock_move m
                  join item i on i.id = m.item_id and i.tenant_id = m.tenant_id
                where m.tenant_id = :tenant and m.item_id = :item and m.reason = 'SALES_ISSUE' and m.lot_id is null
                  and (i.allow_negative_stock or m.id >= (%FIRST%))
                order by m.moved_at, m.id""".replace("%FIRST%", FIRST_RECEIPT)).setParameter("item", itemId)
                .setParameter("workOrder", producer));
    }

    public Map<Long, WorkOrderRef> workOrders(Set<Long> ids) {
        Map<Long, WorkOrderRef> found = new HashMap<>();
        rows("select id, number, item_id from mes_work_order where tenant_id = :tenant and id in (:ids)", ids)
                .forEach(r -> found.put(id(r[0]), new WorkOrderRef((String) r[1], id(r[2]))));
        return found;
    }

    public Map<Long, String> itemCodes(Set<Long> ids) {
        Map<Long, String> found = new HashMap<>();
        rows("select id, code from item where tenant_id = :tenant and id in (:ids)", ids)
                .forEach(r -> found.put(id(r[0]), (String) r[1]));
        return found;
    }

    public Map<Long, String> lotNumbers(Set<Long> ids) {
        Map<Long, String> found = new HashMap<>();
        rows("select id, lot_number from lot where tenant_id = :tenant and id in (:ids)", ids)
                .forEach(r -> found.put(id(r[0]), (String) r[1]));
        return found;
    }

    private List<ShipmentRow> shipments(Query query) {
        List<ShipmentRow> found = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            found.add(new ShipmentRow(id(r[0]), id(r[1]), optionalId(r[2]), Decimals.plain((BigDecimal) r[3]),
                    (String) r[4], instant(r[5])));
        }
        return found;
    }

    private Map<Long, Set<Long>> pairs(String sql, Set<Long> ids) {
        Map<Long, Set<Long>> found = new LinkedHashMap<>();
        rows(sql, ids).forEach(r -> found.computeIfAbsent(id(r[0]), k -> new LinkedHashSet<>()).add(id(r[1])));
        return found;
    }

    private Set<Long> ids(String sql, long workOrder, long itemId) {
        Set<Long> found = new LinkedHashSet<>();
        for (Object o : query(sql).setParameter("workOrder", workOrder).setParameter("item", itemId).getResultList()) {
            found.add(id(o));
        }
        return found;
    }

    private List<Object[]> rows(String sql, Set<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object o : query(sql).setParameter("ids", ids).getResultList()) {
            rows.add((Object[]) o);
        }
        return rows;
    }

    private Query query(String sql) {
        return em.createNativeQuery(sql).setParameter("tenant", tenant.requireEnterprise());
    }

    private static List<Long> key(long itemId, Long lotId) {
        List<Long> key = new ArrayList<>(2);
        key.add(itemId);
        key.add(lotId);
        return key;
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }

    private static Long optionalId(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
