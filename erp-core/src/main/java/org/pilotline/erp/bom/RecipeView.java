package org.pilotline.erp.bom;

import org.pilotline.erp.bom.structure.StructureVersion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.pilotline.platform.quantity.Decimals.plain;

public record RecipeView(long id, long itemId, String itemCode, String revision, BigDecimal batchSize,
                         BigDecimal expectedYield, BigDecimal costAllocation, LocalDate validFrom, LocalDate validTo,
                         List<Ingredient> ingredients, List<Output> outputs, long version) {

    public record Ingredient(int lineNo, long itemId, String itemCode, BigDecimal quantity, long unitId, String unit) {
    }

    public record Output(int lineNo, long itemId, String itemCode, StructureVersion.OutputKind kind, BigDecimal quantity,
                         long unitId, String unit, BigDecimal costAllocation) {
    }

    public static RecipeView of(Recipe r) {
        return new RecipeView(r.id, r.item.id, r.item.code, r.revision, plain(r.batchSize), plain(r.expectedYield),
                plain(r.costAllocation), r.validFrom, r.validTo,
                r.ingredients.stream().map(i -> new Ingredient(i.lineNo, i.item.id, i.item.code, plain(i.quantity),
                        i.unit.id, i.unit.code)).toList(),
                r.outputs.stream().map(o -> new Output(o.lineNo, o.item.id, o.item.code, o.kind, plain(o.quantity),
                        o.unit.id, o.unit.code, plain(o.costAllocation))).toList(), r.version);
    }
}
