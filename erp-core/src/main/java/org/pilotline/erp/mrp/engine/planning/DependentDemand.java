package org.pilotline.erp.mrp.engine.planning;

import org.pilotline.erp.mrp.engine.model.Kinds;
import org.pilotline.erp.mrp.engine.model.Quantities;
import org.pilotline.erp.mrp.engine.model.Structure;

/**
 * Dependent demand of an item, pulled from the orders of every parent that uses it in the formula the order uses,
 * and through phantom lines: a parent that is itself used on a phantom line passes on what the orders above it need
 * of it, when its own formula at their date is the one using this item. What reaches an item on a phantom line is
 * not its demand but blown through to its components — unless it has no formula on that date.
 */
final class DependentDemand {

    private final Structure structure;
    private final ItemPlan[] plans;
    private final DemandList demands;
    private final int today;

    DependentDemand(Structure structure, ItemPlan[] plans, DemandList demands) {
        this.structure = structure;
        this.plans = plans;
        this.demands = demands;
        this.today = structure.calendar.today;
    }

    /** Adds the dependent demand of {@code component} to the demand list. */
    void gather(int component) {
        for (int use = structure.whereUsedStart[component]; use < structure.whereUsedStart[component + 1]; use++) {
            int parent = structure.whereUsedParent[use];
            int formula = structure.whereUsedFormula[use];
            int line = structure.whereUsedLine[use];
            long numerator = structure.lineNumerator[line];
            long denominator = structure.lineDenominator[line];
            boolean blownThrough = structure.linePhantom[line];
            if (blownThrough || structure.usedOnPhantomLine[parent]) {
                requirementsVia(parent, formula, (quantity, date, sourceItem, sourceOrder) -> {
                    if (!blownThrough || structure.formulaAt(component, Math.max(date, today)) < 0) {
                        demands.add(Kinds.DEPENDENT, date, Quantities.mulDivCeil(quantity, numerator, denominator),
                                sourceItem, sourceOrder, today);
                    }
                });
                continue;
            }
            ItemPlan parentPlan = plans[parent];
            for (int order = 0, firmedOrders = parentPlan.firmedCount(); order < firmedOrders; order++) {
                if (parentPlan.orderFormula(order) == formula) {
                    demands.add(Kinds.DEPENDENT, parentPlan.orderRelease(order),
                            Quantities.mulDivCeil(parentPlan.orderQuantity(order), numerator, denominator), parent,
                            order, today);
                }
            }
            parentPlan.forEachPlannedOrderOf(formula, this, numerator, denominator);
        }
    }

    /** Called by {@link ItemPlan#forEachPlannedOrderOf} for each planned order of a parent that uses the formula. */
    void onPlannedOrder(int release, long parentQuantity, long numerator, long denominator, int parent, int ordinal) {
        demands.add(Kinds.DEPENDENT, release, Quantities.mulDivCeil(parentQuantity, numerator, denominator), parent,
                ordinal, today);
    }

    @FunctionalInterface
    private interface Requirement {
        void accept(long quantity, int date, int sourceItem, int sourceOrder);
    }

    /**
     * Quantities of {@code parent} to be made with {@code formula}, with the date and the order they come from: its
     * own orders, and what the orders above need of it on phantom lines when its formula at their date is this one.
     */
    private void requirementsVia(int parent, int formula, Requirement sink) {
        ItemPlan parentPlan = plans[parent];
        for (int order = 0, orders = parentPlan.orderCount(); order < orders; order++) {
            if (parentPlan.orderFormula(order) == formula) {
                sink.accept(parentPlan.orderQuantity(order), parentPlan.orderRelease(order), parent, order);
            }
        }
        if (!structure.usedOnPhantomLine[parent]) {
            return;
        }
        for (int use = structure.whereUsedStart[parent]; use < structure.whereUsedStart[parent + 1]; use++) {
            int line = structure.whereUsedLine[use];
            if (!structure.linePhantom[line]) {
                continue;
            }
            long numerator = structure.lineNumerator[line];
            long denominator = structure.lineDenominator[line];
            requirementsVia(structure.whereUsedParent[use], structure.whereUsedFormula[use],
                    (quantity, date, sourceItem, sourceOrder) -> {
                        if (structure.formulaAt(parent, Math.max(date, today)) == formula) {
                            sink.accept(Quantities.mulDivCeil(quantity, numerator, denominator), date, sourceItem,
                                    sourceOrder);
                        }
                    });
        }
    }
}
