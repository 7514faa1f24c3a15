package org.pilotline.erp.bom;

import org.pilotline.erp.bom.structure.StructureSource;
import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.routing.RoutingService;
import org.pilotline.erp.unit.UnitService;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The structure rules' view of the caller's enterprise, read from the database as the rules ask and remembered for
 * the rest of one request (an explosion reads each item's versions once however often it recurs).
 */
final class DatabaseStructureSource implements StructureSource {

    private final UnitService units;
    private final RoutingService routings;
    private final Map<Long, ItemFacts> items = new HashMap<>();
    private final Map<Long, List<StructureVersion>> versions = new HashMap<>();

    DatabaseStructureSource(UnitService units, RoutingService routings) {
        this.units = units;
        this.routings = routings;
    }

    @Override
    public ItemFacts item(long itemId) {
        return items.computeIfAbsent(itemId, id -> {
            Item item = Item.findById(id);
            return new ItemFacts(item.id, item.code, item.name, item.stockUnit.code, item.sourcing == Sourcing.MAKE,
                    item.standardCost, item.standardLotSize);
        });
    }

    @Override
    public List<StructureVersion> versionsOf(long itemId) {
        return versions.computeIfAbsent(itemId, id -> {
            List<StructureVersion> result = new ArrayList<>();
            Bom.<Bom>list("item.id = ?1 order by validFrom", id).forEach(b -> result.add(normalise(b)));
            Recipe.<Recipe>list("item.id = ?1 order by validFrom", id).forEach(r -> result.add(normalise(r)));
            return result;
        });
    }

    @Override
    public List<StructureVersion> versionsUsing(long itemId) {
        List<StructureVersion> result = new ArrayList<>();
        for (Long parent : Bom.getEntityManager().createQuery(
                "select distinct l.bom.item.id from BomLine l where l.component.id = :item", Long.class)
                .setParameter("item", itemId).getResultList()) {
            versionsOf(parent).stream().filter(v -> v.kind() == StructureVersion.Kind.BOM && uses(v, itemId)).forEach(result::add);
        }
        for (Long parent : Bom.getEntityManager().createQuery(
                "select distinct i.recipe.item.id from RecipeIngredient i where i.item.id = :item", Long.class)
                .setParameter("item", itemId).getResultList()) {
            versionsOf(parent).stream().filter(v -> v.kind() == StructureVersion.Kind.RECIPE && uses(v, itemId)).forEach(result::add);
        }
        return result;
    }

    @Override
    public Optional<StructureVersion> versionProducing(long itemId, LocalDate date) {
        for (Long parent : Bom.getEntityManager().createQuery(
                "select distinct o.recipe.item.id from RecipeOutput o where o.item.id = :item", Long.class)
                .setParameter("item", itemId).getResultList()) {
            Optional<StructureVersion> producing = versionsOf(parent).stream()
                    .filter(v -> v.effectiveOn(date) && v.outputs().stream().anyMatch(o -> o.itemId() == itemId))
                    .findFirst();
            if (producing.isPresent()) {
                return producing;
            }
        }
        return Optional.empty();
    }

    @Override
    public BigDecimal operationCostPerUnit(long itemId, LocalDate date) {
        return routings.operationCostPerUnit(Item.findById(itemId), date);
    }

    StructureVersion normalise(Bom bom) {
        List<StructureVersion.Component> components = new ArrayList<>();
        for (BomLine line : bom.lines) {
            BigDecimal inStockUnit = units.convert(line.quantity, line.unit.id, line.component.stockUnit.id,
                    line.component.id, "lines");
            components.add(new StructureVersion.Component(line.lineNo, line.component.id,
                    inStockUnit.divide(bom.baseQuantity, MathContext.DECIMAL128), line.scrapFactor, line.phantom));
        }
        // a proposed revision, not stored, has no id yet
        return new StructureVersion(bom.item.id, StructureVersion.Kind.BOM, bom.id == null ? 0 : bom.id, bom.revision, bom.validFrom,
                bom.validTo, components, List.of(), BigDecimal.ONE);
    }

    /** Per one unit of main product: the batch divided by its expected output of main product. */
    StructureVersion normalise(Recipe recipe) {
        BigDecimal mainOutput = recipe.batchSize.multiply(recipe.expectedYield);
        List<StructureVersion.Component> components = new ArrayList<>();
        for (RecipeIngredient ingredient : recipe.ingredients) {
            BigDecimal inStockUnit = units.convert(ingredient.quantity, ingredient.unit.id, ingredient.item.stockUnit.id,
                    ingredient.item.id, "ingredients");
            components.add(new StructureVersion.Component(ingredient.lineNo, ingredient.item.id,
                    inStockUnit.divide(mainOutput, MathContext.DECIMAL128), BigDecimal.ZERO, false));
        }
        List<StructureVersion.Output> outputs = new ArrayList<>();
        for (RecipeOutput output : recipe.outputs) {
            BigDecimal inStockUnit = units.convert(output.quantity, output.unit.id, output.item.stockUnit.id,
                    output.item.id, "outputs");
            outputs.add(new StructureVersion.Output(output.lineNo, output.item.id, output.kind,
                    inStockUnit.divide(mainOutput, MathContext.DECIMAL128), output.costAllocation));
        }
        return new StructureVersion(recipe.item.id, StructureVersion.Kind.RECIPE, recipe.id == null ? 0 : recipe.id,
                recipe.revision,
                recipe.validFrom, recipe.validTo, components, outputs, recipe.costAllocation);
    }

    private static boolean uses(StructureVersion version, long itemId) {
        return version.components().stream().anyMatch(c -> c.itemId() == itemId);
    }
}
