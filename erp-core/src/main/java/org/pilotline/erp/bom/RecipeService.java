package org.pilotline.erp.bom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.erp.unit.Unit;
import org.pilotline.erp.unit.UnitService;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recipe revisions (process-type formulas) of the caller's enterprise. */
@ApplicationScoped
public class RecipeService {

    @Inject
    TenantContext tenant;

    @Inject
    StructureService structures;

    @Inject
    UnitService units;

    public Page<RecipeView> listRecipes(PageRequest page, Long itemId, Long ingredientId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "r.item.id = :item", "item", () -> itemId)
                .and(ingredientId != null, "exists (select i from RecipeIngredient i where i.recipe = r and i.item.id = :ingredient)",
                        "ingredient", () -> ingredientId);
        return Lookups.page(Recipe.find("from Recipe r where " + filter.where(),
                page.toSort(Map.of("revision", "revision", "validFrom", "validFrom"), "id"), filter.parameters()),
                page, RecipeView::of);
    }

    public RecipeView getRecipe(long id) {
        tenant.requireEnterprise();
        return RecipeView.of(Lookups.require(Recipe.class, "Recipe", id));
    }

    @Transactional
    public RecipeView saveRecipe(Long id, RecipeRequest r) {
        tenant.requireEnterprise();
        Recipe recipe = id == null ? new Recipe() : Lookups.require(Recipe.class, "Recipe", id);
        if (id != null) {
            Versions.requireCurrent("Recipe", id, r.version(), recipe.version);
        }
        Item product = Lookups.reference(Item.class, "Item", r.itemId(), "itemId");
        List<FieldError> problems = new ArrayList<>();
        if (product.sourcing != Sourcing.MAKE) {
            problems.add(new FieldError("itemId", "item '" + product.code + "' is bought, not made"));
        }
        BigDecimal mainShare = r.costAllocation() == null ? BigDecimal.ONE : r.costAllocation();
        Set<Long> seen = new HashSet<>(List.of(product.id));
        Set<Integer> lineNumbers = new HashSet<>();
        List<RecipeIngredient> ingredients = new ArrayList<>();
        for (int i = 0; i < r.ingredients().size(); i++) {
            RecipeRequest.Ingredient in = r.ingredients().get(i);
            String field = "ingredients[" + i + "]";
            if (!seen.add(in.itemId())) {
                problems.add(new FieldError(field + ".itemId", "is the product or listed twice"));
                continue;
            }
            RecipeIngredient ingredient = new RecipeIngredient();
            ingredient.lineNo = in.lineNo() == null ? (i + 1) * 10 : in.lineNo();
            if (!lineNumbers.add(ingredient.lineNo)) {
                problems.add(new FieldError(field + ".lineNo", "is used twice"));
            }
            ingredient.item = Lookups.reference(Item.class, "Item", in.itemId(), field + ".itemId");
            ingredient.unit = in.unitId() == null ? ingredient.item.stockUnit
                    : Lookups.reference(Unit.class, "Unit", in.unitId(), field + ".unitId");
            units.convert(in.quantity(), ingredient.unit.id, ingredient.item.stockUnit.id, ingredient.item.id, field + ".unitId");
            ingredient.quantity = in.quantity();
            ingredients.add(ingredient);
        }
        List<RecipeOutput> outputs = new ArrayList<>();
        BigDecimal allocated = mainShare;
        var requested = r.outputs() == null ? List.<RecipeRequest.Output>of() : r.outputs();
        Set<Integer> outputNumbers = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            RecipeRequest.Output out = requested.get(i);
            String field = "outputs[" + i + "]";
            if (!seen.add(out.itemId())) {
                problems.add(new FieldError(field + ".itemId", "is the product, an ingredient, or listed twice"));
                continue;
            }
            RecipeOutput output = new RecipeOutput();
            output.lineNo = out.lineNo() == null ? (i + 1) * 10 : out.lineNo();
            if (!outputNumbers.add(output.lineNo)) {
                problems.add(new FieldError(field + ".lineNo", "is used twice"));
            }
            output.item = Lookups.reference(Item.class, "Item", out.itemId(), field + ".itemId");
            output.unit = out.unitId() == null ? output.item.stockUnit
                    : Lookups.reference(Unit.class, "Unit", out.unitId(), field + ".unitId");
            units.convert(out.quantity(), output.unit.id, output.item.stockUnit.id, output.item.id, field + ".unitId");
            output.kind = out.kind();
            output.quantity = out.quantity();
            output.costAllocation = out.costAllocation() == null ? BigDecimal.ZERO : out.costAllocation();
            allocated = allocated.add(output.costAllocation);
            outputs.add(output);
        }
        if (allocated.compareTo(BigDecimal.ONE) != 0) {
            problems.add(new FieldError("costAllocation", "the main product's and the outputs' allocations add up to "
                    + allocated.stripTrailingZeros().toPlainString() + ", not 1"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-recipe", "The recipe is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
        if (Recipe.count("item = ?1 and revision = ?2 and id <> ?3", product, r.revision(), id == null ? -1L : id) > 0) {
            throw DomainException.conflict("duplicate-revision", "The revision exists",
                    "Item '" + product.code + "' already has recipe revision " + r.revision(),
                    new FieldError("revision", "is already used for this item"));
        }
        structures.requireNoOverlap(product, r.validFrom(), r.validTo(), null, id);
        structures.requireNoCycle(product, ingredients.stream().map(i -> i.item.id).toList(), "ingredients");
        recipe.item = product;
        recipe.revision = r.revision();
        recipe.batchSize = r.batchSize();
        recipe.expectedYield = r.expectedYield() == null ? BigDecimal.ONE : r.expectedYield();
        recipe.costAllocation = mainShare;
        recipe.validFrom = r.validFrom();
        recipe.validTo = r.validTo();
        recipe.ingredients.clear();
        recipe.outputs.clear();
        if (id != null) {
            Recipe.flush();
        }
        ingredients.forEach(i -> {
            i.recipe = recipe;
            recipe.ingredients.add(i);
        });
        outputs.forEach(o -> {
            o.recipe = recipe;
            recipe.outputs.add(o);
        });
        recipe.persist();
        if (id != null) {
            Versions.bump(recipe);
        }
        Recipe.flush();
        return RecipeView.of(recipe);
    }

    @Transactional
    public void deleteRecipe(long id) {
        tenant.requireEnterprise();
        Lookups.deleteUnlessReferenced(Lookups.require(Recipe.class, "Recipe", id), "Recipe " + id);
    }
}
