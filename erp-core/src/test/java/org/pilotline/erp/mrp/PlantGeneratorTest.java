package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.generator.PlantGenerator;
import org.pilotline.erp.mrp.generator.PlantProfile;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlantGeneratorTest {

    private static final PlantProfile PROFILE = PlantProfile.small(42);

    @Test
    void theSameSeedGivesTheSamePlantAndAnotherSeedAnotherOne() {
        PlanningInput first = PlantGenerator.generate(PROFILE);

        assertEquals(first, PlantGenerator.generate(PROFILE));
        assertNotEquals(first.bomVersions(), PlantGenerator.generate(PROFILE.withSeed(43)).bomVersions());
    }

    @Test
    void thePlantHasTheRequestedSizeAndExactlyTheRequestedNumberOfLevels() {
        PlanningInput input = PlantGenerator.generate(PROFILE);
        PlanningModel model = PlanningModel.compile(input);

        assertEquals(PROFILE.items(), model.itemCount());
        assertEquals(PROFILE.levels(), model.levels());
        assertEquals(PROFILE.demandLines(), input.salesOrderLines().size());
        int lines = model.bomLineCount();
        assertTrue(Math.abs(lines - PROFILE.bomLines()) < PROFILE.bomLines() / 20,
                "about " + PROFILE.bomLines() + " BOM lines, not " + lines);
    }

    @Test
    void thePlantHasEveryFeatureMrpMustHandle() {
        PlanningInput input = PlantGenerator.generate(PROFILE);

        assertTrue(input.items().stream().anyMatch(Item::phantom), "phantom items");
        assertTrue(input.bomVersions().stream().flatMap(v -> v.lines().stream()).anyMatch(
                org.pilotline.erp.mrp.engine.input.BomLine::phantom), "phantom lines");
        assertTrue(input.items().stream().anyMatch(i -> i.decimals() > 0), "items kept with decimals");
        assertTrue(input.items().stream().anyMatch(i -> i.safetyStock().signum() > 0), "safety stock");
        Set<Class<?>> policies = input.items().stream().map(i -> i.lotSizing().getClass()).collect(Collectors.toSet());
        assertEquals(Set.of(LotSizing.LotForLot.class, LotSizing.FixedQuantity.class, LotSizing.MinMaxMultiple.class,
                LotSizing.PeriodsOfSupply.class), policies);
        assertTrue(input.bomVersions().stream().anyMatch(v -> v.validTo() != null), "a version that ends");
        assertTrue(input.bomVersions().stream().map(BomVersion::lines).flatMap(java.util.List::stream)
                .anyMatch(l -> l.scrapFactor().signum() > 0), "scrap");
        assertTrue(input.recipes().stream().flatMap(r -> r.outputs().stream())
                .anyMatch(o -> o.kind() == OutputKind.CO_PRODUCT), "co-products");
        assertTrue(input.scheduledReceipts().stream().anyMatch(r -> r.kind() == ReceiptKind.PURCHASE_ORDER));
        assertTrue(input.scheduledReceipts().stream().anyMatch(r -> r.kind() == ReceiptKind.PRODUCTION_ORDER));
        assertTrue(!input.reservations().isEmpty() && !input.firmedPlannedOrders().isEmpty()
                && !input.forecasts().isEmpty() && !input.stock().isEmpty());
        assertEquals(PROFILE.holidays(), input.calendar().holidays().size());
    }
}
