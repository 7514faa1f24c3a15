package org.pilotline.erp.bom.structure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Multi-level standard cost of one unit of an item on a date:
 * <ul>
 *   <li>an item with an effective BOM or recipe costs its components (quantity per unit × (1 + scrap) × their own
 *   rolled cost, phantoms included like any assembly) plus its routing's operations; a recipe's main product carries
 *   its allocated share of that batch cost;</li>
 *   <li>an item that only comes out of a recipe as a co-product carries that recipe's batch cost times its share,
 *   divided by its quantity;</li>
 *   <li>anything else (a bought item, or one without structure) costs its standard cost.</li>
 * </ul>
 * Every item is costed once per roll-up; results keep {@link #SCALE} decimal places.
 */
public final class CostRollup {

    public static final int SCALE = 6;

    /** A component's contribution to the cost of one unit of the parent. */
    public record Line(long itemId, String code, BigDecimal grossQuantityPer, BigDecimal unitCost, BigDecimal extendedCost,
                       boolean phantom) {
    }

    /** The cost of one unit of an item and how it is made up. */
    public record Cost(long itemId, String code, String basis, BigDecimal material, BigDecimal operations,
                       BigDecimal share, BigDecimal unitCost, List<Line> lines) {
    }

    private final StructureSource source;
    private final LocalDate date;
    private final Map<Long, Cost> costed = new HashMap<>();

    private CostRollup(StructureSource source, LocalDate date) {
        this.source = source;
        this.date = date;
    }

    public static Cost of(long itemId, LocalDate date, StructureSource source) {
        return new CostRollup(source, date).cost(itemId, 0);
    }

    private Cost cost(long itemId, int depth) {
        Cost known = costed.get(itemId);
        if (known != null) {
            return known;
        }
        if (depth > Explosion.MAX_DEPTH) {
            throw new IllegalStateException("structure deeper than " + Explosion.MAX_DEPTH + " levels");
        }
        StructureSource.ItemFacts item = source.item(itemId);
        Optional<StructureVersion> version = source.effectiveVersion(itemId, date);
        Cost result;
        if (version.isPresent()) {
            result = fromStructure(item, version.get(), depth);
        } else {
            Optional<StructureVersion> producer = source.versionProducing(itemId, date);
            result = producer.isPresent() ? asOutput(item, producer.get(), depth)
                    : new Cost(itemId, item.code(), "standard cost", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE,
                    scale(item.standardCost()), List.of());
        }
        costed.put(itemId, result);
        return result;
    }

    private Cost fromStructure(StructureSource.ItemFacts item, StructureVersion version, int depth) {
        List<Line> lines = new ArrayList<>();
        BigDecimal material = BigDecimal.ZERO;
        for (StructureVersion.Component component : version.components()) {
            Cost componentCost = cost(component.itemId(), depth + 1);
            BigDecimal gross = component.grossQuantityPer();
            BigDecimal extended = gross.multiply(componentCost.unitCost(), MathContext.DECIMAL128);
            material = material.add(extended);
            lines.add(new Line(component.itemId(), componentCost.code(), gross.stripTrailingZeros(),
                    componentCost.unitCost(), scale(extended), component.phantom()));
        }
        BigDecimal operations = source.operationCostPerUnit(item.id(), date);
        BigDecimal unit = material.add(operations).multiply(version.costShare(), MathContext.DECIMAL128);
        return new Cost(item.id(), item.code(), version.kind() + " " + version.revision(), scale(material),
                scale(operations), version.costShare().stripTrailingZeros(), scale(unit), lines);
    }

    /** The batch cost of the producing recipe, per unit of the main product, shared out to this co-product. */
    private Cost asOutput(StructureSource.ItemFacts item, StructureVersion producer, int depth) {
        Cost main = cost(producer.itemId(), depth + 1);
        BigDecimal batchCostPerMainUnit = main.material().add(main.operations());
        StructureVersion.Output output = producer.outputs().stream().filter(o -> o.itemId() == item.id()).findFirst()
                .orElseThrow();
        BigDecimal unit = output.quantityPer().signum() == 0 ? BigDecimal.ZERO
                : batchCostPerMainUnit.multiply(output.costShare()).divide(output.quantityPer(), MathContext.DECIMAL128);
        return new Cost(item.id(), item.code(), output.kind() + " of " + main.code() + " (" + producer.kind() + " "
                + producer.revision() + ")", main.material(), main.operations(), output.costShare().stripTrailingZeros(),
                scale(unit), List.of());
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
