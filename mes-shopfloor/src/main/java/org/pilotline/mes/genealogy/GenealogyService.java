package org.pilotline.mes.genealogy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.erp.inventory.Lot;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.quantity.Decimals;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lot genealogy both ways, to any depth: everything that went into a lot (its components' lots, their components'
 * lots, …), and everything a lot went into with the customer shipments of those lots — a recall list. The trace goes
 * through work orders and, where an item is not lot-tracked, conservatively through every work order that could have
 * used it, saying so ({@link GenealogyRules}).
 */
@ApplicationScoped
public class GenealogyService {

    /**
     * A link of the tree: {@code producedLot} of {@code producedItem} came out of the work order that consumed
     * {@code quantity} of {@code consumedLot} of {@code consumedItem}, at {@code depth} (1: the traced lot's own work
     * order or consumers). A lot is null for an item without lots. {@code exact} is false where the path from the
     * traced lot passed an untracked item, so the link is possible rather than certain.
     */
    public record Link(int depth, long producedItemId, String producedItem, String producedLot, long consumedItemId,
                       String consumedItem, String consumedLot, BigDecimal quantity, long workOrderId,
                       String workOrderNumber, boolean exact) {
    }

    /** A customer shipment (sales issue); {@code exact} false where only an untracked step connects it to the lot. */
    public record Shipment(long stockMoveId, String itemCode, String lotNumber, BigDecimal quantity, String reference,
                           Instant shippedAt, boolean exact) {
    }

    /** Where the trace became conservative: the untracked item it went through to reach the links at {@code depth}. */
    public record UntrackedStep(int depth, long itemId, String itemCode) {
    }

    /** {@code exact}: no step of the trace went through an untracked item ({@code untrackedSteps} is empty). */
    public record Trace(String itemCode, String lotNumber, List<Link> links, List<Shipment> shipments, boolean exact,
                        List<UntrackedStep> untrackedSteps) {
    }

    /** Deep enough for any real product structure; it also stops a cycle that bad data might make. */
    private static final int MAX_DEPTH = 30;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    GenealogyStore store;

    /** Everything that went into the lot, level by level. */
    @Transactional
    public Trace backward(long itemId, String lotNumber) {
        Lot lot = lot(itemId, lotNumber);
        GenealogyRules.Walk walk = GenealogyRules.backward(store, lot.item.id, lot.id, MAX_DEPTH);
        return trace(lot, walk, List.of());
    }

    /** Every lot the given lot went into, at any depth, and every customer shipment of those lots (and of itself). */
    @Transactional
    public Trace forward(long itemId, String lotNumber) {
        Lot lot = lot(itemId, lotNumber);
        GenealogyRules.Walk walk = GenealogyRules.forward(store, lot.id, MAX_DEPTH);
        Map<Long, Shipment> shipments = new LinkedHashMap<>();
        Map<Long, String> items = new HashMap<>();
        Map<Long, String> lots = new HashMap<>();
        List<GenealogyStore.ShipmentRow> exact = store.shipmentsOfLots(walk.reachedLots().entrySet().stream()
                .filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet()));
        List<GenealogyStore.ShipmentRow> possible = new ArrayList<>(store.shipmentsOfLots(walk.reachedLots().entrySet()
                .stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).collect(Collectors.toSet())));
        new LinkedHashSet<>(walk.reachedUntracked()).forEach(output ->
                possible.addAll(store.shipmentsOfUntracked(output.workOrderId(), output.itemId())));
        List<GenealogyStore.ShipmentRow> all = new ArrayList<>(exact);
        all.addAll(possible);
        items.putAll(store.itemCodes(all.stream().map(GenealogyStore.ShipmentRow::itemId).collect(Collectors.toSet())));
        lots.putAll(store.lotNumbers(all.stream().map(GenealogyStore.ShipmentRow::lotId).filter(Objects::nonNull)
                .collect(Collectors.toSet())));
        for (GenealogyStore.ShipmentRow row : all) {
            shipments.putIfAbsent(row.stockMoveId(), new Shipment(row.stockMoveId(), items.get(row.itemId()),
                    row.lotId() == null ? null : lots.get(row.lotId()), row.quantity(), row.reference(), row.shippedAt(),
                    exact.contains(row)));
        }
        return trace(lot, walk, shipments.values().stream()
                .sorted(Comparator.comparing(Shipment::shippedAt).thenComparing(Shipment::stockMoveId)).toList());
    }

    private Trace trace(Lot lot, GenealogyRules.Walk walk, List<Shipment> shipments) {
        Set<Long> itemIds = new HashSet<>();
        Set<Long> lotIds = new HashSet<>();
        Set<Long> workOrderIds = new HashSet<>();
        for (GenealogyRules.Step step : walk.steps()) {
            itemIds.add(step.produced().itemId());
            itemIds.add(step.consumed().itemId());
            if (step.produced().lotId() != null) {
                lotIds.add(step.produced().lotId());
            }
            if (step.consumed().lotId() != null) {
                lotIds.add(step.consumed().lotId());
            }
            workOrderIds.add(step.workOrderId());
        }
        walk.widenings().forEach(w -> itemIds.add(w.itemId()));
        Map<Long, String> items = store.itemCodes(itemIds);
        Map<Long, String> lots = store.lotNumbers(lotIds);
        Map<Long, GenealogyStore.WorkOrderRef> workOrders = store.workOrders(workOrderIds);
        Comparator<Link> order = Comparator.comparingInt(Link::depth)
                .thenComparing(Link::producedItem, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Link::producedLot, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Link::consumedItem, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Link::consumedLot, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Link::workOrderNumber, Comparator.nullsFirst(Comparator.naturalOrder()));
        List<Link> links = walk.steps().stream().map(s -> new Link(s.depth(), s.produced().itemId(),
                items.get(s.produced().itemId()), lotNumber(lots, s.produced()), s.consumed().itemId(),
                items.get(s.consumed().itemId()), lotNumber(lots, s.consumed()), Decimals.plain(s.quantity()),
                s.workOrderId(), workOrders.get(s.workOrderId()).number(), s.exact())).sorted(order).toList();
        List<UntrackedStep> steps = walk.widenings().stream()
                .map(w -> new UntrackedStep(w.depth(), w.itemId(), items.get(w.itemId()))).toList();
        return new Trace(lot.item.code, lot.lotNumber, links, shipments, steps.isEmpty(), steps);
    }

    private static String lotNumber(Map<Long, String> lots, GenealogyRules.Node node) {
        return node.lotId() == null ? null : lots.get(node.lotId());
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
