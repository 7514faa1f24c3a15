package org.pilotline.mes.genealogy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a trace walks the genealogy, in plain Java over what the shop floor recorded ({@link Records}).
 * <p>
 * The trace goes through <b>work orders</b>, not from lot to lot: what any operation of a work order consumed went
 * into everything the work order produced — its lot, every serial number, every co- and by-product — so a component
 * consumed at operation 10 is in each serial number received at the last operation. A lot-tracked (or serial) node is
 * followed exactly. An untracked one is not: untracked stock is fungible, so which work order's pieces went where is
 * not known. The trace then widens on purpose — to every work order that consumed the item lot-less no earlier than
 * this work order first received it (forward), or that received it no later than this work order last consumed it (in the ledger's order)
 * (backward); without the time bound where the item may go negative — and marks everything beyond as not lot-exact,
 * naming the item in {@code untrackedSteps}.
 * <p>
 * Each work order's consumption is expanded once (twice at most: again if it is first reached through an untracked
 * item and later lot-exactly), so a cycle that bad data might make ends, and so does a structure deeper than
 * {@code maxDepth} levels.
 */
public final class GenealogyRules {

    private GenealogyRules() {
    }

    /** What went into a work order: an item, its lot (null: untracked) and the quantity, summed over its operations. */
    public record Consumption(long itemId, Long lotId, BigDecimal quantity) {
    }

    /** What a work order produced: item, lot (null: untracked) and the quantity received so far (0: not yet). */
    public record Output(long itemId, Long lotId, BigDecimal quantity, boolean received) {
    }

    /** A node of the trace: a lot of an item, or an item without lots ({@code lotId} null). */
    public record Node(long itemId, Long lotId) {
    }

    /** An edge of the answer: {@code produced} came out of the work order that consumed {@code consumed}. */
    public record Step(int depth, Node produced, Node consumed, BigDecimal quantity, long workOrderId, boolean exact) {
    }

    /** Where the trace became conservative: at {@code depth}, through {@code itemId}, which is not lot-tracked. */
    public record Widening(int depth, long itemId) {
    }

    /**
     * The walk's result. Forward, also what the caller looks up customer shipments of: every lot reached (the traced
     * one too) with whether the path to it was lot-exact, and every untracked output of a work order reached.
     */
    public record Walk(List<Step> steps, List<Widening> widenings, Map<Long, Boolean> reachedLots,
                       List<UntrackedOutput> reachedUntracked) {
    }

    /** An untracked output of a work order reached by a forward trace: its shipments are shipments of the recall. */
    public record UntrackedOutput(long workOrderId, long itemId) {
    }

    /** What the shop floor recorded, read in batches (each call one or two statements). */
    public interface Records {
        /** Per work order: what it consumed at any operation, by item and lot. */
        Map<Long, List<Consumption>> consumptionOf(Set<Long> workOrders);

        /**
         * Per work order: its receipts by item and lot, the lots it holds that are not received yet, and — while it has
         * neither — its item without a lot (work in progress).
         */
        Map<Long, List<Output>> outputsOf(Set<Long> workOrders);

        /** Per lot: the work orders that consumed it. */
        Map<Long, Set<Long>> consumersOf(Set<Long> lots);

        /** Per lot: the work orders that produced it. */
        Map<Long, Set<Long>> producersOf(Set<Long> lots);

        /** The work orders that consumed the untracked item after {@code producer} first received it. */
        Set<Long> untrackedConsumers(long producer, long itemId);

        /** The work orders that received the untracked item before {@code consumer} last consumed it. */
        Set<Long> untrackedProducers(long consumer, long itemId);
    }

