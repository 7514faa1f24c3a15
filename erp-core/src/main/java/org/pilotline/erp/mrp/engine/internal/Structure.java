package org.pilotline.erp.mrp.engine.internal;

import org.pilotline.erp.mrp.engine.InputProblem;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Procurement;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The master data of a plan, index-based: items (by index), formulas (BOM versions and recipes, grouped by item and
 * ordered by effectivity start), their component lines and outputs, where-used lists, low-level codes and the
 * calendar. Immutable once built; shared between a plan and its net-change successors.
 */
public final class Structure {

    public static final byte LOT_FOR_LOT = 0;
    public static final byte FIXED_QUANTITY = 1;
    public static final byte MIN_MAX_MULTIPLE = 2;
    public static final byte PERIODS_OF_SUPPLY = 3;

    public final int itemCount;
    public final String[] code;
    public final Map<String, Integer> indexByCode;
    public final boolean[] make;
    public final boolean[] phantom;
    /** The smallest order quantity step in micro-units: 10^(6 − the stock unit's decimals). */
    public final long[] increment;
    public final int[] leadTime;
    public final byte[] policy;
    public final long[] lotQuantity;
    public final long[] lotMinimum;
    public final long[] lotMultiple;
    public final long[] lotCap;
    public final int[] lotPeriods;
    public final long[] safetyStock;

    public final int[] formulaStart;
    public final int[] formulaItem;
    public final int[] formulaFrom;
    public final int[] formulaTo;
    public final boolean[] formulaRecipe;
    public final String[] formulaCode;
    public final String[] formulaRouting;
    public final int[] lineStart;
    public final int[] lineComponent;
    public final long[] lineNum;
    public final long[] lineDen;
    /** Whether the line's component is blown through (a phantom line, or a component that is a phantom item). */
    public final boolean[] linePhantom;
    /** Whether some line uses the item as a phantom. */
    public final boolean[] usedOnPhantomLine;
    public final int[] outputStart;
    public final int[] outputItem;
    public final long[] outputNum;
    public final long[] outputDen;
    public final boolean[] outputCoProduct;

    public final int[] usedStart;
    public final int[] usedParent;
    public final int[] usedFormula;
    public final int[] usedLine;
    public final int[] producedStart;
    public final int[] producedBy;
    public final int[] producedFormula;
    public final int[] producedOutput;

    public final int[] lowLevelCode;
    public final int[] order;
    public final int[] rank;
    public final int[] levelStart;
    public final int levels;
    public final int bomLineCount;
    public final CalendarIndex calendar;

    private Structure(Builder b) {
        itemCount = b.n;
        code = b.code;
        indexByCode = b.index;
        make = b.make;
        phantom = b.phantom;
        increment = b.increment;
        leadTime = b.leadTime;
        policy = b.policy;
        lotQuantity = b.lotQuantity;
        lotMinimum = b.lotMinimum;
        lotMultiple = b.lotMultiple;
        lotCap = b.lotCap;
        lotPeriods = b.lotPeriods;
        safetyStock = b.safetyStock;
        formulaStart = b.formulaStart;
        formulaItem = b.formulaItem;
        formulaFrom = b.formulaFrom;
        formulaTo = b.formulaTo;
        formulaRecipe = b.formulaRecipe;
        formulaCode = b.formulaCode;
        formulaRouting = b.formulaRouting;
        lineStart = b.lineStart;
        lineComponent = b.lineComponent;
        lineNum = b.lineNum;
        lineDen = b.lineDen;
        linePhantom = b.linePhantom;
        usedOnPhantomLine = b.usedOnPhantomLine;
        outputStart = b.outputStart;
        outputItem = b.outputItem;
        outputNum = b.outputNum;
        outputDen = b.outputDen;
        outputCoProduct = b.outputCo;
        usedStart = b.usedStart;
        usedParent = b.usedParent;
        usedFormula = b.usedFormula;
        usedLine = b.usedLine;
        producedStart = b.producedStart;
        producedBy = b.producedBy;
        producedFormula = b.producedFormula;
        producedOutput = b.producedOutput;
        lowLevelCode = b.llc;
        order = b.order;
        rank = b.rank;
        levelStart = b.levelStart;
        levels = b.levels;
        bomLineCount = b.bomLines;
        calendar = b.calendar;
    }

