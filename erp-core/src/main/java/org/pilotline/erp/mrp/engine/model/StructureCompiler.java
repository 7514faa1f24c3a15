package org.pilotline.erp.mrp.engine.model;

import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Procurement;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles the master data of a {@link PlanningInput} into a {@link Structure}: items by index, formulas sorted by
 * item and effectivity, their lines and outputs as exact fractions, where-used lists, low-level codes, and the
 * calendar (whose origin depends on the longest chain of lead times, so it comes last). Every problem found is
 * reported at once, so that one refusal names all of them.
 */
final class StructureCompiler {

    /** A component line or output before it goes into the arrays: the item, a flag, and the exact factor. */
    private record RawLine(int item, boolean flag, long[] factor) {
    }

    /** A formula before its day bounds are known (those need the calendar, which needs the low-level codes). */
    private record RawFormula(int item, String code, boolean recipe, LocalDate from, LocalDate to, String routing,
                              List<RawLine> lines, List<RawLine> outputs) {
    }

    int itemCount;
    String[] itemCode;
    Map<String, Integer> indexByCode;
    boolean[] make;
    boolean[] phantom;
    int[] leadTime;
    long[] safetyStock;
    LotSizes lotSizes;
    int[] formulaStart;
    int[] formulaItem;
    int[] formulaFrom;
    int[] formulaTo;
    boolean[] formulaRecipe;
    String[] formulaCode;
    String[] formulaRouting;
    int[] lineStart;
    int[] lineComponent;
    long[] lineNumerator;
    long[] lineDenominator;
    boolean[] linePhantom;
    boolean[] usedOnPhantomLine;
    int[] outputStart;
    int[] outputItem;
    long[] outputNumerator;
    long[] outputDenominator;
    boolean[] outputCoProduct;
    int[] whereUsedStart;
    int[] whereUsedParent;
    int[] whereUsedFormula;
    int[] whereUsedLine;
    int[] producerStart;
    int[] producer;
    int[] producerFormula;
    int[] producerOutput;
    int[] lowLevelCode;
    int[] planningOrder;
    int[] levelStart;
    int levels;
    int bomLineCount;
    CalendarIndex calendar;
    private LocalDate[] formulaFromDate;
    private LocalDate[] formulaToDate;

    private StructureCompiler() {
    }

    /** Compiles the master data of {@code input}; returns null and adds to {@code problems} if it cannot be planned. */
    static Structure compile(PlanningInput input, List<InputProblem> problems) {
        StructureCompiler compiler = new StructureCompiler();
        compiler.items(input.items(), problems);
        compiler.formulas(input, problems);
        if (!problems.isEmpty()) {
            compiler.references(input, problems);
            return null;
        }
        if (!compiler.lowLevelCodes(problems)) {
            return null;
        }
        compiler.calendar = new CalendarIndex(input.horizon(), input.calendar(), compiler.longestLeadTimeChain() + 2);
        compiler.effectivityBounds();
        return new Structure(compiler);
    }

    private void items(List<Item> items, List<InputProblem> problems) {
        itemCount = items.size();
        itemCode = new String[itemCount];
        indexByCode = new HashMap<>(Math.max(16, itemCount * 2));
        make = new boolean[itemCount];
        phantom = new boolean[itemCount];
        leadTime = new int[itemCount];
        safetyStock = new long[itemCount];
        lotSizes = new LotSizes(itemCount);
        for (int index = 0; index < itemCount; index++) {
            Item item = items.get(index);
            itemCode[index] = item.code();
            if (indexByCode.putIfAbsent(item.code(), index) != null) {
                problems.add(new InputProblem("duplicate-item", "item " + item.code() + " is given twice",
                        List.of(item.code())));
            }
            make[index] = item.procurement() == Procurement.MAKE;
            phantom[index] = item.phantom();
            if (item.phantom() && !make[index]) {
                problems.add(new InputProblem("invalid-phantom", "phantom item " + item.code()
                        + " must be a make item", List.of(item.code())));
            }
            leadTime[index] = item.leadTimeDays();
            safetyStock[index] = Quantities.requirement(item.safetyStock());
            lotSizes.compile(index, item, problems);
        }
    }

