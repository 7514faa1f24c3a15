package org.pilotline.erp.mrp.generator;

import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.Forecast;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningHorizon;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Procurement;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.input.StockOnHand;
import org.pilotline.erp.mrp.engine.input.WorkingCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a synthetic plant from a {@link PlantProfile}: the same records a database adapter would read from the
 * ERP tables (items, BOM versions with effectivity, recipes with co-products, calendar, sales orders, forecasts,
 * stock, open purchase and production orders with their component reservations, firmed planned orders), so that
 * the same data can be planned in memory or loaded into the database. Deterministic for a seed.
 *
 * <p>Lot sizes, stock and order quantities are set from each item's expected weekly requirement (the generated
 * demand rolled down the BOMs), as a planner would: fixed lots of one to four weeks, minimums of about a week.
 */
public final class PlantGenerator {

    private final PlantProfile p;
    private final SplittableRandom random;
    private final LocalDate start;
    private final LocalDate horizonEnd;

    private int[] level;
    private boolean[] make;
    private boolean[] phantom;
    private boolean[] fractional;
    private int[] leadTime;
    private String[] code;
    private int[][] levelItems;
    private List<List<int[]>> lines;          // per item: {component, quantity per ×100}
    private double[] weekly;

    private PlantGenerator(PlantProfile profile) {
        this.p = profile;
        this.random = new SplittableRandom(profile.seed());
        this.start = profile.start();
        this.horizonEnd = PlanningHorizon.weeksFrom(start, profile.weeks()).end();
    }

    public static PlanningInput generate(PlantProfile profile) {
        return new PlantGenerator(profile).build();
    }

    private PlanningInput build() {
        items();
        structure();
        WorkingCalendar calendar = calendar();
        PlanningInput.Builder b = PlanningInput.builder(PlanningHorizon.weeksFrom(start, p.weeks()), calendar);
        List<SalesOrderLine> sales = salesOrders(calendar);
        weeklyRequirements(sales);
        for (int i = 0; i < p.items(); i++) {
            b.item(item(i));
        }
        formulas(b);
        sales.forEach(b::salesOrder);
        forecasts(b);
        stock(b);
        openOrders(b, calendar);
        return b.build();
    }

    // ------------------------------------------------------------------------------------------------ items

    private void items() {
        int n = p.items();
        int levels = p.levels();
        level = new int[n];
        make = new boolean[n];
        phantom = new boolean[n];
        fractional = new boolean[n];
        leadTime = new int[n];
        code = new String[n];
        int finished = Math.max(1, (int) Math.round(n * p.finishedShare()));
        double[] weight = new double[levels];
        double total = 0;
        for (int l = 1; l < levels; l++) {
            weight[l] = 1 + 0.15 * l;
            total += weight[l];
        }
        int[] size = new int[levels];
        size[0] = finished;
        int left = n - finished;
        for (int l = 1; l < levels; l++) {
            size[l] = l == levels - 1 ? left : Math.max(2, (int) Math.round((n - finished) * weight[l] / total));
            left -= size[l];
        }
        levelItems = new int[levels][];
        int i = 0;
        for (int l = 0; l < levels; l++) {
            levelItems[l] = new int[size[l]];
            for (int k = 0; k < size[l]; k++, i++) {
                levelItems[l][k] = i;
                level[i] = l;
                boolean bottom = l == levels - 1;
                // the first item of every intermediate level is made, so that the level below has a parent
                make[i] = l == 0 || (!bottom && (k == 0 || random.nextDouble() < p.makeShare()));
                phantom[i] = make[i] && l > 0 && k > 0 && random.nextDouble() < p.phantomShare();
                fractional[i] = !make[i] && random.nextDouble() < 0.1;
                leadTime[i] = phantom[i] ? 0 : make[i] ? 1 + random.nextInt(5) : 3 + random.nextInt(13);
                String prefix = l == 0 ? "FG" : bottom ? "RM" : make[i] ? "SA" + l : "PP" + l;
                code[i] = String.format("%s-%06d", prefix, i);
            }
        }
    }