    /** The formula (BOM version or recipe) of {@code item} effective on {@code day} ([from, to)), or -1. */
    public int formulaAt(int item, int day) {
        for (int f = formulaStart[item + 1] - 1; f >= formulaStart[item]; f--) {
            if (formulaFrom[f] <= day && day < formulaTo[f]) {
                return f;
            }
        }
        return -1;
    }

    /** The formula of {@code item} with this code, or -1. */
    public int formulaByCode(int item, String formula) {
        for (int f = formulaStart[item]; f < formulaStart[item + 1]; f++) {
            if (formulaCode[f].equals(formula)) {
                return f;
            }
        }
        return -1;
    }

    public int indexOf(String itemCode) {
        Integer i = indexByCode.get(itemCode);
        return i == null ? -1 : i;
    }

    /** Compiles the master data of {@code input}; returns null and adds to {@code problems} if it cannot be planned. */
    public static Structure compile(PlanningInput input, List<InputProblem> problems) {
        Builder b = new Builder();
        b.items(input.items(), problems);
        b.formulas(input, problems);
        if (!problems.isEmpty()) {
            b.references(input, problems);
            return null;
        }
        if (!b.lowLevelCodes(problems)) {
            return null;
        }
        b.calendar = new CalendarIndex(input.horizon(), input.calendar(), b.longestLeadTimeChain() + 2);
        b.bounds();
        return new Structure(b);
    }

    /** Formulas before their day bounds are known (those need the calendar, which needs the low-level codes). */
    private record RawFormula(int item, String code, boolean recipe, java.time.LocalDate from, java.time.LocalDate to,
                              String routing, List<int[]> lineComponents, List<long[]> lineFactors,
                              List<int[]> outputs, List<long[]> outputFactors) {
    }

    private static final class Builder {
        int n;
        String[] code;
        Map<String, Integer> index;
        boolean[] make;
        boolean[] phantom;
        long[] increment;
        int[] leadTime;
        byte[] policy;
        long[] lotQuantity;
        long[] lotMinimum;
        long[] lotMultiple;
        long[] lotCap;
        int[] lotPeriods;
        long[] safetyStock;
        List<RawFormula> raw;
        java.time.LocalDate[] rawFrom;
        java.time.LocalDate[] rawTo;
        int[] formulaStart;
        int[] formulaItem;
        int[] formulaFrom;
        int[] formulaTo;
        boolean[] formulaRecipe;
        String[] formulaCode;
        String[] formulaRouting;
        int[] lineStart;
        int[] lineComponent;
        long[] lineNum;
        long[] lineDen;
        boolean[] linePhantom;
        boolean[] usedOnPhantomLine;
        int[] outputStart;
        int[] outputItem;
        long[] outputNum;
        long[] outputDen;
        boolean[] outputCo;
        int[] usedStart;
        int[] usedParent;
        int[] usedFormula;
        int[] usedLine;
        int[] producedStart;
        int[] producedBy;
        int[] producedFormula;
        int[] producedOutput;
        int[] llc;
        int[] order;
        int[] rank;
        int[] levelStart;
        int levels;
        int bomLines;
        CalendarIndex calendar;

        void items(List<Item> items, List<InputProblem> problems) {
            n = items.size();
            code = new String[n];
            index = new HashMap<>(Math.max(16, n * 2));
            make = new boolean[n];
            phantom = new boolean[n];
            increment = new long[n];
            leadTime = new int[n];
            policy = new byte[n];
            lotQuantity = new long[n];
            lotMinimum = new long[n];
            lotMultiple = new long[n];
            lotCap = new long[n];
            lotPeriods = new int[n];
            safetyStock = new long[n];
            for (int i = 0; i < n; i++) {
                Item item = items.get(i);
                code[i] = item.code();
                if (index.putIfAbsent(item.code(), i) != null) {
                    problems.add(new InputProblem("duplicate-item", "item " + item.code() + " is given twice",
                            List.of(item.code())));
                }
                make[i] = item.procurement() == Procurement.MAKE;
                phantom[i] = item.phantom();
                if (item.phantom() && !make[i]) {
                    problems.add(new InputProblem("invalid-phantom", "phantom item " + item.code()
                            + " must be a make item", List.of(item.code())));
                }
                increment[i] = (long) Math.pow(10, Quantities.SCALE - item.decimals());
                leadTime[i] = item.leadTimeDays();
                safetyStock[i] = Quantities.requirement(item.safetyStock());
                lotSizing(i, item, problems);
            }
        }

