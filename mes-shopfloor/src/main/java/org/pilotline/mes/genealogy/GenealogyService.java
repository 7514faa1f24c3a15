package org.pilotline.mes.genealogy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.erp.inventory.Lot;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.quantity.Decimals;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * Lot genealogy both ways, to any depth: everything that went into a lot (its components' lots, their components'
 * lots, …), and everything a lot went into with the customer shipments of those lots — a recall list.
 */
@ApplicationScoped
public class GenealogyService {

    /** A link of the tree: {@code lot} of {@code item} went into / came from {@code relatedLot}, at {@code depth}. */
    public record Link(int depth, long producedItemId, String producedItem, String producedLot, long consumedItemId,
                       String consumedItem, String consumedLot, BigDecimal quantity, long workOrderId,
                       String workOrderNumber) {
    }

    public record Shipment(long stockMoveId, String itemCode, String lotNumber, BigDecimal quantity, String reference,
                           Instant shippedAt) {
    }

    public record Trace(String itemCode, String lotNumber, List<Link> links, List<Shipment> shipments) {
    }

    /** Deep enough for any real product structure; it also stops a cycle that bad data might make. */
    private static final int MAX_DEPTH = 30;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /** Everything that went into the lot, level by level. */
    public Trace backward(long itemId, String lotNumber) {
        Lot lot = lot(itemId, lotNumber);
        List<Link> links = links("""
                with recursive tree (depth, gid) as (
                  select 1, g.id from mes_genealogy g where g.tenant_id = ?1 and g.produced_lot_id = ?2
                  union all
                  select t.depth + 1, g.id from tree t join mes_genealogy p on p.id = t.gid
                    join mes_genealogy g on g.tenant_id = ?1 and g.produced_lot_id = p.consumed_lot_id
                  where t.depth < ?3)
                """, lot.id);
        return new Trace(lot.item.code, lot.lotNumber, links, List.of());
    }

    /** Every lot the given lot went into, at any depth, and every customer shipment of those lots (and of itself). */
    public Trace forward(long itemId, String lotNumber) {
        Lot lot = lot(itemId, lotNumber);
        List<Link> links = links("""
                with recursive tree (depth, gid) as (
                  select 1, g.id from mes_genealogy g where g.tenant_id = ?1 and g.consumed_lot_id = ?2
                  union all
                  select t.depth + 1, g.id from tree t join mes_genealogy p on p.id = t.gid
                    join mes_genealogy g on g.tenant_id = ?1 and g.consumed_lot_id = p.produced_lot_id
                  where t.depth < ?3)
                """, lot.id);
        List<Shipment> shipments = em.createNativeQuery("""
                        with recursive tree (depth, lot_id) as (
                          select 0, ?2
                          union all
                          select t.depth + 1, g.produced_lot_id from tree t join mes_genealogy g
                            on g.tenant_id = ?1 and g.consumed_lot_id = t.lot_id
                          where t.depth < ?3 and g.produced_lot_id is not null)
                        select m.id, i.code, l.lot_number, m.quantity, m.reference, m.moved_at
                        from stock_move m join lot l on l.id = m.lot_id join item i on i.id = m.item_id
                        where m.tenant_id = ?1 and m.reason = 'SALES_ISSUE' and m.lot_id in (select lot_id from tree)
                        order by m.moved_at, m.id""")
                .setParameter(1, tenant.requireEnterprise()).setParameter(2, lot.id).setParameter(3, MAX_DEPTH)
                .getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new Shipment(((Number) r[0]).longValue(), (String) r[1], (String) r[2], Decimals.plain((BigDecimal) r[3]),
                            (String) r[4], instant(r[5]));
                }).toList();
        return new Trace(lot.item.code, lot.lotNumber, links, shipments);
    }

    private List<Link> links(String tree, long lotId) {
        return em.createNativeQuery(tree + """
                        select t.depth, g.produced_item_id, pi.code, pl.lot_number, g.consumed_item_id, ci.code,
                               cl.lot_number, g.quantity, g.work_order_id, w.number
                        from tree t join mes_genealogy g on g.id = t.gid
                          join item pi on pi.id = g.produced_item_id left join lot pl on pl.id = g.produced_lot_id
                          join item ci on ci.id = g.consumed_item_id left join lot cl on cl.id = g.consumed_lot_id
                          join mes_work_order w on w.id = g.work_order_id
                        order by t.depth, pi.code, pl.lot_number, ci.code, cl.lot_number""")
                .setParameter(1, tenant.requireEnterprise()).setParameter(2, lotId).setParameter(3, MAX_DEPTH)
                .getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new Link(((Number) r[0]).intValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                            ((Number) r[4]).longValue(), (String) r[5], (String) r[6], Decimals.plain((BigDecimal) r[7]),
                            ((Number) r[8]).longValue(), (String) r[9]);
                }).toList();
    }

    private Lot lot(long itemId, String lotNumber) {
        tenant.requireEnterprise();
        if (lotNumber == null || lotNumber.isBlank()) {
            throw DomainException.invalid("invalid-filter", "Name the lot", new FieldError("lot", "is required"));
        }
        return em.createQuery("select l from Lot l join fetch l.item where l.item.id = :item and l.lotNumber = :lot", Lot.class)
                .setParameter("item", itemId).setParameter("lot", lotNumber).getResultStream().findFirst()
                .orElseThrow(() -> DomainException.notFound("Lot", lotNumber));
    }
}