    /** Every item below level 0 gets a parent on the level above; the remaining lines go to random make items. */
    private void structure() {
        int n = p.items();
        lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(make[i] ? new ArrayList<>(6) : List.of());
        }
        int[][] makersAt = new int[p.levels()][];
        for (int l = 0; l < p.levels(); l++) {
            makersAt[l] = java.util.Arrays.stream(levelItems[l]).filter(i -> make[i]).toArray();
        }
        List<Set<Integer>> used = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            used.add(make[i] ? new HashSet<>(8) : Set.of());
        }
        int count = 0;
        for (int l = 1; l < p.levels(); l++) {
            for (int c : levelItems[l]) {
                int parent = makersAt[l - 1][random.nextInt(makersAt[l - 1].length)];
                used.get(parent).add(c);
                lines.get(parent).add(new int[] {c, quantityPer(c)});
                count++;
            }
        }
        // items made on levels 0 … levels-2 without a component yet get one
        for (int l = 0; l < p.levels() - 1; l++) {
            for (int parent : makersAt[l]) {
                if (lines.get(parent).isEmpty()) {
                    addRandomLine(parent, used);
                    count++;
                }
            }
        }
        int allMakers = 0;
        for (int l = 0; l < p.levels() - 1; l++) {
            allMakers += makersAt[l].length;
        }
        int[] makers = new int[allMakers];
        int m = 0;
        for (int l = 0; l < p.levels() - 1; l++) {
            for (int parent : makersAt[l]) {
                makers[m++] = parent;
            }
        }
        int switches = (int) Math.round(allMakers * p.versionSwitchShare());
        int target = p.bomLines() - switches * 3; // a second version repeats about three lines
        while (count < target) {
            if (addRandomLine(makers[random.nextInt(makers.length)], used)) {
                count++;
            }
        }
    }

    private boolean addRandomLine(int parent, List<Set<Integer>> used) {
        int l = level[parent];
        int componentLevel = l + 1 == p.levels() - 1 || random.nextDouble() < 0.7 ? l + 1
                : l + 1 + random.nextInt(p.levels() - l - 1);
        int[] candidates = levelItems[componentLevel];
        int c = candidates[random.nextInt(candidates.length)];
        if (!used.get(parent).add(c)) {
            return false;
        }
        lines.get(parent).add(new int[] {c, quantityPer(c)});
        return true;
    }

    /** Quantity per parent ×100: mostly 1, sometimes 2 to 4; fractional items 0.25 to 2.5. */
    private int quantityPer(int component) {
        if (fractional[component]) {
            return 25 * (1 + random.nextInt(10));
        }
        double r = random.nextDouble();
        return 100 * (r < 0.75 ? 1 : r < 0.92 ? 2 : 3 + random.nextInt(2));
    }

    private WorkingCalendar calendar() {
        Set<LocalDate> holidays = new HashSet<>();
        long days = horizonEnd.toEpochDay() - start.toEpochDay();
        while (holidays.size() < p.holidays()) {
            LocalDate d = start.plusDays(1 + random.nextLong(Math.max(1, days - 1)));
            if (d.getDayOfWeek().getValue() <= 5) {
                holidays.add(d);
            }
        }
        return WorkingCalendar.mondayToFriday(holidays.toArray(new LocalDate[0]));
    }

    // ------------------------------------------------------------------------------------------------ demand

    private List<SalesOrderLine> salesOrders(WorkingCalendar calendar) {
        List<SalesOrderLine> sales = new ArrayList<>(p.demandLines());
        List<LocalDate> workingDays = new ArrayList<>();
        for (LocalDate d = start; d.isBefore(horizonEnd); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                workingDays.add(d);
            }
        }
        int[] spares = p.levels() > 2 ? levelItems[1] : levelItems[0];
        for (int k = 0; k < p.demandLines(); k++) {
            int i = random.nextDouble() < 0.95 ? levelItems[0][random.nextInt(levelItems[0].length)]
                    : spares[random.nextInt(spares.length)];
            if (phantom[i]) {
                i = levelItems[0][random.nextInt(levelItems[0].length)];
            }
            LocalDate due = workingDays.get(random.nextInt(workingDays.size()));
            long qty = 1 + random.nextInt(random.nextDouble() < 0.8 ? 20 : 100);
            String reference = String.format("SO-%06d/%d", k / 3 + 1, (k % 3 + 1) * 10);
            sales.add(new SalesOrderLine(reference, code[i], due, BigDecimal.valueOf(qty)));
        }
        return sales;
    }

    /** Expected requirement per week, rolled down the BOMs from the sales orders. */
    private void weeklyRequirements(List<SalesOrderLine> sales) {
        weekly = new double[p.items()];
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < p.items(); i++) {
            index.put(code[i], i);
        }
        for (SalesOrderLine line : sales) {
            weekly[index.get(line.itemCode())] += line.quantity().doubleValue() / p.weeks();
        }
        for (int l = 0; l < p.levels(); l++) {
            for (int i : levelItems[l]) {
                if (weekly[i] < 1) {
                    weekly[i] = 1;
                }
                for (int[] line : lines.get(i)) {
                    weekly[line[0]] += weekly[i] * line[1] / 100.0;
                }
            }
        }
    }

    private Item item(int i) {
        LotSizing lot = LotSizing.lotForLot();
        if (phantom[i]) {
            lot = LotSizing.lotForLot();
        } else if (level[i] == 0) {
            lot = random.nextDouble() < 0.6 ? LotSizing.lotForLot() : LotSizing.periodsOfSupply(1);
        } else {
            double[] mix = p.lotSizingMix();
            double r = random.nextDouble();
            double w = weekly[i];
            if (r < mix[0] && (!make[i] || level[i] > 3)) {
                // buyers and the deep levels (many parents, an order every day otherwise) order by period
                lot = LotSizing.periodsOfSupply(1 + random.nextInt(4));
            } else if (r < mix[0]) {
                lot = LotSizing.lotForLot();
            } else if (r < mix[0] + mix[1]) {
                lot = new LotSizing.FixedQuantity(BigDecimal.valueOf(nice(w * (1 + random.nextInt(4)))));
            } else if (r < mix[0] + mix[1] + mix[2]) {
                long multiple = w < 20 ? 1 : w < 200 ? 5 : w < 2000 ? 10 : 50;
                long minimum = nice(2 * w);
                long maximum = random.nextDouble() < 0.5 ? 0 : Math.max(minimum * 6, multiple);
                lot = LotSizing.minMaxMultiple(minimum, maximum, multiple);
            } else {
                lot = LotSizing.periodsOfSupply(1 + random.nextInt(4));
            }
        }
        BigDecimal safety = !make[i] && random.nextDouble() < p.safetyStockShare()
                ? BigDecimal.valueOf(nice(weekly[i] / 2)) : BigDecimal.ZERO;
        return new Item(code[i], make[i] ? Procurement.MAKE : Procurement.BUY, leadTime[i], lot, safety, phantom[i],
                fractional[i] ? 3 : 0);
    }

    private static long nice(double x) {
        if (x < 10) {
            return Math.max(1, (long) Math.ceil(x));
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(x)) - 1);
        return (long) (Math.ceil(x / magnitude) * magnitude);
    }

    // ------------------------------------------------------------------------------------------------ formulas

    private void formulas(PlanningInput.Builder b) {
        Set<Integer> recipeMakers = new HashSet<>();
        List<Integer> candidates = new ArrayList<>();
        for (int l = 1; l < p.levels() - 2; l++) {
            for (int i : levelItems[l]) {
                if (make[i] && !phantom[i]) {
                    candidates.add(i);
                }
            }
        }
        while (recipeMakers.size() < Math.min(p.recipes(), candidates.size())) {
            recipeMakers.add(candidates.get(random.nextInt(candidates.size())));
        }
        long horizonDays = horizonEnd.toEpochDay() - start.toEpochDay();
        for (int i = 0; i < p.items(); i++) {
            if (!make[i]) {
                continue;
            }
            List<int[]> own = lines.get(i);
            if (recipeMakers.contains(i)) {
                b.recipe(recipe(i, own));
                continue;
            }
            List<BomLine> bom = new ArrayList<>(own.size());
            for (int[] line : own) {
                bom.add(bomLine(line));
            }
            String routing = "RT-" + code[i];
            if (random.nextDouble() < p.versionSwitchShare() * 1.0 && own.size() > 1) {
                LocalDate switchDay = start.plusDays(21 + random.nextLong(Math.max(1, horizonDays - 42)));
                b.bom(new BomVersion(code[i], "1", null, switchDay, BigDecimal.ONE, routing, bom));
                List<BomLine> next = new ArrayList<>(bom);
                int replaced = random.nextInt(next.size());
                int old = own.get(replaced)[0];
                int[] sameLevel = levelItems[level[old]];
                int substitute = sameLevel[random.nextInt(sameLevel.length)];
                boolean duplicate = own.stream().anyMatch(line -> line[0] == substitute);
                if (!duplicate) {
                    next.set(replaced, new BomLine(code[substitute], next.get(replaced).quantityPer(),
                            next.get(replaced).scrapFactor()));
                } else {
                    next.set(replaced, new BomLine(next.get(replaced).componentCode(),
                            next.get(replaced).quantityPer().add(BigDecimal.ONE), BigDecimal.ZERO));
                }
                b.bom(new BomVersion(code[i], "2", switchDay, null, BigDecimal.ONE, routing, next));
            } else {
                b.bom(new BomVersion(code[i], "1", null, null, BigDecimal.ONE, routing, bom));
            }
        }
    }

    private BomLine bomLine(int[] line) {
        BigDecimal scrap = random.nextDouble() < p.scrapShare()
                ? BigDecimal.valueOf(2 + random.nextInt(9), 2) : BigDecimal.ZERO;
        // besides phantom items, a made component is now and then a phantom on one line only
        boolean phantomLine = make[line[0]] && random.nextDouble() < p.phantomShare();
        return new BomLine(code[line[0]], BigDecimal.valueOf(line[1], 2), scrap, phantomLine);
    }

    /** Batch of 100 at 90–98 % yield; ingredients per batch from the lines; a co-product on a deeper bought item. */
    private Recipe recipe(int i, List<int[]> own) {
        BigDecimal batch = BigDecimal.valueOf(100);
        BigDecimal yield = BigDecimal.valueOf(90 + random.nextInt(9), 2);
        List<RecipeIngredient> ingredients = new ArrayList<>();
        for (int[] line : own) {
            ingredients.add(new RecipeIngredient(code[line[0]], BigDecimal.valueOf(line[1])));
        }
        List<RecipeOutput> outputs = new ArrayList<>();
        int coLevel = level[i] + 1 + random.nextInt(p.levels() - level[i] - 1);
        int co = pickBought(coLevel, own);
        if (co >= 0) {
            outputs.add(new RecipeOutput(code[co], BigDecimal.valueOf(10 + random.nextInt(21)), OutputKind.CO_PRODUCT));
        }
        if (random.nextBoolean()) {
            int by = pickBought(p.levels() - 1, own);
            if (by >= 0 && by != co) {
                outputs.add(new RecipeOutput(code[by], BigDecimal.valueOf(1 + random.nextInt(5)),
                        OutputKind.BY_PRODUCT));
            }
        }
        return new Recipe(code[i], "RCP-" + code[i], null, null, "RT-" + code[i], batch, yield, ingredients, outputs);
    }

    private int pickBought(int atLevel, List<int[]> exclude) {
        int[] candidates = levelItems[atLevel];
        for (int attempt = 0; attempt < 20; attempt++) {
            int c = candidates[random.nextInt(candidates.length)];
            if (!make[c] && exclude.stream().noneMatch(line -> line[0] == c)) {
                return c;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------ supply

    private void forecasts(PlanningInput.Builder b) {
        LocalDate firstWeek = start.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int i : levelItems[0]) {
            if (random.nextDouble() < p.forecastShare()) {
                long perWeek = nice(weekly[i] * 1.1);
                for (int w = 0; w < p.weeks(); w++) {
                    b.forecast(code[i], firstWeek.plusWeeks(w), perWeek);
                }
            }
        }
    }

    private void stock(PlanningInput.Builder b) {
        for (int i = 0; i < p.items(); i++) {
            if (!phantom[i] && random.nextDouble() < p.stockShare()) {
                b.stock(new StockOnHand(code[i], BigDecimal.valueOf(nice(weekly[i] * 3 * random.nextDouble()))));
            }
        }
    }

    private void openOrders(PlanningInput.Builder b, WorkingCalendar calendar) {
        List<Integer> bought = new ArrayList<>();
        List<Integer> made = new ArrayList<>();
        for (int i = 0; i < p.items(); i++) {
            if (!make[i]) {
                bought.add(i);
            } else if (!phantom[i]) {
                made.add(i);
            }
        }
        for (int k = 0; k < p.openPurchaseOrders(); k++) {
            int i = bought.get(random.nextInt(bought.size()));
            LocalDate due = workingDayOnOrBefore(calendar, start.plusDays(random.nextInt(42)));
            b.receipt(new ScheduledReceipt(ReceiptKind.PURCHASE_ORDER, String.format("PO-%06d/10", k + 1), code[i],
                    due, BigDecimal.valueOf(nice(weekly[i] * 2))));
        }
        for (int k = 0; k < p.openProductionOrders(); k++) {
            int i = made.get(random.nextInt(made.size()));
            LocalDate due = workingDayOnOrBefore(calendar, start.plusDays(random.nextInt(21)));
            long qty = nice(weekly[i]);
            String reference = String.format("MO-%06d", k + 1);
            b.receipt(new ScheduledReceipt(ReceiptKind.PRODUCTION_ORDER, reference, code[i], due,
                    BigDecimal.valueOf(qty)));
            for (int[] line : lines.get(i)) {
                if (random.nextBoolean()) { // not yet issued
                    BigDecimal open = BigDecimal.valueOf(line[1], 2).multiply(BigDecimal.valueOf(qty))
                            .setScale(fractional[line[0]] ? 2 : 0, RoundingMode.CEILING);
                    b.reservation(new ComponentReservation(reference, code[line[0]], start, open));
                }
            }
        }
        for (int k = 0; k < p.firmedPlannedOrders(); k++) {
            int i = made.get(random.nextInt(made.size()));
            LocalDate due = workingDayOnOrBefore(calendar, start.plusDays(14 + random.nextInt(42)));
            LocalDate release = due;
            for (int d = 0; d < leadTime[i]; ) {
                release = release.minusDays(1);
                if (calendar.isWorkingDay(release)) {
                    d++;
                }
            }
            b.firmedPlannedOrder(new FirmedPlannedOrder(String.format("FPO-%06d", k + 1), code[i],
                    BigDecimal.valueOf(nice(weekly[i])), release, due, null));
        }
    }

    private static LocalDate workingDayOnOrBefore(WorkingCalendar calendar, LocalDate date) {
        LocalDate d = date;
        while (!calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }
}
