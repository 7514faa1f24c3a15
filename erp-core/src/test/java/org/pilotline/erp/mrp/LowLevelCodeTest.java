package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;
import org.pilotline.erp.mrp.engine.model.InvalidPlanningInputException;
import org.pilotline.erp.mrp.engine.model.PlanningModel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.day;

/** Low-level codes, and refusing input that cannot be planned, naming what is wrong. */
class LowLevelCodeTest {

    @Test
    void anItemUsedOnSeveralLevelsGetsTheLowestLevelItIsUsedOn() {
        PlanningModel model = PlanningModel.compile(aPlant()
                .item(Item.make("A", 1), Item.make("B", 1), Item.buy("C", 1), Item.buy("D", 1))
                .bom("A", BomLine.of("B", 1), BomLine.of("C", 1))
                .bom("B", BomLine.of("C", 1), BomLine.of("D", 1))
                .build());

        assertEquals(0, model.lowLevelCodeOf("A"));
        assertEquals(1, model.lowLevelCodeOf("B"));
        assertEquals(2, model.lowLevelCodeOf("C"));   // used by A on level 1 and by B on level 2
        assertEquals(2, model.lowLevelCodeOf("D"));
        assertEquals(3, model.levels());
    }

    @Test
    void aCoProductIsPlannedBelowTheItemWhoseRecipeYieldsIt() {
        PlanningModel model = PlanningModel.compile(aPlant()
                .item(Item.make("M", 1), Item.buy("ING", 1), Item.buy("CO", 1))
                .recipe(recipe("M", "ING", "CO"))
                .build());

        assertEquals(1, model.lowLevelCodeOf("CO"));
    }

    @Test
    void aBomCycleIsRefusedNamingTheItemsOfTheCycle() {
        PlanningInput input = aPlant()
                .item(Item.make("A", 1), Item.make("B", 1), Item.make("C", 1), Item.make("TOP", 1), Item.buy("D", 1))
                .bom("TOP", BomLine.of("A", 1))
                .bom("A", BomLine.of("B", 1), BomLine.of("D", 1))
                .bom("B", BomLine.of("C", 1))
                .bom("C", BomLine.of("A", 2))
                .build();

        InvalidPlanningInputException refused = assertThrows(InvalidPlanningInputException.class,
                () -> PlanningModel.compile(input));

        assertEquals(1, refused.cycles().size());
        assertEquals(List.of("A", "B", "C", "A"), startingAt("A", refused.cycles().get(0)));
        assertTrue(refused.getMessage().contains("→"), refused.getMessage());
    }

    @Test
    void aCycleThroughARecipeCoProductIsRefusedToo() {
        // M's recipe yields X as co-product, and X's BOM needs M: M must be planned before X and X before M.
        PlanningInput input = aPlant()
                .item(Item.make("M", 1), Item.buy("ING", 1), Item.make("X", 1))
                .recipe(recipe("M", "ING", "X"))
                .bom("X", BomLine.of("M", 1))
                .build();

        InvalidPlanningInputException refused = assertThrows(InvalidPlanningInputException.class,
                () -> PlanningModel.compile(input));

        assertEquals(List.of("M", "X", "M"), startingAt("M", refused.cycles().get(0)));
    }

    @Test
    void anItemThatIsItsOwnComponentIsACycleOfOne() {
        PlanningInput input = aPlant().item(Item.make("S", 1)).bom("S", BomLine.of("S", 1)).build();

        InvalidPlanningInputException refused = assertThrows(InvalidPlanningInputException.class,
                () -> PlanningModel.compile(input));

        assertEquals(List.of("S", "S"), refused.cycles().get(0));
    }

    @Test
    void unknownItemsAndImpossibleLotSizesAreAllReportedAtOnce() {
        PlanningInput input = aPlant()
                .item(Item.make("A", 1), Item.buy("P", 1).withLotSizing(LotSizing.fixedQuantity(1))
                        .withLotSizing(new LotSizing.FixedQuantity(new BigDecimal("2.5"))))
                .bom("A", BomLine.of("GHOST", 1))
                .salesOrder("SO-1", "NOBODY", day("03-10"), 1)
                .build();

        InvalidPlanningInputException refused = assertThrows(InvalidPlanningInputException.class,
                () -> PlanningModel.compile(input));

        List<String> kinds = refused.problems().stream().map(p -> p.kind() + ":" + p.itemCodes()).toList();
        assertTrue(kinds.contains("unknown-item:[GHOST]"), kinds::toString);
        assertTrue(kinds.contains("unknown-item:[NOBODY]"), kinds::toString);
        assertTrue(kinds.contains("invalid-lot-size:[P]"), kinds::toString);
    }

    private static Recipe recipe(String product, String ingredient, String coProduct) {
        return new Recipe(product, "R-" + product, null, null, null, BigDecimal.TEN, BigDecimal.ONE,
                List.of(new RecipeIngredient(ingredient, BigDecimal.ONE)),
                List.of(new RecipeOutput(coProduct, BigDecimal.ONE, OutputKind.CO_PRODUCT)));
    }

    /** The cycle rotated to start (and end) at {@code first}. */
    private static List<String> startingAt(String first, List<String> cycle) {
        List<String> open = new ArrayList<>(cycle.subList(0, cycle.size() - 1));
        Collections.rotate(open, -open.indexOf(first));
        open.add(first);
        return open;
    }
}