        private void lotSizing(int i, Item item, List<InputProblem> problems) {
            LotSizing lot = item.lotSizing();
            long step = increment[i];
            if (lot instanceof LotSizing.LotForLot) {
                policy[i] = LOT_FOR_LOT;
            } else if (lot instanceof LotSizing.FixedQuantity fixed) {
                policy[i] = FIXED_QUANTITY;
                lotQuantity[i] = Quantities.requirement(fixed.quantity());
                if (lotQuantity[i] % step != 0) {
                    problems.add(lotProblem(item, "fixed quantity " + fixed.quantity()));
                }
            } else if (lot instanceof LotSizing.MinMaxMultiple mmm) {
                policy[i] = MIN_MAX_MULTIPLE;
                long multiple = Quantities.requirement(mmm.multiple());
                if (multiple == 0) {
                    multiple = step;
                }
                if (multiple % step != 0) {
                    problems.add(lotProblem(item, "multiple " + mmm.multiple()));
                }
                lotMultiple[i] = multiple;
                lotMinimum[i] = Quantities.requirement(mmm.minimum());
                long max = Quantities.supply(mmm.maximum());
                lotCap[i] = max == 0 ? 0 : Quantities.roundDownToMultiple(max, multiple);
                if (max > 0 && (lotCap[i] <= 0 || lotCap[i] < lotMinimum[i])) {
                    problems.add(new InputProblem("invalid-lot-size", "lot size of " + item.code() + ": no multiple of "
                            + mmm.multiple() + " lies between minimum " + mmm.minimum() + " and maximum "
                            + mmm.maximum(), List.of(item.code())));
                }
            } else if (lot instanceof LotSizing.PeriodsOfSupply pos) {
                policy[i] = PERIODS_OF_SUPPLY;
                lotPeriods[i] = pos.periods();
            }
        }

        private static InputProblem lotProblem(Item item, String what) {
            return new InputProblem("invalid-lot-size", "lot size of " + item.code() + ": " + what + " has more than "
                    + item.decimals() + " decimals, the item's stock unit", List.of(item.code()));
        }

