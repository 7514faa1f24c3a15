package org.pilotline.erp.bom;

import jakarta.enterprise.context.ApplicationScoped;
import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.erp.item.Item;
import org.pilotline.platform.persistence.Lookups;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Recipe revisions (process-type formulas) of the caller's enterprise. */
@ApplicationScoped
public class RecipeService extends StructureRevisionService<Recipe, RecipeRequest, RecipeView> {

    private static final Kind RECIPE = new Kind("Recipe", "recipe", "invalid-recipe", "ingredients",
            "exists (select i from RecipeIngredient i where i.recipe = s and i.item.id = :component)");

    RecipeService() {
        super(RECIPE, Recipe.class, Recipe::new, (query, sort, parameters) -> Recipe.find(query, sort, parameters),
                RecipeView::of);
    }

    @Override
    Header header(RecipeRequest r) {
        return new Header(r.itemId(), r.itemCode(), r.revision(), r.validFrom(), r.validTo(), r.version());
    }

    /** Ingredients and outputs; no item twice, and the main product's and the outputs' cost allocations add up to 1. */
    @Override
    Lines<Recipe> lines(RecipeRequest r, Item product, Problems problems) {
        Set<Long> seen = new HashSet<>(List.of(product.id));
        List<RecipeIngredient> ingredients = ingredients(r.ingredients(), seen, problems);
        List<RecipeOutput> outputs = outputs(r.outputs() == null ? List.of() : r.outputs(), seen, problems);
        BigDecimal allocated = outputs.stream().map(o -> o.costAllocation).reduce(mainShare(r), BigDecimal::add);
        if (allocated.compareTo(BigDecimal.ONE) != 0) {
            problems.add("costAllocation", "the main product's and the outputs' allocations add up to "
                    + allocated.stripTrailingZeros().toPlainString() + ", not 1");
        }
        return new Lines<>() {
            @Override
            public List<Long> consumedItemIds() {
                return ingredients.stream().map(i -> i.item.id).toList();
            }

            @Override
            public void attachTo(Recipe recipe) {
                ingredients.forEach(i -> {
                    i.recipe = recipe;
                    recipe.ingredients.add(i);
                });
                outputs.forEach(o -> {
                    o.recipe = recipe;
                    recipe.outputs.add(o);
                });
            }
        };
    }

    @Override
    StructureVersion normalise(DatabaseStructureSource source, Recipe recipe) {
        return source.normalise(recipe);
    }

    @Override
    void writeOwnHeader(Recipe recipe, RecipeRequest r) {
        recipe.batchSize = r.batchSize();
        recipe.expectedYield = r.expectedYield() == null ? BigDecimal.ONE : r.expectedYield();
        recipe.costAllocation = mainShare(r);
    }

    private List<RecipeIngredient> ingredients(List<RecipeRequest.Ingredient> requested, Set<Long> seen, Problems problems) {
        Set<Integer> lineNumbers = new HashSet<>();
        List<RecipeIngredient> ingredients = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            RecipeRequest.Ingredient in = requested.get(i);
            String field = "ingredients[" + i + "]";
            Item item = Lookups.reference(Item.class, "Item", in.itemId(), in.itemCode(), field + ".itemId");
            if (!seen.add(item.id)) {
                problems.add(field + ".itemId", "is the product or listed twice");
                continue;
            }
            RecipeIngredient ingredient = new RecipeIngredient();
            ingredient.lineNo = problems.lineNo(in.lineNo(), i, lineNumbers, field);
            ingredient.item = item;
            ingredient.unit = unitOf(ingredient.item, in.unitId(), in.unitCode(), in.quantity(), field);
            ingredient.quantity = in.quantity();
            ingredients.add(ingredient);
        }
        return ingredients;
    }

    private List<RecipeOutput> outputs(List<RecipeRequest.Output> requested, Set<Long> seen, Problems problems) {
        Set<Integer> lineNumbers = new HashSet<>();
        List<RecipeOutput> outputs = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            RecipeRequest.Output out = requested.get(i);
            String field = "outputs[" + i + "]";
            Item item = Lookups.reference(Item.class, "Item", out.itemId(), out.itemCode(), field + ".itemId");
            if (!seen.add(item.id)) {
                problems.add(field + ".itemId", "is the product, an ingredient, or listed twice");
                continue;
            }
            RecipeOutput output = new RecipeOutput();
            output.lineNo = problems.lineNo(out.lineNo(), i, lineNumbers, field);
            output.item = item;
            output.unit = unitOf(output.item, out.unitId(), out.unitCode(), out.quantity(), field);
            output.kind = out.kind();
            output.quantity = out.quantity();
            output.costAllocation = out.costAllocation() == null ? BigDecimal.ZERO : out.costAllocation();
            outputs.add(output);
        }
        return outputs;
    }

    /** The main product's share of the batch cost; all of it unless co- or by-products take some. */
    private static BigDecimal mainShare(RecipeRequest r) {
        return r.costAllocation() == null ? BigDecimal.ONE : r.costAllocation();
    }
}