    /** Everything a lot went into, level by level. */
    public static Walk forward(Records records, long lotId, int maxDepth) {
        List<Step> steps = new ArrayList<>();
        Set<Widening> widenings = new LinkedHashSet<>();
        Map<Long, Boolean> reachedLots = new LinkedHashMap<>();
        reachedLots.put(lotId, true);
        List<UntrackedOutput> reachedUntracked = new ArrayList<>();
        Map<Long, Boolean> expanded = new HashMap<>();
        Map<Long, Boolean> lots = Map.of(lotId, true);
        List<UntrackedOutput> untracked = List.of();
        for (int depth = 1; depth <= maxDepth && !(lots.isEmpty() && untracked.isEmpty()); depth++) {
            // the edges of this level: a work order consumed a node that was reached, lot-exactly or not
            Map<Edge, Boolean> edges = new LinkedHashMap<>();
            Map<Long, Boolean> level = lots;
            Map<Long, Set<Long>> consumers = level.isEmpty() ? Map.of() : records.consumersOf(level.keySet());
            Map<Long, Long> itemOfLot = new HashMap<>();
            consumers.forEach((lot, workOrders) -> workOrders.forEach(wo ->
                    edges.merge(new Edge(wo, null, lot), level.get(lot), Boolean::logicalOr)));
            for (UntrackedOutput output : untracked) {
                widen(edges, widenings, depth, output.itemId(),
                        records.untrackedConsumers(output.workOrderId(), output.itemId()));
            }
            Set<Long> workOrders = workOrdersOf(edges);
            if (workOrders.isEmpty()) {
                break;
            }
            Map<Long, List<Consumption>> consumption = records.consumptionOf(workOrders);
            Map<Long, List<Output>> outputs = records.outputsOf(workOrders);
            consumption.values().forEach(list -> list.forEach(c -> {
                if (c.lotId() != null) {
                    itemOfLot.put(c.lotId(), c.itemId());
                }
            }));
            Map<Long, Boolean> nextLots = new LinkedHashMap<>();
            List<UntrackedOutput> nextUntracked = new ArrayList<>();
            for (Map.Entry<Edge, Boolean> entry : edges.entrySet()) {
                Edge edge = entry.getKey();
                boolean exact = entry.getValue();
                List<Consumption> used = consumption.getOrDefault(edge.workOrderId(), List.of());
                Long consumedItem = edge.itemId() != null ? edge.itemId() : itemOfLot.get(edge.lotId());
                if (consumedItem == null) {
                    continue; // a lot the work order's consumption does not show: nothing to link
                }
                Node consumed = new Node(consumedItem, edge.lotId());
                BigDecimal quantity = used.stream().filter(c -> c.itemId() == consumedItem && Objects.equals(c.lotId(), edge.lotId()))
                        .map(Consumption::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                List<Output> produced = outputs.getOrDefault(edge.workOrderId(), List.of());
                for (Output output : produced) {
                    steps.add(new Step(depth, new Node(output.itemId(), output.lotId()), consumed,
                            share(quantity, output, produced), edge.workOrderId(), exact));
                }
                if (expand(expanded, edge.workOrderId(), exact)) {
                    for (Output output : produced) {
                        if (output.lotId() != null) {
                            nextLots.merge(output.lotId(), exact, Boolean::logicalOr);
                            reachedLots.merge(output.lotId(), exact, Boolean::logicalOr);
                        } else if (output.received()) {
                            UntrackedOutput reached = new UntrackedOutput(edge.workOrderId(), output.itemId());
                            nextUntracked.add(reached);
                            reachedUntracked.add(reached);
                        }
                    }
                }
            }
            lots = nextLots;
            untracked = nextUntracked;
        }
        return new Walk(steps, List.copyOf(widenings), reachedLots, reachedUntracked);
    }

    /** Everything that went into a lot, level by level. */
    public static Walk backward(Records records, long itemId, long lotId, int maxDepth) {
        List<Step> steps = new ArrayList<>();
        Set<Widening> widenings = new LinkedHashSet<>();
        Map<Long, Boolean> expanded = new HashMap<>();
        // the nodes reached at this level, with the item of each lot, and whether the path to them was lot-exact
        Map<Node, Boolean> nodes = new LinkedHashMap<>();
        nodes.put(new Node(itemId, lotId), true);
        // untracked nodes carry the work order that consumed them: their producers are found from its consumption
        Map<Node, Set<Long>> untrackedConsumers = new HashMap<>();
        for (int depth = 1; depth <= maxDepth && !nodes.isEmpty(); depth++) {
            Map<Edge, Boolean> edges = new LinkedHashMap<>();
            Set<Long> lots = new LinkedHashSet<>();
            nodes.keySet().stream().filter(n -> n.lotId() != null).forEach(n -> lots.add(n.lotId()));
            Map<Long, Set<Long>> producers = lots.isEmpty() ? Map.of() : records.producersOf(lots);
            Map<Long, Long> itemOfLot = new HashMap<>();
            for (Map.Entry<Node, Boolean> entry : nodes.entrySet()) {
                Node node = entry.getKey();
                if (node.lotId() != null) {
                    itemOfLot.put(node.lotId(), node.itemId());
                    producers.getOrDefault(node.lotId(), Set.of()).forEach(wo ->
                            edges.merge(new Edge(wo, node.itemId(), node.lotId()), entry.getValue(), Boolean::logicalOr));
                } else {
                    Set<Long> makers = new LinkedHashSet<>();
                    untrackedConsumers.getOrDefault(node, Set.of())
                            .forEach(consumer -> makers.addAll(records.untrackedProducers(consumer, node.itemId())));
                    widen(edges, widenings, depth, node.itemId(), makers);
                }
            }
            Set<Long> workOrders = workOrdersOf(edges);
            if (workOrders.isEmpty()) {
                break;
            }
            Map<Long, List<Consumption>> consumption = records.consumptionOf(workOrders);
            Map<Long, List<Output>> outputs = records.outputsOf(workOrders);
            Map<Node, Boolean> next = new LinkedHashMap<>();
            Map<Node, Set<Long>> nextConsumers = new HashMap<>();
            for (Map.Entry<Edge, Boolean> entry : edges.entrySet()) {
                Edge edge = entry.getKey();
                boolean exact = entry.getValue();
                Node produced = new Node(edge.itemId(), edge.lotId());
                List<Output> made = outputs.getOrDefault(edge.workOrderId(), List.of());
                Output output = made.stream().filter(o -> o.itemId() == produced.itemId()
                        && Objects.equals(o.lotId(), produced.lotId())).findFirst().orElse(null);
                List<Consumption> used = consumption.getOrDefault(edge.workOrderId(), List.of());
                for (Consumption c : used) {
                    steps.add(new Step(depth, produced, new Node(c.itemId(), c.lotId()),
                            output == null ? c.quantity() : share(c.quantity(), output, made), edge.workOrderId(), exact));
                }
                if (expand(expanded, edge.workOrderId(), exact)) {
                    for (Consumption c : used) {
                        Node component = new Node(c.itemId(), c.lotId());
                        next.merge(component, exact, Boolean::logicalOr); // an untracked one widens at its producers
                        if (c.lotId() == null) {
                            nextConsumers.computeIfAbsent(component, k -> new LinkedHashSet<>()).add(edge.workOrderId());
                        }
                    }
                }
            }
            nodes = next;
            untrackedConsumers = nextConsumers;
        }
        return new Walk(steps, List.copyOf(widenings), Map.of(), List.of());
    }

    /** A work order reached through a node: a lot ({@code lotId}) or an untracked item ({@code lotId} null). */
    private record Edge(long workOrderId, Long itemId, Long lotId) {
    }

    /**
     * The work orders found through an untracked item at this level: linked, never lot-exactly, and the level named
     * among the places where the trace widened.
     */
    private static void widen(Map<Edge, Boolean> edges, Set<Widening> widenings, int depth, long itemId,
                              Set<Long> workOrders) {
        if (!workOrders.isEmpty()) {
            widenings.add(new Widening(depth, itemId));
        }
        workOrders.forEach(wo -> edges.merge(new Edge(wo, itemId, null), false, Boolean::logicalOr));
    }

    /** The work orders of a level's edges, in the order they were found. */
    private static Set<Long> workOrdersOf(Map<Edge, Boolean> edges) {
        Set<Long> workOrders = new LinkedHashSet<>();
        edges.keySet().forEach(e -> workOrders.add(e.workOrderId()));
        return workOrders;
    }

    /** Whether to follow what a work order produced (forward) or consumed (backward): once, or again if now exact. */
    private static boolean expand(Map<Long, Boolean> expanded, long workOrderId, boolean exact) {
        Boolean before = expanded.get(workOrderId);
        if (before == null || (exact && !before)) {
            expanded.put(workOrderId, exact);
            return true;
        }
        return false;
    }

    /**
     * The part of a work order's consumption that went into one of its outputs: all of it for the work order's lot of
     * an item (and for an untracked item), each serial number (or each of several lots of one item) its share of what
     * the work order received of that item.
     */
    static BigDecimal share(BigDecimal consumed, Output output, List<Output> outputs) {
        BigDecimal ofItem = outputs.stream().filter(o -> o.itemId() == output.itemId()).map(Output::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (ofItem.signum() == 0 || output.quantity().compareTo(ofItem) == 0) {
            return consumed;
        }
        return consumed.multiply(output.quantity()).divide(ofItem, 6, RoundingMode.HALF_UP);
    }
}
