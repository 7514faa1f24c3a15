package org.pilotline.app.benchmark;

import org.flywaydb.core.Flyway;
import org.pilotline.app.database.EmbeddedMariaDb;
import org.pilotline.erp.mrp.benchmark.BenchmarkOptions;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.Forecast;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.input.StockOnHand;
import org.pilotline.erp.mrp.generator.PlantGenerator;
import org.pilotline.erp.mrp.generator.PlantProfile;
import org.pilotline.erp.mrp.store.BulkLoad;
import org.pilotline.erp.mrp.store.LotSizingColumns;
import org.pilotline.erp.mrp.store.MrpRunner;
import org.pilotline.erp.mrp.store.PlanningInputLoader;
import org.pilotline.erp.mrp.store.RunParameters;
import org.pilotline.erp.mrp.store.RunStore;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The MRP benchmark through the database: generates a synthetic plant, seeds it into MariaDB's ERP tables with bulk
 * loads (not measured), then measures what a planner's run costs — reading the plant with {@code PlanningInputLoader},
 * planning, writing planned orders, exceptions and the run's input, switching the current run — and net-change
 * re-plans after one sales order line changed in the database. Prints one JSON object as its last line.
 *
 * <pre>
 *   --items 100000 --levels 10 --bom-lines 300000 --demand-lines 50000 --weeks 52   (defaults: the target)
 *   --seed 42 --net-changes 11 --threads N
 *   --with-due-index true   (adds a due-date index to the planned orders first, to measure what it would cost)
 *   --jdbc-url jdbc:mysql://host:3306/db --user u --password p   (default: an embedded MariaDB under deploy/target)
 * </pre>
 */
public final class MrpDatabaseBenchmark {

    private static final String TENANT = "bench";

    private MrpDatabaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions o = new BenchmarkOptions(args);
        PlantProfile profile = o.profile();
        int netChanges = o.integer("net-changes", 11);
        int threads = o.integer("threads", Runtime.getRuntime().availableProcessors());