    private void formulas(PlanningInput input, List<InputProblem> problems) {
        List<RawFormula> raw = new ArrayList<>();
        for (BomVersion version : input.bomVersions()) {
            Integer parent = known(version.itemCode(), "BOM version " + version.version(), problems);
            if (parent == null || !make[parent]) {
                continue;
            }
            List<RawLine> lines = new ArrayList<>(version.lines().size());
            for (BomLine line : version.lines()) {
                Integer component = known(line.componentCode(), "BOM " + version.itemCode() + "/" + version.version(),
                        problems);
                if (component != null) {
                    BigDecimal withScrap = line.quantityPer().multiply(BigDecimal.ONE.add(line.scrapFactor()));
                    lines.add(new RawLine(component, line.phantom() || phantom[component],
                            Quantities.fraction(withScrap, version.baseQuantity())));
                }
            }
            raw.add(new RawFormula(parent, version.version(), false, version.validFrom(), version.validTo(),
                    version.routing(), lines, List.of()));
        }
        for (Recipe recipe : input.recipes()) {
            Integer product = known(recipe.itemCode(), "recipe " + recipe.recipeCode(), problems);
            if (product == null || !make[product]) {
                continue;
            }
            BigDecimal batchOutput = recipe.batchSize().multiply(recipe.expectedYield());
            List<RawLine> lines = new ArrayList<>();
            for (RecipeIngredient ingredient : recipe.ingredients()) {
                Integer component = known(ingredient.itemCode(), "recipe " + recipe.recipeCode(), problems);
                if (component != null) {
                    lines.add(new RawLine(component, phantom[component],
                            Quantities.fraction(ingredient.quantityPerBatch(), batchOutput)));
                }
            }
            List<RawLine> outputs = new ArrayList<>();
            for (RecipeOutput output : recipe.outputs()) {
                Integer outputItem = known(output.itemCode(), "recipe " + recipe.recipeCode(), problems);
                if (outputItem != null) {
                    outputs.add(new RawLine(outputItem, output.kind() == OutputKind.CO_PRODUCT,
                            Quantities.fraction(output.quantityPerBatch(), batchOutput)));
                }
            }
            raw.add(new RawFormula(product, recipe.recipeCode(), true, recipe.validFrom(), recipe.validTo(),
                    recipe.routing(), lines, outputs));
        }
        raw.sort(Comparator.<RawFormula>comparingInt(RawFormula::item)
                .thenComparing(RawFormula::from, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(RawFormula::code));
        fill(raw);
        whereUsed();
    }

    /** The formulas, sorted by item and effectivity, into the CSR arrays. */
    private void fill(List<RawFormula> raw) {
        int formulas = raw.size();
        formulaStart = new int[itemCount + 1];
        formulaItem = new int[formulas];
        formulaRecipe = new boolean[formulas];
        formulaCode = new String[formulas];
        formulaRouting = new String[formulas];
        formulaFromDate = new LocalDate[formulas];
        formulaToDate = new LocalDate[formulas];
        lineStart = new int[formulas + 1];
        outputStart = new int[formulas + 1];
        int lines = 0;
        int outputs = 0;
        for (RawFormula formula : raw) {
            lines += formula.lines().size();
            outputs += formula.outputs().size();
        }
        bomLineCount = lines;
        lineComponent = new int[lines];
        lineNumerator = new long[lines];
        lineDenominator = new long[lines];
        linePhantom = new boolean[lines];
        usedOnPhantomLine = new boolean[itemCount];
        outputItem = new int[outputs];
        outputNumerator = new long[outputs];
        outputDenominator = new long[outputs];
        outputCoProduct = new boolean[outputs];
        int line = 0;
        int output = 0;
        for (int formula = 0; formula < formulas; formula++) {
            RawFormula rawFormula = raw.get(formula);
            formulaStart[rawFormula.item() + 1]++;
            formulaItem[formula] = rawFormula.item();
            formulaRecipe[formula] = rawFormula.recipe();
            formulaCode[formula] = rawFormula.code();
            formulaRouting[formula] = rawFormula.routing();
            formulaFromDate[formula] = rawFormula.from();
            formulaToDate[formula] = rawFormula.to();
            lineStart[formula] = line;
            for (RawLine rawLine : rawFormula.lines()) {
                lineComponent[line] = rawLine.item();
                linePhantom[line] = rawLine.flag();
                if (rawLine.flag()) {
                    usedOnPhantomLine[rawLine.item()] = true;
                }
                lineNumerator[line] = rawLine.factor()[0];
                lineDenominator[line] = rawLine.factor()[1];
                line++;
            }
            outputStart[formula] = output;
            for (RawLine rawOutput : rawFormula.outputs()) {
                outputItem[output] = rawOutput.item();
                outputCoProduct[output] = rawOutput.flag();
                outputNumerator[output] = rawOutput.factor()[0];
                outputDenominator[output] = rawOutput.factor()[1];
                output++;
            }
        }
        lineStart[formulas] = line;
        outputStart[formulas] = output;
        CsrArrays.prefixSums(formulaStart);
    }

    /** Unknown items named by demand and supply records, so that one refusal lists every problem. */
    private void references(PlanningInput input, List<InputProblem> problems) {
        input.salesOrderLines().forEach(line -> known(line.itemCode(), "sales order line " + line.reference(),
                problems));
        input.forecasts().forEach(forecast -> known(forecast.itemCode(), "forecast", problems));
        input.reservations().forEach(reservation -> known(reservation.itemCode(),
                "reservation of " + reservation.productionOrder(), problems));
        input.stock().forEach(stock -> known(stock.itemCode(), "stock", problems));
        input.scheduledReceipts().forEach(receipt -> known(receipt.itemCode(), "receipt " + receipt.reference(),
                problems));
        input.firmedPlannedOrders().forEach(order -> known(order.itemCode(),
                "firmed planned order " + order.reference(), problems));
    }

    private Integer known(String code, String where, List<InputProblem> problems) {
        Integer item = indexByCode.get(code);
        if (item == null) {
            problems.add(new InputProblem("unknown-item", where + " names unknown item " + code, List.of(code)));
        }
        return item;
    }

    private void whereUsed() {
        int lines = lineComponent.length;
        int formulas = formulaItem.length;
        whereUsedStart = new int[itemCount + 1];
        for (int component : lineComponent) {
            whereUsedStart[component + 1]++;
        }
        CsrArrays.prefixSums(whereUsedStart);
        whereUsedParent = new int[lines];
        whereUsedFormula = new int[lines];
        whereUsedLine = new int[lines];
        int[] next = Arrays.copyOf(whereUsedStart, itemCount);
        for (int formula = 0; formula < formulas; formula++) {
            for (int line = lineStart[formula]; line < lineStart[formula + 1]; line++) {
                int at = next[lineComponent[line]]++;
                whereUsedParent[at] = formulaItem[formula];
                whereUsedFormula[at] = formula;
                whereUsedLine[at] = line;
            }
        }
        producerStart = new int[itemCount + 1];
        int coProducts = 0;
        for (int output = 0; output < outputItem.length; output++) {
            if (outputCoProduct[output]) {
                producerStart[outputItem[output] + 1]++;
                coProducts++;
            }
        }
        CsrArrays.prefixSums(producerStart);
        producer = new int[coProducts];
        producerFormula = new int[coProducts];
        producerOutput = new int[coProducts];
        next = Arrays.copyOf(producerStart, itemCount);
        for (int formula = 0; formula < formulas; formula++) {
            for (int output = outputStart[formula]; output < outputStart[formula + 1]; output++) {
                if (outputCoProduct[output]) {
                    int at = next[outputItem[output]]++;
                    producer[at] = formulaItem[formula];
                    producerFormula[at] = formula;
                    producerOutput[at] = output;
                }
            }
        }
    }

    /** Low-level codes and the planning order by level; false (and the cycles reported) if there are cycles. */
    private boolean lowLevelCodes(List<InputProblem> problems) {
        LowLevelCodes codes = new LowLevelCodes(this);
        lowLevelCode = codes.compute(problems);
        if (lowLevelCode == null) {
            return false;
        }
        levels = codes.levels();
        levelStart = codes.levelStart();
        planningOrder = codes.planningOrder();
        return true;
    }

    /** The longest sum of lead times along any chain from a top item down, in working days. */
    private int longestLeadTimeChain() {
        int[] chain = new int[itemCount];
        int longest = 0;
        for (int position = 0; position < itemCount; position++) {
            int parent = planningOrder[position];
            chain[parent] += leadTime[parent];
            longest = Math.max(longest, chain[parent]);
            for (int formula = formulaStart[parent]; formula < formulaStart[parent + 1]; formula++) {
                for (int line = lineStart[formula]; line < lineStart[formula + 1]; line++) {
                    int component = lineComponent[line];
                    chain[component] = Math.max(chain[component], chain[parent]);
                }
                for (int output = outputStart[formula]; output < outputStart[formula + 1]; output++) {
                    chain[outputItem[output]] = Math.max(chain[outputItem[output]], chain[parent]);
                }
            }
        }
        return longest;
    }

    private void effectivityBounds() {
        int formulas = formulaItem.length;
        formulaFrom = new int[formulas];
        formulaTo = new int[formulas];
        for (int formula = 0; formula < formulas; formula++) {
            formulaFrom[formula] = calendar.boundOf(formulaFromDate[formula], Integer.MIN_VALUE);
            formulaTo[formula] = calendar.boundOf(formulaToDate[formula], Integer.MAX_VALUE);
        }
        formulaFromDate = null;
        formulaToDate = null;
    }
}