        void formulas(PlanningInput input, List<InputProblem> problems) {
            raw = new ArrayList<>();
            for (BomVersion v : input.bomVersions()) {
                Integer parent = known(v.itemCode(), "BOM version " + v.version(), problems);
                if (parent == null || !make[parent]) {
                    continue;
                }
                List<int[]> components = new ArrayList<>(v.lines().size());
                List<long[]> factors = new ArrayList<>(v.lines().size());
                for (BomLine line : v.lines()) {
                    Integer c = known(line.componentCode(), "BOM " + v.itemCode() + "/" + v.version(), problems);
                    if (c == null) {
                        continue;
                    }
                    components.add(new int[] {c, line.phantom() || phantom[c] ? 1 : 0});
                    factors.add(Quantities.fraction(line.quantityPer().multiply(BigDecimal.ONE.add(line.scrapFactor())),
                            v.baseQuantity()));
                }
                raw.add(new RawFormula(parent, v.version(), false, v.validFrom(), v.validTo(), v.routing(),
                        components, factors, List.of(), List.of()));
            }
            for (Recipe r : input.recipes()) {
                Integer product = known(r.itemCode(), "recipe " + r.recipeCode(), problems);
                if (product == null || !make[product]) {
                    continue;
                }
                BigDecimal output = r.batchSize().multiply(r.expectedYield());
                List<int[]> components = new ArrayList<>();
                List<long[]> factors = new ArrayList<>();
                for (RecipeIngredient ingredient : r.ingredients()) {
                    Integer c = known(ingredient.itemCode(), "recipe " + r.recipeCode(), problems);
                    if (c != null) {
                        components.add(new int[] {c, phantom[c] ? 1 : 0});
                        factors.add(Quantities.fraction(ingredient.quantityPerBatch(), output));
                    }
                }
                List<int[]> outputs = new ArrayList<>();
                List<long[]> outputFactors = new ArrayList<>();
                for (RecipeOutput out : r.outputs()) {
                    Integer c = known(out.itemCode(), "recipe " + r.recipeCode(), problems);
                    if (c != null) {
                        outputs.add(new int[] {c, out.kind() == OutputKind.CO_PRODUCT ? 1 : 0});
                        outputFactors.add(Quantities.fraction(out.quantityPerBatch(), output));
                    }
                }
                raw.add(new RawFormula(product, r.recipeCode(), true, r.validFrom(), r.validTo(), r.routing(),
                        components, factors, outputs, outputFactors));
            }
            raw.sort(Comparator.<RawFormula>comparingInt(RawFormula::item)
                    .thenComparing(RawFormula::from, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(RawFormula::code));
            int f = raw.size();
            formulaStart = new int[n + 1];
            formulaItem = new int[f];
            formulaRecipe = new boolean[f];
            formulaCode = new String[f];
            formulaRouting = new String[f];
            rawFrom = new java.time.LocalDate[f];
            rawTo = new java.time.LocalDate[f];
            lineStart = new int[f + 1];
            outputStart = new int[f + 1];
            int lines = 0;
            int outputs = 0;
            for (RawFormula r : raw) {
                lines += r.lineComponents().size();
                outputs += r.outputs().size();
            }
            bomLines = lines;
            lineComponent = new int[lines];
            lineNum = new long[lines];
            lineDen = new long[lines];
            linePhantom = new boolean[lines];
            usedOnPhantomLine = new boolean[n];
            outputItem = new int[outputs];
            outputNum = new long[outputs];
            outputDen = new long[outputs];
            outputCo = new boolean[outputs];
            int l = 0;
            int o = 0;
            for (int k = 0; k < f; k++) {
                RawFormula r = raw.get(k);
                formulaStart[r.item() + 1]++;
                formulaItem[k] = r.item();
                formulaRecipe[k] = r.recipe();
                formulaCode[k] = r.code();
                formulaRouting[k] = r.routing();
                rawFrom[k] = r.from();
                rawTo[k] = r.to();
                lineStart[k] = l;
                for (int j = 0; j < r.lineComponents().size(); j++, l++) {
                    lineComponent[l] = r.lineComponents().get(j)[0];
                    linePhantom[l] = r.lineComponents().get(j)[1] == 1;
                    if (linePhantom[l]) {
                        usedOnPhantomLine[lineComponent[l]] = true;
                    }
                    lineNum[l] = r.lineFactors().get(j)[0];
                    lineDen[l] = r.lineFactors().get(j)[1];
                }
                outputStart[k] = o;
                for (int j = 0; j < r.outputs().size(); j++, o++) {
                    outputItem[o] = r.outputs().get(j)[0];
                    outputCo[o] = r.outputs().get(j)[1] == 1;
                    outputNum[o] = r.outputFactors().get(j)[0];
                    outputDen[o] = r.outputFactors().get(j)[1];
                }
            }
            lineStart[f] = l;
            outputStart[f] = o;
            for (int i = 0; i < n; i++) {
                formulaStart[i + 1] += formulaStart[i];
            }
            raw = null;
            whereUsed();
        }

        /** Unknown items named by demand and supply records, so that one refusal lists every problem. */
        void references(PlanningInput input, List<InputProblem> problems) {
            input.salesOrderLines().forEach(r -> known(r.itemCode(), "sales order line " + r.reference(), problems));
            input.forecasts().forEach(r -> known(r.itemCode(), "forecast", problems));
            input.reservations().forEach(r -> known(r.itemCode(), "reservation of " + r.productionOrder(), problems));
            input.stock().forEach(r -> known(r.itemCode(), "stock", problems));
            input.scheduledReceipts().forEach(r -> known(r.itemCode(), "receipt " + r.reference(), problems));
            input.firmedPlannedOrders().forEach(r -> known(r.itemCode(), "firmed planned order " + r.reference(),
                    problems));
        }

        private Integer known(String itemCode, String where, List<InputProblem> problems) {
            Integer i = index.get(itemCode);
            if (i == null) {
                problems.add(new InputProblem("unknown-item", where + " names unknown item " + itemCode,
                        List.of(itemCode)));
            }
            return i;
        }

        private void whereUsed() {
            int lines = lineComponent.length;
            usedStart = new int[n + 1];
            for (int c : lineComponent) {
                usedStart[c + 1]++;
            }
            for (int i = 0; i < n; i++) {
                usedStart[i + 1] += usedStart[i];
            }
            usedParent = new int[lines];
            usedFormula = new int[lines];
            usedLine = new int[lines];
            int[] fill = java.util.Arrays.copyOf(usedStart, n);
            int formulas = formulaItem.length;
            for (int f = 0; f < formulas; f++) {
                for (int l = lineStart[f]; l < lineStart[f + 1]; l++) {
                    int at = fill[lineComponent[l]]++;
                    usedParent[at] = formulaItem[f];
                    usedFormula[at] = f;
                    usedLine[at] = l;
                }
            }
            producedStart = new int[n + 1];
            int co = 0;
            for (int o = 0; o < outputItem.length; o++) {
                if (outputCo[o]) {
                    producedStart[outputItem[o] + 1]++;
                    co++;
                }
            }
            for (int i = 0; i < n; i++) {
                producedStart[i + 1] += producedStart[i];
            }
            producedBy = new int[co];
            producedFormula = new int[co];
            producedOutput = new int[co];
            fill = java.util.Arrays.copyOf(producedStart, n);
            for (int f = 0; f < formulas; f++) {
                for (int o = outputStart[f]; o < outputStart[f + 1]; o++) {
                    if (outputCo[o]) {
                        int at = fill[outputItem[o]]++;
                        producedBy[at] = formulaItem[f];
                        producedFormula[at] = f;
                        producedOutput[at] = o;
                    }
                }
            }
        }

        /** Low-level codes and the planning order by level; false (and the cycles reported) if there are cycles. */
        boolean lowLevelCodes(List<InputProblem> problems) {
            LowLevelCodes codes = new LowLevelCodes(n, code, formulaStart, lineStart, lineComponent, outputStart,
                    outputItem, outputCo, usedStart, usedParent, producedStart, producedBy);
            llc = codes.compute(problems);
            if (llc == null) {
                return false;
            }
            levels = codes.levels();
            levelStart = codes.levelStart();
            order = codes.order();
            rank = codes.rank();
            return true;
        }

        /** The longest sum of lead times along any chain from a top item down, in working days. */
        int longestLeadTimeChain() {
            int[] chain = new int[n];
            int longest = 0;
            for (int k = 0; k < n; k++) {
                int p = order[k];
                chain[p] += leadTime[p];
                longest = Math.max(longest, chain[p]);
                for (int f = formulaStart[p]; f < formulaStart[p + 1]; f++) {
                    for (int l = lineStart[f]; l < lineStart[f + 1]; l++) {
                        int c = lineComponent[l];
                        chain[c] = Math.max(chain[c], chain[p]);
                    }
                    for (int o = outputStart[f]; o < outputStart[f + 1]; o++) {
                        chain[outputItem[o]] = Math.max(chain[outputItem[o]], chain[p]);
                    }
                }
            }
            return longest;
        }

        void bounds() {
            int f = formulaItem.length;
            formulaFrom = new int[f];
            formulaTo = new int[f];
            for (int k = 0; k < f; k++) {
                formulaFrom[k] = calendar.boundOf(rawFrom[k], Integer.MIN_VALUE);
                formulaTo[k] = calendar.boundOf(rawTo[k], Integer.MAX_VALUE);
            }
            rawFrom = null;
            rawTo = null;
        }
    }
}
