package org.pilotline.erp.mrp.engine.model;

import java.util.Map;

/**
 * The master data of a plan, index-based: items (by index), formulas (BOM versions and recipes, grouped by item and
 * ordered by effectivity start), their component lines and outputs, where-used lists, low-level codes and the
 * calendar. Immutable once built ({@link StructureCompiler}); shared between a plan and its net-change successors.
 *
 * <p>Lists per owner are CSR arrays: the formulas of item {@code i} are {@code [formulaStart[i], formulaStart[i + 1])},
 * the lines of formula {@code f} are {@code [lineStart[f], lineStart[f + 1])}, and so on. Quantity factors are exact
 * reduced fractions (numerator / denominator) per unit of the parent.
 */
public final class Structure {

    public final int itemCount;
    public final String[] itemCode;
    public final Map<String, Integer> indexByCode;
    public final boolean[] make;
    public final boolean[] phantom;
    /** Lead time in working days. */
    public final int[] leadTime;
    /** Safety stock in micro-units. */
    public final long[] safetyStock;
    public final LotSizes lotSizes;

    public final int[] formulaStart;
    public final int[] formulaItem;
    /** First day index the formula is effective on. */
    public final int[] formulaFrom;
    /** First day index the formula is no longer effective on. */
    public final int[] formulaTo;
    public final boolean[] formulaRecipe;
    public final String[] formulaCode;
    public final String[] formulaRouting;

    public final int[] lineStart;
    public final int[] lineComponent;
    /** Component quantity per unit of the parent, scrap included: numerator … */
    public final long[] lineNumerator;
    /** … and denominator. */
    public final long[] lineDenominator;
    /** Whether the line's component is blown through (a phantom line, or a component that is a phantom item). */
    public final boolean[] linePhantom;
    /** Whether some line uses the item as a phantom. */
    public final boolean[] usedOnPhantomLine;

    public final int[] outputStart;
    public final int[] outputItem;
    /** Output quantity per unit of the recipe's product: numerator … */
    public final long[] outputNumerator;
    /** … and denominator. */
    public final long[] outputDenominator;
    public final boolean[] outputCoProduct;

    /** The lines using an item as component: per line, the parent item, its formula and the line. */
    public final int[] whereUsedStart;
    public final int[] whereUsedParent;
    public final int[] whereUsedFormula;
    public final int[] whereUsedLine;
    /** The recipes yielding an item as co-product: per output, the producing item, its formula and the output. */
    public final int[] producerStart;
    public final int[] producer;
    public final int[] producerFormula;
    public final int[] producerOutput;

    public final int[] lowLevelCode;
    /**
     * Items in planning order, low-level code by low-level code: level {@code l} is
     * {@code [levelStart[l], levelStart[l + 1])}.
     */
    public final int[] planningOrder;
    public final int[] levelStart;
    public final int levels;
    public final int bomLineCount;
    public final CalendarIndex calendar;

    Structure(StructureCompiler compiled) {
        itemCount = compiled.itemCount;
        itemCode = compiled.itemCode;
        indexByCode = compiled.indexByCode;
        make = compiled.make;
        phantom = compiled.phantom;
        leadTime = compiled.leadTime;
        safetyStock = compiled.safetyStock;
        lotSizes = compiled.lotSizes;
        formulaStart = compiled.formulaStart;
        formulaItem = compiled.formulaItem;
        formulaFrom = compiled.formulaFrom;
        formulaTo = compiled.formulaTo;
        formulaRecipe = compiled.formulaRecipe;
        formulaCode = compiled.formulaCode;
        formulaRouting = compiled.formulaRouting;
        lineStart = compiled.lineStart;
        lineComponent = compiled.lineComponent;
        lineNumerator = compiled.lineNumerator;
        lineDenominator = compiled.lineDenominator;
        linePhantom = compiled.linePhantom;
        usedOnPhantomLine = compiled.usedOnPhantomLine;
        outputStart = compiled.outputStart;
        outputItem = compiled.outputItem;
        outputNumerator = compiled.outputNumerator;
        outputDenominator = compiled.outputDenominator;
        outputCoProduct = compiled.outputCoProduct;
        whereUsedStart = compiled.whereUsedStart;
        whereUsedParent = compiled.whereUsedParent;
        whereUsedFormula = compiled.whereUsedFormula;
        whereUsedLine = compiled.whereUsedLine;
        producerStart = compiled.producerStart;
        producer = compiled.producer;
        producerFormula = compiled.producerFormula;
        producerOutput = compiled.producerOutput;
        lowLevelCode = compiled.lowLevelCode;
        planningOrder = compiled.planningOrder;
        levelStart = compiled.levelStart;
        levels = compiled.levels;
        bomLineCount = compiled.bomLineCount;
        calendar = compiled.calendar;
    }

    /** The formula (BOM version or recipe) of {@code item} effective on {@code day} ([from, to)), or -1. */
    public int formulaAt(int item, int day) {
        for (int formula = formulaStart[item + 1] - 1; formula >= formulaStart[item]; formula--) {
            if (formulaFrom[formula] <= day && day < formulaTo[formula]) {
                return formula;
            }
        }
        return -1;
    }

    /** The formula of {@code item} with this code, or -1. */
    public int formulaByCode(int item, String code) {
        for (int formula = formulaStart[item]; formula < formulaStart[item + 1]; formula++) {
            if (formulaCode[formula].equals(code)) {
                return formula;
            }
        }
        return -1;
    }

    public int indexOf(String code) {
        Integer item = indexByCode.get(code);
        return item == null ? -1 : item;
    }
}
