package org.pilotline.erp.mrp.engine.model;

import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PlanningInput} compiled for planning: items and formulas by index, low-level codes, the calendar as
 * arrays, supply and demand grouped per item. Immutable; {@link #withSalesOrderLine} and
 * {@link #withoutSalesOrderLine} make a model that shares everything but the sales order lines, which is what a
 * net-change re-plan needs.
 */
public final class PlanningModel {

    private final PlanningInput input;
    private final Structure structure;
    private final StaticSupplyAndDemand supplyAndDemand;
    private final SalesBook sales;

    private PlanningModel(PlanningInput input, Structure structure, StaticSupplyAndDemand supplyAndDemand, SalesBook sales) {
        this.input = input;
        this.structure = structure;
        this.supplyAndDemand = supplyAndDemand;
        this.sales = sales;
    }

    /**
     * Compiles the input.
     *
     * @throws InvalidPlanningInputException naming every unknown item, BOM/recipe cycle, inconsistent lot size…
     */
    public static PlanningModel compile(PlanningInput input) {
        List<InputProblem> problems = new ArrayList<>();
        Structure structure = StructureCompiler.compile(input, problems);
        if (structure == null) {
            throw new InvalidPlanningInputException(problems);
        }
        StaticSupplyAndDemand supplyAndDemand = StaticSupplyAndDemand.compile(input, structure, problems);
        SalesBook sales = SalesBook.compile(input.salesOrderLines(), structure, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPlanningInputException(problems);
        }
        return new PlanningModel(input, structure, supplyAndDemand, sales);
    }

    /** This model with the sales order line of the same reference replaced, or added if it is new. */
    public PlanningModel withSalesOrderLine(SalesOrderLine line) {
        return new PlanningModel(input, structure, supplyAndDemand, sales.with(line, structure));
    }

    /** This model without the sales order line of this reference. */
    public PlanningModel withoutSalesOrderLine(String reference) {
        return new PlanningModel(input, structure, supplyAndDemand, sales.without(reference, structure));
    }

    /** The input this model plans, with its current sales order lines. */
    public PlanningInput input() {
        return new PlanningInput(input.horizon(), input.calendar(), input.items(), input.bomVersions(),
                input.recipes(), sales.lines, input.forecasts(), input.reservations(), input.stock(),
                input.scheduledReceipts(), input.firmedPlannedOrders());
    }

    /** The input records as compiled (sales order lines as they were at compilation). */
    public PlanningInput compiledInput() {
        return input;
    }

    public List<SalesOrderLine> salesOrderLines() {
        return sales.lines;
    }

    public int itemCount() {
        return structure.itemCount;
    }

    /** Component lines of all BOM versions plus ingredient lines of all recipes. */
    public int bomLineCount() {
        return structure.bomLineCount;
    }

    /** The number of low-level codes (BOM levels). */
    public int levels() {
        return structure.levels;
    }

    public int lowLevelCodeOf(String itemCode) {
        int item = structure.indexOf(itemCode);
        if (item < 0) {
            throw new IllegalArgumentException("unknown item " + itemCode);
        }
        return structure.lowLevelCode[item];
    }

    /** Whether {@code other} differs from this model in its sales order lines at most. */
    public boolean sharesMasterDataWith(PlanningModel other) {
        return other.structure == structure && other.supplyAndDemand == supplyAndDemand;
    }

    /** Internal arrays, for the engine and its result views. */
    public Structure structure() {
        return structure;
    }

    /** Internal arrays, for the engine and its result views. */
    public StaticSupplyAndDemand supplyAndDemand() {
        return supplyAndDemand;
    }

    /** Internal arrays, for the engine and its result views. */
    public SalesBook sales() {
        return sales;
    }
}