        EmbeddedMariaDb embedded = null;
        String url = o.text("jdbc-url", null);
        String user = o.text("user", "root");
        String password = o.text("password", "");
        if (url == null) {
            Path home = Path.of("deploy", "target", "mrp-benchmark-db").toAbsolutePath();
            deleteRecursively(home.resolve("data"));
            long t = System.nanoTime();
            embedded = EmbeddedMariaDb.start(home.resolve("data"), EmbeddedMariaDb.sharedBinaries(), 0);
            url = embedded.jdbcUrl();
            user = embedded.user();
            password = embedded.password();
            log("embedded MariaDB started in %.1f s", sec(t));
        }
        try {
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/erp")
                    .outOfOrder(true).baselineOnMigrate(true).baselineVersion("0").load().migrate();
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            props.setProperty("allowLoadLocalInfileInPath", "/dev/null");
            props.setProperty("rewriteBatchedStatements", "true");
            props.setProperty("connectionTimeZone", "UTC");
            props.setProperty("sendFractionalSeconds", "false");
            props.setProperty("useSSL", "false");
            props.setProperty("allowPublicKeyRetrieval", "true");
            String jdbcUrl = url;
            try (Connection c = DriverManager.getConnection(url, props)) {
                if (o.has("with-due-index")) { // measures what a due-date index of planned orders would cost
                    try (Statement st = c.createStatement()) {
                        st.execute("alter table mrp_planned_order add index ix_mrp_planned_order_due (run_id, due_date)");
                    }
                }
                run(c, () -> DriverManager.getConnection(jdbcUrl, props), profile, netChanges, threads);
            }
        } finally {
            if (embedded != null) {
                embedded.stop();
            }
        }
    }

    private static void run(Connection c, org.pilotline.erp.mrp.store.PlanWriter.Connections writers, PlantProfile profile,
                            int netChanges, int threads) throws Exception {
        long t = System.nanoTime();
        PlanningInput plant = PlantGenerator.generate(profile);
        log("generated %d items, %d sales order lines in %.1f s", plant.items().size(), plant.salesOrderLines().size(), sec(t));
        t = System.nanoTime();
        Seeded seeded = seed(c, plant);
        double seedSeconds = sec(t);
        log("seeded the plant into the database in %.1f s", seedSeconds);
        String load = loadAverage();

        RunParameters parameters = new RunParameters(profile.start(), profile.weeks(), seeded.calendarId(), 1, 1, 14, 7);
        resetPeakHeap();
        long runId = RunStore.create(c, TENANT, "benchmark", parameters, Instant.now());
        long t0 = System.nanoTime();
        MrpRunner.RunResult result = MrpRunner.regenerate(c, writers, TENANT, runId, parameters, threads);
        double totalSeconds = sec(t0);
        long peakHeap = peakHeapMb();
        MrpRunner.Timings tm = result.timings();
        log("run: load %.2f s, compile %.2f s, plan %.2f s, write %.2f s (rows %.2f s), total %.2f s; %d planned orders",
                tm.load(), tm.compile(), tm.plan(), tm.write(), tm.writeRows(), totalSeconds,
                result.counts().plannedOrders());

        // net change: one sales order line's quantity changes in the database, then the current run is re-planned
        SplittableRandom random = new SplittableRandom(profile.seed());
        MrpRunner.Planned current = result.planned();
        double[] total = new double[netChanges];
        double[] plan = new double[netChanges];
        double[] write = new double[netChanges];
        long rewritten = 0;
        for (int k = 0; k < netChanges; k++) {
            long order = seeded.salesOrderIds()[random.nextInt(seeded.salesOrderIds().length)];
            long n0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("update sales_order_line set quantity = quantity + ?"
                    + " where tenant_id = ? and order_id = ? and line_no = (select min(line_no) from"
                    + " (select line_no from sales_order_line where order_id = ?) l)")) {
                ps.setInt(1, 1 + random.nextInt(50));
                ps.setString(2, TENANT);
                ps.setLong(3, order);
                ps.setLong(4, order);
                ps.executeUpdate();
            }
            c.commit();
            long n1 = System.nanoTime();
            RunStore.lockCurrent(c, TENANT);
            PlanningInputLoader.SalesOrderState state = new PlanningInputLoader(c, TENANT).salesOrder(order);
            MrpRunner.NetChangeResult nc = MrpRunner.netChange(c, TENANT, current, state);
            c.commit();
            c.setAutoCommit(true);
            total[k] = (System.nanoTime() - n1) / 1e6;
            plan[k] = nc.planMillis();
            write[k] = nc.writeMillis();
            rewritten += nc.rewrittenItems();
            current = nc.planned();
            log("net change %d (%s): %.0f ms (re-plan %.0f ms of %d items, write %.0f ms: %d items differ, %d rows)",
                    k + 1, nc.changedLines(), total[k], plan[k], nc.replannedItems(), write[k], nc.rewrittenItems(),
                    nc.rowsWritten());
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", result.counts().items());
        json.put("levels", profile.levels());
        json.put("bomLines", result.counts().bomLines());
        json.put("demandLines", plant.salesOrderLines().size());
        json.put("forecasts", plant.forecasts().size());
        json.put("weeks", profile.weeks());
        json.put("plannedOrders", result.counts().plannedOrders());
        json.put("pegs", result.counts().pegs());
        json.put("exceptions", result.counts().exceptions());
        json.put("threads", threads);
        json.put("seedSeconds", round(seedSeconds));
        json.put("loadSeconds", round(tm.load()));
        json.put("compileSeconds", round(tm.compile()));
        json.put("planSeconds", round(tm.plan()));
        json.put("writeSeconds", round(tm.write()));
        json.put("writeRowsSeconds", round(tm.writeRows()));
        json.put("totalSeconds", round(totalSeconds));
        json.put("netChangeMillis", round(BenchmarkOptions.median(total)));
        json.put("netChangeMaxMillis", round(Arrays.stream(total).max().orElse(0)));
        json.put("netChangeReplanMillis", round(BenchmarkOptions.median(plan)));
        json.put("netChangeWriteMillis", round(BenchmarkOptions.median(write)));
        json.put("netChangeAvgItemsRewritten", netChanges == 0 ? 0 : rewritten / netChanges);
        json.put("peakHeapMb", peakHeap);
        json.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        json.put("loadAverageBefore", load);
        json.put("loadAverageAfter", loadAverage());
        StringBuilder line = new StringBuilder("{");
        json.forEach((k, v) -> line.append(line.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                .append(v instanceof String s ? "\"" + s + "\"" : v));
        System.out.println(line.append('}'));
    }

    // ------------------------------------------------------------------------------------------------ seeding

    record Seeded(Long calendarId, long[] salesOrderIds) {
    }

    /** Writes the generated plant into the ERP tables, ids assigned here, with bulk loads and checks off. */
    private static Seeded seed(Connection c, PlanningInput in) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set foreign_key_checks = 0");
            st.execute("set unique_checks = 0");
            st.executeUpdate("insert into enterprise (code, name, credit_code, industry, manufacturing_type, pilot_since,"
                    + " status, time_zone, created_at, version) values ('" + TENANT + "', 'Benchmark plant',"
                    + " '91110000000000000X', 'machinery', 'DISCRETE', '2026-01-01', 'ACTIVE', 'UTC', now(), 0)");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < in.items().size(); i++) {
            index.put(in.items().get(i).code(), i + 1);
        }
        try (BulkLoad units = new BulkLoad(c, "unit", "id, tenant_id, code, name, dimension, decimals, version")) {
            for (int d = 0; d <= 6; d++) {
                units.number(d + 1).text(TENANT).text("d" + d).text("unit with " + d + " decimals").text("OTHER")
                        .number(d).number(0).endRow();
            }
            units.finish();
        }
        Map<String, Boolean> phantomItem = new HashMap<>();
        try (BulkLoad rows = new BulkLoad(c, "item", "id, tenant_id, code, name, item_type, sourcing, stock_unit_id,"
                + " lead_time_days, lot_sizing, lot_size_quantity, lot_size_minimum, lot_size_maximum, lot_size_multiple,"
                + " periods_of_supply, safety_stock, standard_cost, standard_lot_size, tracking, allow_negative_stock,"
                + " active, version")) {
            for (Item i : in.items()) {
                phantomItem.put(i.code(), i.phantom());
                boolean make = i.procurement() == org.pilotline.erp.mrp.engine.input.Procurement.MAKE;
                rows.number(index.get(i.code())).text(TENANT).text(i.code()).text(i.code())
                        .text(make ? "SEMI_FINISHED" : "RAW").text(make ? "MAKE" : "BUY").number(i.decimals() + 1)
                        .number(i.leadTimeDays());
                LotSizingColumns.write(rows, i.lotSizing());
                rows.text(i.safetyStock().toPlainString()).text("1").text("1").text("NONE").number(1).number(1).number(0)
                        .endRow();
            }
            rows.finish();
        }
        int bomId = 0;
        try (BulkLoad boms = new BulkLoad(c, "bom", "id, tenant_id, item_id, revision, base_quantity, valid_from, valid_to, version");
             BulkLoad lines = new BulkLoad(c, "bom_line", "tenant_id, bom_id, line_no, component_id, quantity, unit_id,"
                     + " scrap_factor, phantom, operation_no")) {
            for (BomVersion v : in.bomVersions()) {
                bomId++;
                boms.number(bomId).text(TENANT).number(index.get(v.itemCode())).text(v.version())
                        .text(v.baseQuantity().toPlainString()).date(v.validFrom() == null ? LocalDate.of(2000, 1, 1) : v.validFrom())
                        .date(v.validTo()).number(0).endRow();
                int lineNo = 0;
                for (BomLine l : v.lines()) {
                    lineNo += 10;
                    lines.text(TENANT).number(bomId).number(lineNo).number(index.get(l.componentCode()))
                            .text(l.quantityPer().toPlainString()).number(unitOf(in, index, l.componentCode()))
                            .text(l.scrapFactor().toPlainString())
                            .number(l.phantom() || phantomItem.get(l.componentCode()) ? 1 : 0).text(null).endRow();
                }
            }
            boms.finish();
            lines.finish();
        }
        Map<String, Integer> firstBom = new HashMap<>();
        for (int k = 0; k < in.bomVersions().size(); k++) {
            firstBom.putIfAbsent(in.bomVersions().get(k).itemCode(), k + 1);
        }
        try (BulkLoad recipes = new BulkLoad(c, "recipe", "id, tenant_id, item_id, revision, batch_size, expected_yield,"
                + " cost_allocation, valid_from, valid_to, version");
             BulkLoad ingredients = new BulkLoad(c, "recipe_ingredient", "tenant_id, recipe_id, line_no, item_id, quantity, unit_id");
             BulkLoad outputs = new BulkLoad(c, "recipe_output", "tenant_id, recipe_id, line_no, item_id, kind, quantity,"
                     + " unit_id, cost_allocation")) {
            int id = 0;
            for (Recipe r : in.recipes()) {
                id++;
                recipes.number(id).text(TENANT).number(index.get(r.itemCode())).text("R" + id).text(r.batchSize().toPlainString())
                        .text(r.expectedYield().toPlainString()).text("1")
                        .date(r.validFrom() == null ? LocalDate.of(2000, 1, 1) : r.validFrom()).date(r.validTo()).number(0).endRow();
                int lineNo = 0;
                for (RecipeIngredient g : r.ingredients()) {
                    ingredients.text(TENANT).number(id).number(lineNo += 10).number(index.get(g.itemCode()))
                            .text(g.quantityPerBatch().toPlainString()).number(unitOf(in, index, g.itemCode())).endRow();
                }
                lineNo = 0;
                for (RecipeOutput out : r.outputs()) {
                    outputs.text(TENANT).number(id).number(lineNo += 10).number(index.get(out.itemCode())).text(out.kind().name())
                            .text(out.quantityPerBatch().toPlainString()).number(unitOf(in, index, out.itemCode()))
                            .text("0").endRow();
                }
            }
            recipes.finish();
            ingredients.finish();
            outputs.finish();
        }
        long calendarId = 1;
        try (Statement st = c.createStatement()) {
            st.executeUpdate("insert into calendar (id, tenant_id, code, name, time_zone, version) values (1, '" + TENANT
                    + "', 'PLANT', 'Plant', 'UTC', 0)");
            for (DayOfWeek d : in.calendar().workingWeekdays()) {
                st.executeUpdate("insert into calendar_shift (tenant_id, calendar_id, weekday, name, starts_at, ends_at)"
                        + " values ('" + TENANT + "', 1, " + d.getValue() + ", 'day', '08:00', '16:00')");
            }
            for (LocalDate h : in.calendar().holidays()) {
                st.executeUpdate("insert into calendar_holiday (tenant_id, calendar_id, day, name) values ('" + TENANT
                        + "', 1, '" + h + "', 'holiday')");
            }
            st.executeUpdate("insert into partner (id, tenant_id, code, name, customer, supplier, version) values"
                    + " (1, '" + TENANT + "', 'CUS', 'Customer', 1, 0, 0), (2, '" + TENANT + "', 'SUP', 'Supplier', 0, 1, 0)");
            st.executeUpdate("insert into warehouse (id, tenant_id, code, name, version) values (1, '" + TENANT + "', 'WH', 'WH', 0)");
            st.executeUpdate("insert into location (id, tenant_id, warehouse_id, code, name, active, version) values"
                    + " (1, '" + TENANT + "', 1, 'A', 'A', 1, 0)");
        }
        // sales orders: lines grouped by the order number of their reference
        TreeMap<String, List<SalesOrderLine>> salesOrders = new TreeMap<>();
        for (SalesOrderLine l : in.salesOrderLines()) {
            salesOrders.computeIfAbsent(numberOf(l.reference()), k -> new ArrayList<>()).add(l);
        }
        long[] salesOrderIds = new long[salesOrders.size()];
        try (BulkLoad orders = new BulkLoad(c, "sales_order", "id, tenant_id, number, customer_id, order_date, status, currency, version");
             BulkLoad lines = new BulkLoad(c, "sales_order_line", "tenant_id, order_id, line_no, item_id, quantity, unit_id,"
                     + " requested_date, unit_price, shipped_quantity")) {
            int id = 0;
            for (var e : salesOrders.entrySet()) {
                id++;
                salesOrderIds[id - 1] = id;
                orders.number(id).text(TENANT).text(e.getKey()).number(1).date(LocalDate.of(2026, 1, 1)).text("CONFIRMED")
                        .text("CNY").number(0).endRow();
                for (SalesOrderLine l : e.getValue()) {
                    lines.text(TENANT).number(id).number(lineOf(l.reference())).number(index.get(l.itemCode()))
                            .text(l.quantity().toPlainString()).number(unitOf(in, index, l.itemCode())).date(l.dueDate())
                            .text("1").text("0").endRow();
                }
            }
            orders.finish();
            lines.finish();
        }
        try (BulkLoad orders = new BulkLoad(c, "purchase_order", "id, tenant_id, number, supplier_id, order_date, status, currency, version");
             BulkLoad lines = new BulkLoad(c, "purchase_order_line", "tenant_id, order_id, line_no, item_id, quantity, unit_id,"
                     + " due_date, unit_price, received_quantity");
             BulkLoad production = new BulkLoad(c, "production_order", "tenant_id, number, item_id, quantity,"
                     + " completed_quantity, start_date, due_date, status, bom_id, origin, version")) {
            int id = 0;
            for (ScheduledReceipt r : in.scheduledReceipts()) {
                if (r.kind() == ReceiptKind.PURCHASE_ORDER) {
                    id++;
                    orders.number(id).text(TENANT).text(numberOf(r.reference())).number(2).date(LocalDate.of(2026, 1, 1))
                            .text("RELEASED").text("CNY").number(0).endRow();
                    lines.text(TENANT).number(id).number(lineOf(r.reference())).number(index.get(r.itemCode()))
                            .text(r.quantity().toPlainString()).number(unitOf(in, index, r.itemCode())).date(r.dueDate())
                            .text("1").text("0").endRow();
                } else {
                    Integer bom = firstBom.get(r.itemCode());
                    production.text(TENANT).text(r.reference()).number(index.get(r.itemCode())).text(r.quantity().toPlainString())
                            .text("0").date(in.horizon().start()).date(r.dueDate()).text("RELEASED")
                            .text(bom == null ? null : bom.toString()).text("MANUAL").number(0).endRow();
                }
            }
            orders.finish();
            lines.finish();
            production.finish();
        }
        Map<String, BigDecimal> stock = new HashMap<>();
        for (StockOnHand s : in.stock()) {
            stock.merge(s.itemCode(), s.quantity(), BigDecimal::add);
        }
        try (BulkLoad rows = new BulkLoad(c, "stock_balance", "tenant_id, item_id, location_id, quantity, version")) {
            for (var e : stock.entrySet()) {
                rows.text(TENANT).number(index.get(e.getKey())).number(1).text(e.getValue().toPlainString()).number(0).endRow();
            }
            rows.finish();
        }
        Map<String, BigDecimal> forecasts = new HashMap<>();
        for (Forecast f : in.forecasts()) {
            forecasts.merge(f.itemCode() + "\t" + f.week(), f.quantity(), BigDecimal::add);
        }
        try (BulkLoad rows = new BulkLoad(c, "mrp_forecast", "tenant_id, item_id, week, quantity, version")) {
            for (var e : forecasts.entrySet()) {
                String[] key = e.getKey().split("\t");
                rows.text(TENANT).number(index.get(key[0])).date(LocalDate.parse(key[1])).text(e.getValue().toPlainString())
                        .number(0).endRow();
            }
            rows.finish();
        }
        try (BulkLoad rows = new BulkLoad(c, "mrp_firmed_order", "tenant_id, reference, item_id, quantity, release_date,"
                + " due_date, formula, status, version")) {
            for (FirmedPlannedOrder f : in.firmedPlannedOrders()) {
                rows.text(TENANT).text(f.reference()).number(index.get(f.itemCode())).text(f.quantity().toPlainString())
                        .date(f.releaseDate()).date(f.dueDate()).text(f.formulaCode()).text("FIRM").number(0).endRow();
            }
            rows.finish();
        }
        try (Statement st = c.createStatement()) {
            st.execute("set foreign_key_checks = 1");
            st.execute("set unique_checks = 1");
            st.execute("analyze table item, bom, bom_line, sales_order, sales_order_line, purchase_order_line, production_order");
        }
        return new Seeded(calendarId, salesOrderIds);
    }

    private static int unitOf(PlanningInput in, Map<String, Integer> index, String itemCode) {
        return in.items().get(index.get(itemCode) - 1).decimals() + 1;
    }

    private static String numberOf(String reference) {
        int slash = reference.indexOf('/');
        return slash < 0 ? reference : reference.substring(0, slash);
    }

    private static int lineOf(String reference) {
        int slash = reference.indexOf('/');
        return slash < 0 ? 10 : Integer.parseInt(reference.substring(slash + 1));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset (an upper bound of the heap in use at any one time). */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }


    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double sec(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }



    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
