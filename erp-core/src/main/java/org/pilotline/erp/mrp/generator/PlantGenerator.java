package org.pilotline.erp.mrp.generator;

import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;
import org.pilotline.erp.mrp.engine.input.PlanningHorizon;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Procurement;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.input.StockOnHand;
import org.pilotline.erp.mrp.engine.input.WorkingCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a synthetic plant from a {@link PlantProfile}: the same records a database adapter would read from the
 * ERP tables (items, BOM versions with effectivity, recipes with co-products, calendar, sales orders, forecasts,
 * stock, open purchase and production orders with their component reservations, firmed planned orders), so that
 * the same data can be planned in memory or loaded into the database. Deterministic for a seed: every draw comes
 * from one random sequence, in a fixed order.
 *
 * <p>Lot sizes, stock and order quantities are set from each item's expected weekly requirement (the generated
 * demand rolled down the BOMs), as a planner would: fixed lots of one to four weeks, minimums of about a week.
 */
public final class PlantGenerator {

    private final PlantProfile profile;
    private final SplittableRandom random;
    private final LocalDate start;
    private final LocalDate horizonEnd;
    private PlantLayout layout;
    /** Per item, the expected requirement per week. */
    private double[] weekly;

    private PlantGenerator(PlantProfile profile) {
        this.profile = profile;
        this.random = new SplittableRandom(profile.seed());
        this.start = profile.start();
        this.horizonEnd = PlanningHorizon.weeksFrom(start, profile.weeks()).end();
    }

    public static PlanningInput generate(PlantProfile profile) {
        return new PlantGenerator(profile).build();
    }

    private PlanningInput build() {
        layout = PlantLayout.generate(profile, random);
        WorkingCalendar calendar = calendar();
        PlanningInput.Builder plant = PlanningInput.builder(PlanningHorizon.weeksFrom(start, profile.weeks()),
                calendar);
        List<SalesOrderLine> sales = salesOrders(calendar);
        weeklyRequirements(sales);
        for (int item = 0; item < profile.items(); item++) {
            plant.item(item(item));
        }
        new FormulaGenerator(layout, random, horizonEnd).addFormulas(plant);
        sales.forEach(plant::salesOrder);
        forecasts(plant);
        stock(plant);
        openOrders(plant, calendar);
        return plant.build();
    }

    private WorkingCalendar calendar() {
        Set<LocalDate> holidays = new HashSet<>();
        long days = horizonEnd.toEpochDay() - start.toEpochDay();
        while (holidays.size() < profile.holidays()) {
            LocalDate day = start.plusDays(1 + random.nextLong(Math.max(1, days - 1)));
            if (day.getDayOfWeek().getValue() <= 5) {
                holidays.add(day);
            }
        }
        return WorkingCalendar.mondayToFriday(holidays.toArray(new LocalDate[0]));
    }

    // ------------------------------------------------------------------------------------------------ demand

