package org.pilotline.erp.excel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.bom.Recipe;
import org.pilotline.erp.bom.RecipeIngredient;
import org.pilotline.erp.bom.RecipeOutput;
import org.pilotline.erp.bom.RecipeService;
import org.pilotline.erp.bom.RecipeRequest;
import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.unit.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The recipe sheet: one row per ingredient or output; rows with the same product and revision make one recipe. */
@ApplicationScoped
public class RecipeSheet implements SheetHandler {

    private static final List<String> HEADER = List.of("validFrom", "validTo", "batchSize", "expectedYield", "costAllocation");
    private static final Map<String, String> DEFAULTS = Map.of("expectedYield", "1", "costAllocation", "1");
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("itemId", "item"),
            Map.entry("unitId", "unit"), Map.entry("costAllocation", "costAllocation"), Map.entry("validFrom", "validFrom"),
            Map.entry("validTo", "validTo"), Map.entry("revision", "revision"), Map.entry("ingredients", "item"),
            Map.entry("outputs", "item"), Map.entry("lineNo", "lineNo"), Map.entry("quantity", "quantity"),
            Map.entry("batchSize", "batchSize"), Map.entry("expectedYield", "expectedYield"));

    @Inject
    RecipeService recipes;

    @Override
    public SheetSpec spec() {
        return SheetSpec.RECIPES;
    }

    @Override
    public List<Row> export() {
        List<Row> rows = new ArrayList<>();
        for (Recipe recipe : Recipe.<Recipe>list("order by item.code, revision")) {
            rows.addAll(rows(recipe));
        }
        return rows;
    }

    static List<Row> rows(Recipe r) {
        List<Row> rows = new ArrayList<>();
        for (RecipeIngredient in : r.ingredients) {
            rows.add(line(r, SheetSpec.RecipeLineKind.INGREDIENT, in.lineNo, in.item.code, Canon.decimal(in.quantity),
                    in.unit.code, null));
        }
        for (RecipeOutput out : r.outputs) {
            rows.add(line(r, out.kind == StructureVersion.OutputKind.CO_PRODUCT ? SheetSpec.RecipeLineKind.CO_PRODUCT
                    : SheetSpec.RecipeLineKind.BY_PRODUCT, out.lineNo, out.item.code, Canon.decimal(out.quantity),
                    out.unit.code, Canon.decimal(out.costAllocation)));
        }
        return rows;
    }

    private static Row line(Recipe r, SheetSpec.RecipeLineKind kind, int lineNo, String item, String quantity, String unit,
                            String costShare) {
        Map<String, String> v = new HashMap<>();
        v.put("product", r.item.code);
        v.put("revision", r.revision);
        v.put("validFrom", Canon.date(r.validFrom));
        v.put("validTo", Canon.date(r.validTo));
        v.put("batchSize", Canon.decimal(r.batchSize));
        v.put("expectedYield", Canon.decimal(r.expectedYield));
        v.put("costAllocation", Canon.decimal(r.costAllocation));
        v.put("lineKind", kind.name());
        v.put("lineNo", String.valueOf(lineNo));
        v.put("item", item);
        v.put("quantity", quantity);
        v.put("unit", unit);
        v.put("lineCostAllocation", costShare);
        return new Row(0, v);
    }

    @Override
    public void apply(WorkbookReader.ParsedSheet sheet, ImportRun run) {
        Groups.by(sheet.rows(), r -> r.text("product") + "\u0000" + r.text("revision")).forEach((key, group) -> {
            if (group.stream().anyMatch(run::hasProblems) || !Groups.headersAgree(group, HEADER, run)) {
                return;
            }
            Row first = group.get(0);
            Optional<Item> product = Item.findByCode(first.text("product"));
            if (product.isEmpty()) {
                group.forEach(row -> run.problem(row, "product", "no item '" + first.text("product") + "'"));
                return;
            }
            List<RecipeRequest.Ingredient> ingredients = new ArrayList<>();
            List<RecipeRequest.Output> outputs = new ArrayList<>();
            List<Row> ingredientRows = new ArrayList<>();
            List<Row> outputRows = new ArrayList<>();
            boolean resolved = true;
            for (Row row : group) {
                Optional<Item> item = Item.findByCode(row.text("item"));
                Optional<Unit> unit = row.has("unit") ? Unit.find("code", row.text("unit")).firstResultOptional() : Optional.empty();
                if (item.isEmpty()) {
                    run.problem(row, "item", "no item '" + row.text("item") + "'");
                    resolved = false;
                    continue;
                }
                if (row.has("unit") && unit.isEmpty()) {
                    run.problem(row, "unit", "no unit '" + row.text("unit") + "'");
                    resolved = false;
                    continue;
                }
                Long unitId = unit.map(u -> u.id).orElse(null);
                SheetSpec.RecipeLineKind kind = SheetSpec.RecipeLineKind.valueOf(row.text("lineKind"));
                if (kind == SheetSpec.RecipeLineKind.INGREDIENT) {
                    ingredients.add(new RecipeRequest.Ingredient(row.integer("lineNo"), item.get().id, row.decimal("quantity"), unitId));
                    ingredientRows.add(row);
                } else {
                    outputs.add(new RecipeRequest.Output(row.integer("lineNo"), item.get().id, kind.outputKind(),
                            row.decimal("quantity"), unitId, row.decimal("lineCostAllocation")));
                    outputRows.add(row);
                }
            }
            if (!resolved) {
                return;
            }
            Optional<Recipe> existing = Recipe.find("item = ?1 and revision = ?2", product.get(), first.text("revision")).firstResultOptional();
            List<Row> inExportOrder = new ArrayList<>(ingredientRows);
            inExportOrder.addAll(outputRows);
            if (existing.isPresent() && Groups.same(spec(), rows(existing.get()), inExportOrder, DEFAULTS, RecipeSheet::withUnit)) {
                run.unchanged();
                return;
            }
            RecipeRequest request = new RecipeRequest(product.get().id, first.text("revision"), first.decimal("batchSize"),
                    first.decimal("expectedYield"), first.decimal("costAllocation"), first.date("validFrom"),
                    first.date("validTo"), ingredients, outputs, existing.map(r -> r.version).orElse(null));
            if (!run.valid(request, group, FIELDS, "product") || !run.writable()) {
                return;
            }
            try {
                recipes.saveRevision(existing.map(r -> r.id).orElse(null), request);
                if (existing.isPresent()) {
                    run.updated();
                } else {
                    run.created();
                }
            } catch (DomainException refusal) {
                run.refused(first, refusal, FIELDS, "product");
            }
        });
    }

    private static Map<String, String> withUnit(Row row) {
        Map<String, String> values = new HashMap<>(row.values());
        if (values.get("unit") == null) {
            Item.findByCode(row.text("item")).ifPresent(i -> values.put("unit", i.stockUnit.code));
        }
        if (!"INGREDIENT".equals(values.get("lineKind"))) {
            values.putIfAbsent("lineCostAllocation", "0");
        }
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }
}
