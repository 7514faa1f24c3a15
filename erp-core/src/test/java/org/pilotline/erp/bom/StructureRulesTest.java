package org.pilotline.erp.bom;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.bom.structure.CostRollup;
import org.pilotline.erp.bom.structure.Explosion;
import org.pilotline.erp.bom.structure.StructureCycles;
import org.pilotline.erp.bom.structure.StructureSource;
import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.erp.bom.structure.StructureVersion.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructureRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** An in-memory enterprise: items with standard costs, structure versions, operation costs per unit. */
    static final class Memory implements StructureSource {
        final Map<Long, ItemFacts> items = new HashMap<>();
        final Map<Long, List<StructureVersion>> versions = new HashMap<>();
        final Map<Long, BigDecimal> operations = new HashMap<>();

        Memory item(long id, String code, boolean made, String cost) {
            items.put(id, new ItemFacts(id, code, code, "pcs", made, new BigDecimal(cost), BigDecimal.ONE));
            return this;
        }

        Memory version(StructureVersion version) {
            versions.computeIfAbsent(version.itemId(), k -> new ArrayList<>()).add(version);
            return this;
        }

        @Override
        public ItemFacts item(long itemId) {
            return items.get(itemId);
        }

        @Override
        public List<StructureVersion> versionsOf(long itemId) {
            return versions.getOrDefault(itemId, List.of());
        }

        @Override
        public List<StructureVersion> versionsUsing(long itemId) {
            return versions.values().stream().flatMap(List::stream)
                    .filter(v -> v.components().stream().anyMatch(c -> c.itemId() == itemId)).toList();
        }

        @Override
        public Optional<StructureVersion> versionProducing(long itemId, LocalDate date) {
            return versions.values().stream().flatMap(List::stream)
                    .filter(v -> v.effectiveOn(date) && v.outputs().stream().anyMatch(o -> o.itemId() == itemId)).findFirst();
        }

        @Override
        public BigDecimal operationCostPerUnit(long itemId, LocalDate date) {
            return operations.getOrDefault(itemId, BigDecimal.ZERO);
        }
    }

    static StructureVersion bom(long parent, String revision, LocalDate from, LocalDate to, Component... components) {
        return new StructureVersion(parent, StructureVersion.Kind.BOM, parent * 100 + revision.charAt(0), revision, from, to,
                List.of(components), List.of(), BigDecimal.ONE);
    }

    static Component line(long item, String quantity, String scrap, boolean phantom) {
        return new Component(10, item, new BigDecimal(quantity), new BigDecimal(scrap), phantom);
    }

    @Test
    void aCycleIsFoundAndNamedFromTheParentBackToItself() {
        Map<Long, Set<Long>> components = Map.of(2L, Set.of(3L), 3L, Set.of(4L), 4L, Set.of());
        // giving item 4 the component 2 closes 4 → 2 → 3 → 4
        assertEquals(Optional.of(List.of(4L, 2L, 3L, 4L)),
                StructureCycles.cycleThrough(4L, List.of(2L), id -> components.getOrDefault(id, Set.of())));
        assertTrue(StructureCycles.cycleThrough(2L, List.of(3L), id -> components.getOrDefault(id, Set.of())).isEmpty());
    }

    @Test
    void effectivityPicksTheRevisionValidOnTheDate() {
        Memory memory = new Memory().item(1, "E", true, "0").item(2, "X", false, "1").item(3, "Y", false, "2")
                .version(bom(1, "A", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1), line(2, "1", "0", false)))
                .version(bom(1, "B", LocalDate.of(2026, 7, 1), null, line(3, "1", "0", false)));
        assertEquals("X", Explosion.of(1, BigDecimal.ONE, LocalDate.of(2026, 6, 30), memory).get(0).code());
        assertEquals("Y", Explosion.of(1, BigDecimal.ONE, LocalDate.of(2026, 7, 1), memory).get(0).code());
        assertTrue(Explosion.of(1, BigDecimal.ONE, LocalDate.of(2025, 12, 31), memory).isEmpty());
    }

    @Test
    void aCoProductCarriesItsShareOfTheBatchCost() {
        // 100 kg batch, yield 0.8 → 80 kg main product; 20 kg co-product; ingredients cost 400 per batch;
        // main carries 0.75 → 300 / 80 = 3.75 per kg; co-product 0.25 → 100 / 20 = 5 per kg
        Memory memory = new Memory().item(1, "MAIN", true, "0").item(2, "CO", true, "0").item(3, "RAW", false, "4")
                .version(new StructureVersion(1, StructureVersion.Kind.RECIPE, 9, "R1", TODAY.minusDays(1), null,
                        List.of(new Component(10, 3, new BigDecimal("1.25"), BigDecimal.ZERO, false)),
                        List.of(new StructureVersion.Output(10, 2, StructureVersion.OutputKind.CO_PRODUCT,
                                new BigDecimal("0.25"), new BigDecimal("0.25"))), new BigDecimal("0.75")));
        assertEquals(0, new BigDecimal("3.75").compareTo(CostRollup.of(1, TODAY, memory).unitCost()));
        assertEquals(0, new BigDecimal("5").compareTo(CostRollup.of(2, TODAY, memory).unitCost()));
    }

    @Test
    void boughtItemsCostTheirStandardCostAndSharedComponentsAreCostedOnce() {
        Memory memory = new Memory().item(1, "A", true, "0").item(2, "B", true, "0").item(3, "R", false, "1.5")
                .version(bom(1, "A", TODAY, null, line(2, "2", "0", false), line(3, "1", "0", false)))
                .version(bom(2, "A", TODAY, null, line(3, "3", "0", false)));
        memory.operations.put(2L, new BigDecimal("0.5"));
        // B = 3 × 1.5 + 0.5 = 5; A = 2 × 5 + 1.5 = 11.5
        CostRollup.Cost cost = CostRollup.of(1, TODAY, memory);
        assertEquals(0, new BigDecimal("11.5").compareTo(cost.unitCost()));
        assertEquals(2, cost.lines().size());
    }
}
