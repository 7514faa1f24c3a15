package org.pilotline.mes.genealogy;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.genealogy.GenealogyRules.Consumption;
import org.pilotline.mes.genealogy.GenealogyRules.Node;
import org.pilotline.mes.genealogy.GenealogyRules.Output;
import org.pilotline.mes.genealogy.GenealogyRules.Step;
import org.pilotline.mes.genealogy.GenealogyRules.Walk;
import org.pilotline.mes.genealogy.GenealogyRules.Widening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walk of a trace over a plant recorded in memory: items 1xx, lots 1xxx, work orders 9x, times as integers. */
class GenealogyRulesTest {

    private static final long CASTING = 101, BODY = 102, VALVE = 103, BOARD = 104, METER = 105;

    @Test
    void anUntrackedOutputIsFollowedToTheWorkOrdersThatConsumedItAfterItWasReceivedAndMarkedNotExact() {
        Plant plant = new Plant()
                .uses(91, BODY, null, "2", 1).makes(91, VALVE, 1091L, "2", 2)      // bought bodies, before the heat
                .uses(92, CASTING, 1001L, "4", 3).makes(92, BODY, null, "4", 4)    // the heat machined into bodies
                .uses(93, BODY, null, "4", 5).makes(93, VALVE, 1093L, "4", 6);     // valves of the machined bodies

        Walk recall = GenealogyRules.forward(plant, 1001L, 30);

        assertEquals(List.of(new Step(1, new Node(BODY, null), new Node(CASTING, 1001L), new BigDecimal("4"), 92, true),
                new Step(2, new Node(VALVE, 1093L), new Node(BODY, null), new BigDecimal("4"), 93, false)), recall.steps());
        assertEquals(List.of(new Widening(2, BODY)), recall.widenings());
        assertEquals(Map.of(1001L, true, 1093L, false), recall.reachedLots());

        Walk back = GenealogyRules.backward(plant, VALVE, 1093L, 30);
        assertEquals(List.of(new Step(1, new Node(VALVE, 1093L), new Node(BODY, null), new BigDecimal("4"), 93, true),
                new Step(2, new Node(BODY, null), new Node(CASTING, 1001L), new BigDecimal("4"), 92, false)), back.steps());
        assertTrue(GenealogyRules.backward(plant, VALVE, 1091L, 30).steps().stream()
                .noneMatch(s -> Objects.equals(s.consumed().lotId(), 1001L)), "the valves of bought bodies hold no heat");
    }

    @Test
    void whatAnyOperationConsumedIsSharedAmongTheSerialNumbersOfTheWorkOrder() {
        Plant plant = new Plant().uses(94, BOARD, 1004L, "2", 1)
                .makes(94, METER, 1201L, "1", 2).makes(94, METER, 1202L, "1", 2);

        assertEquals(List.of(new Step(1, new Node(METER, 1202L), new Node(BOARD, 1004L), new BigDecimal("1.000000"), 94, true)),
                GenealogyRules.backward(plant, METER, 1202L, 30).steps());
        List<Step> forward = GenealogyRules.forward(plant, 1004L, 30).steps();
        assertEquals(List.of(1201L, 1202L), forward.stream().map(s -> s.produced().lotId()).toList());
        assertTrue(forward.stream().allMatch(Step::exact));
    }

    @Test
    void aCycleThatBadDataMakesEnds() {
        Plant plant = new Plant().uses(95, BODY, 1301L, "1", 1).makes(95, BODY, 1302L, "1", 2)
                .uses(96, BODY, 1302L, "1", 3).makes(96, BODY, 1301L, "1", 4);

        Walk walk = GenealogyRules.forward(plant, 1301L, 30);
        assertTrue(walk.steps().size() <= 3, walk.steps().toString());
        assertFalse(walk.steps().isEmpty());
        assertTrue(GenealogyRules.backward(plant, BODY, 1301L, 30).steps().size() <= 3);
    }

    /** The shop floor's records, as the store answers them. */
    private static final class Plant implements GenealogyRules.Records {
        private record Fact(long workOrder, long item, Long lot, BigDecimal quantity, int at) {
        }

        private final List<Fact> used = new ArrayList<>();
        private final List<Fact> made = new ArrayList<>();

        Plant uses(long workOrder, long item, Long lot, String quantity, int at) {
            used.add(new Fact(workOrder, item, lot, new BigDecimal(quantity), at));
            return this;
        }

        Plant makes(long workOrder, long item, Long lot, String quantity, int at) {
            made.add(new Fact(workOrder, item, lot, new BigDecimal(quantity), at));
            return this;
        }

        @Override
        public Map<Long, List<Consumption>> consumptionOf(Set<Long> workOrders) {
            Map<Long, List<Consumption>> found = new LinkedHashMap<>();
            used.stream().filter(f -> workOrders.contains(f.workOrder())).forEach(f -> found
                    .computeIfAbsent(f.workOrder(), k -> new ArrayList<>()).add(new Consumption(f.item(), f.lot(), f.quantity())));
            return found;
        }

        @Override
        public Map<Long, List<Output>> outputsOf(Set<Long> workOrders) {
            Map<Long, List<Output>> found = new LinkedHashMap<>();
            made.stream().filter(f -> workOrders.contains(f.workOrder())).forEach(f -> found
                    .computeIfAbsent(f.workOrder(), k -> new ArrayList<>()).add(new Output(f.item(), f.lot(), f.quantity(), true)));
            return found;
        }

        @Override
        public Map<Long, Set<Long>> consumersOf(Set<Long> lots) {
            return byLot(used, lots);
        }

        @Override
        public Map<Long, Set<Long>> producersOf(Set<Long> lots) {
            return byLot(made, lots);
        }

        @Override
        public Set<Long> untrackedConsumers(long producer, long item) {
            int received = made.stream().filter(f -> f.workOrder() == producer && f.item() == item && f.lot() == null)
                    .mapToInt(Fact::at).min().orElse(Integer.MAX_VALUE);
            Set<Long> found = new LinkedHashSet<>();
            used.stream().filter(f -> f.item() == item && f.lot() == null && f.at() >= received && f.workOrder() != producer)
                    .forEach(f -> found.add(f.workOrder()));
            return found;
        }

        @Override
        public Set<Long> untrackedProducers(long consumer, long item) {
            int consumed = used.stream().filter(f -> f.workOrder() == consumer && f.item() == item && f.lot() == null)
                    .mapToInt(Fact::at).max().orElse(Integer.MIN_VALUE);
            Set<Long> found = new LinkedHashSet<>();
            made.stream().filter(f -> f.item() == item && f.lot() == null && f.at() <= consumed && f.workOrder() != consumer)
                    .forEach(f -> found.add(f.workOrder()));
            return found;
        }

        private static Map<Long, Set<Long>> byLot(List<Fact> facts, Set<Long> lots) {
            Map<Long, Set<Long>> found = new LinkedHashMap<>();
            facts.stream().filter(f -> f.lot() != null && lots.contains(f.lot()))
                    .forEach(f -> found.computeIfAbsent(f.lot(), k -> new LinkedHashSet<>()).add(f.workOrder()));
            return found;
        }
    }
}