    private List<SalesOrderLine> salesOrders(WorkingCalendar calendar) {
        List<SalesOrderLine> sales = new ArrayList<>(profile.demandLines());
        List<LocalDate> workingDays = new ArrayList<>();
        for (LocalDate day = start; day.isBefore(horizonEnd); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                workingDays.add(day);
            }
        }
        int[] finished = layout.levelItems[0];
        int[] spares = profile.levels() > 2 ? layout.levelItems[1] : finished;
        for (int line = 0; line < profile.demandLines(); line++) {
            int item = random.nextDouble() < 0.95 ? finished[random.nextInt(finished.length)]
                    : spares[random.nextInt(spares.length)];
            if (layout.phantom[item]) {
                item = finished[random.nextInt(finished.length)];
            }
            LocalDate due = workingDays.get(random.nextInt(workingDays.size()));
            long quantity = 1 + random.nextInt(random.nextDouble() < 0.8 ? 20 : 100);
            String reference = String.format("SO-%06d/%d", line / 3 + 1, (line % 3 + 1) * 10);
            sales.add(new SalesOrderLine(reference, layout.code[item], due, BigDecimal.valueOf(quantity)));
        }
        return sales;
    }

    /** Expected requirement per week, rolled down the BOMs from the sales orders. */
    private void weeklyRequirements(List<SalesOrderLine> sales) {
        weekly = new double[profile.items()];
        Map<String, Integer> index = new HashMap<>();
        for (int item = 0; item < profile.items(); item++) {
            index.put(layout.code[item], item);
        }
        for (SalesOrderLine line : sales) {
            weekly[index.get(line.itemCode())] += line.quantity().doubleValue() / profile.weeks();
        }
        for (int depth = 0; depth < profile.levels(); depth++) {
            for (int item : layout.levelItems[depth]) {
                if (weekly[item] < 1) {
                    weekly[item] = 1;
                }
                for (int[] line : layout.lines.get(item)) {
                    weekly[line[0]] += weekly[item] * line[1] / 100.0;
                }
            }
        }
    }

    /** The item with the lot size and safety stock a planner would give it for its weekly requirement. */
    private Item item(int item) {
        LotSizing lotSizing = LotSizing.lotForLot();
        if (layout.phantom[item]) {
            lotSizing = LotSizing.lotForLot();
        } else if (layout.level[item] == 0) {
            lotSizing = random.nextDouble() < 0.6 ? LotSizing.lotForLot() : LotSizing.periodsOfSupply(1);
        } else {
            double[] mix = profile.lotSizingMix();
            double draw = random.nextDouble();
            double perWeek = weekly[item];
            if (draw < mix[0] && (!layout.make[item] || layout.level[item] > 3)) {
                // buyers and the deep levels (many parents, an order every day otherwise) order by period
                lotSizing = LotSizing.periodsOfSupply(1 + random.nextInt(4));
            } else if (draw < mix[0]) {
                lotSizing = LotSizing.lotForLot();
            } else if (draw < mix[0] + mix[1]) {
                lotSizing = new LotSizing.FixedQuantity(BigDecimal.valueOf(nice(perWeek * (1 + random.nextInt(4)))));
            } else if (draw < mix[0] + mix[1] + mix[2]) {
                long multiple = perWeek < 20 ? 1 : perWeek < 200 ? 5 : perWeek < 2000 ? 10 : 50;
                long minimum = nice(2 * perWeek);
                long maximum = random.nextDouble() < 0.5 ? 0 : Math.max(minimum * 6, multiple);
                lotSizing = LotSizing.minMaxMultiple(minimum, maximum, multiple);
            } else {
                lotSizing = LotSizing.periodsOfSupply(1 + random.nextInt(4));
            }
        }
        boolean make = layout.make[item];
        BigDecimal safetyStock = !make && random.nextDouble() < profile.safetyStockShare()
                ? BigDecimal.valueOf(nice(weekly[item] / 2)) : BigDecimal.ZERO;
        return new Item(layout.code[item], make ? Procurement.MAKE : Procurement.BUY, layout.leadTime[item], lotSizing,
                safetyStock, layout.phantom[item], layout.fractional[item] ? 3 : 0);
    }

    /** A round quantity a planner would choose: at least 1, two significant digits rounded up. */
    private static long nice(double quantity) {
        if (quantity < 10) {
            return Math.max(1, (long) Math.ceil(quantity));
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(quantity)) - 1);
        return (long) (Math.ceil(quantity / magnitude) * magnitude);
    }

    // ------------------------------------------------------------------------------------------------ supply

    private void forecasts(PlanningInput.Builder plant) {
        LocalDate firstWeek = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int item : layout.levelItems[0]) {
            if (random.nextDouble() < profile.forecastShare()) {
                long perWeek = nice(weekly[item] * 1.1);
                for (int week = 0; week < profile.weeks(); week++) {
                    plant.forecast(layout.code[item], firstWeek.plusWeeks(week), perWeek);
                }
            }
        }
    }

    private void stock(PlanningInput.Builder plant) {
        for (int item = 0; item < profile.items(); item++) {
            if (!layout.phantom[item] && random.nextDouble() < profile.stockShare()) {
                plant.stock(new StockOnHand(layout.code[item],
                        BigDecimal.valueOf(nice(weekly[item] * 3 * random.nextDouble()))));
            }
        }
    }

    private void openOrders(PlanningInput.Builder plant, WorkingCalendar calendar) {
        List<Integer> bought = new ArrayList<>();
        List<Integer> made = new ArrayList<>();
        for (int item = 0; item < profile.items(); item++) {
            if (!layout.make[item]) {
                bought.add(item);
            } else if (!layout.phantom[item]) {
                made.add(item);
            }
        }
        for (int order = 0; order < profile.openPurchaseOrders(); order++) {
            int item = bought.get(random.nextInt(bought.size()));
            LocalDate due = workingDayOnOrBefore(calendar, start.plusDays(random.nextInt(42)));
            plant.receipt(new ScheduledReceipt(ReceiptKind.PURCHASE_ORDER, String.format("PO-%06d/10", order + 1),
                    layout.code[item], due, BigDecimal.valueOf(nice(weekly[item] * 2))));
        }
        for (int order = 0; order < profile.openProductionOrders(); order++) {
            int item = made.get(random.nextInt(made.size()));
            LocalDate due = workingDayOnOrBefore(calendar, start.plusDays(random.nextInt(21)));
            long quantity = nice(weekly[item]);
            String reference = String.format("MO-%06d", order + 1);
            plant.receipt(new ScheduledReceipt(ReceiptKind.PRODUCTION_ORDER, reference, layout.code[item], due,
                    BigDecimal.valueOf(quantity)));
            for (int[] line : layout.lines.get(item)) {
                if (random.nextBoolean()) { // not yet issued
                    BigDecimal open = BigDecimal.valueOf(line[1], 2).multiply(BigDecimal.valueOf(quantity))
                            .setScale(layout.fractional[line[0]] ? 2 : 0, RoundingMode.CEILING);
                    plant.reservation(new ComponentReservation(reference, layout.code[line[0]], start, open));
                }
            }
        }
        for (int order = 0; order < profile.firmedPlannedOrders(); order++) {
            int item = made.get(random.nextInt(made.size()));
            LocalDate due = workingDayOnOrBefore(calendar, start.plusDays(14 + random.nextInt(42)));
            LocalDate release = due;
            for (int workingDays = 0; workingDays < layout.leadTime[item]; ) {
                release = release.minusDays(1);
                if (calendar.isWorkingDay(release)) {
                    workingDays++;
                }
            }
            plant.firmedPlannedOrder(new FirmedPlannedOrder(String.format("FPO-%06d", order + 1), layout.code[item],
                    BigDecimal.valueOf(nice(weekly[item])), release, due, null));
        }
    }

    private static LocalDate workingDayOnOrBefore(WorkingCalendar calendar, LocalDate date) {
        LocalDate day = date;
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }
}
