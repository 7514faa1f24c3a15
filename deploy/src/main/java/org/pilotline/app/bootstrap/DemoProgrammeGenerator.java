package org.pilotline.app.bootstrap;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.app.config.PilotLineConfig;
import org.pilotline.erp.calendar.Calendar;
import org.pilotline.erp.calendar.CalendarRequest;
import org.pilotline.erp.calendar.CalendarRequest.BreakRequest;
import org.pilotline.erp.calendar.CalendarRequest.HolidayRequest;
import org.pilotline.erp.calendar.CalendarRequest.ShiftRequest;
import org.pilotline.erp.calendar.WorkingCalendar;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.erp.enterprise.EnterpriseRequest;
import org.pilotline.erp.enterprise.EnterpriseService;
import org.pilotline.erp.equipment.SiteRequest;
import org.pilotline.erp.equipment.SiteService;
import org.pilotline.erp.item.ItemType;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.item.Tracking;
import org.pilotline.erp.security.UserAccount;
import org.pilotline.erp.security.UserService;
import org.pilotline.kpi.programme.Cohort;
import org.pilotline.kpi.programme.CohortService;
import org.pilotline.kpi.programme.CohortType;
import org.pilotline.kpi.programme.ProgrammeViews.CohortRequest;
import org.pilotline.kpi.programme.ProgrammeViews.CohortView;
import org.pilotline.kpi.rollup.RollupService;
import org.pilotline.platform.security.Role;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Generates the embedded demo programme once the application is ready, on one background thread: the 28 pilot
 * enterprises of {@link DemoPilots} — each with a site, an area, work centers and machines (work units), a shift
 * calendar, products with routings, a login {@code <code>-admin} and its place in the cohort of its year — and for
 * each {@code days} of raw history ending at the hour the generation first started: machine intervals stepped by the
 * simulator's machine model ({@link MachineDay}), occasional data-loss spans and the completed work orders with their
 * reports. Days are written in bulk, one transaction per enterprise-day ({@link DemoHistoryStore}); then the
 * enterprise's KPI roll-ups are recomputed from that raw history by the KPI module's own recomputation
 * ({@link RollupService#recompute}), and only then is the enterprise complete — so the bureau's view fills in
 * enterprise by enterprise. A restart continues where it stopped (days written stay, missing ones are written, the
 * roll-ups of an enterprise cut short are recomputed). Never in prod ({@code pilotline.demo.enabled}), nor in the test
 * profile unless a test calls {@link #generate}.
 */
@ApplicationScoped
public class DemoProgrammeGenerator {

    private static final Logger LOG = Logger.getLogger(DemoProgrammeGenerator.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    PilotLineConfig config;

    @Inject
    DemoProgrammeConfig programme;

    @Inject
    PlantServices services;

    @Inject
    EnterpriseService enterprises;

    @Inject
    SiteService sites;

    @Inject
    UserService users;

    @Inject
    CohortService cohorts;

    @Inject
    RollupService rollups;

    @Inject
    DemoHistoryStore store;

    private volatile CompletableFuture<Void> running;
    private volatile boolean stopping;
    private volatile int enterprisesPlanned;

    /** After the ready banner (priority 1000) and the demo plants' start (1100): start-up never waits for it. */
    void onStart(@Observes @Priority(1200) StartupEvent event) {
        if (config.demo().enabled() && programme.enabled()) {
            generate(programme.enterprises(), programme.days());
        }
    }

    /**
     * Stops the generation after the day it is writing, before the datasource closes: cut off there, the day's
     * transaction was rolled back with a warning. Waits at most 5 s (an enterprise's roll-ups under way take longer).
     * The next start continues where it stopped.
     */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        CompletableFuture<Void> current = running;
        if (current != null && !current.isDone()) {
            LOG.info("Demo programme generation is cut short by the shutdown; the next start continues it");
            try {
                current.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // failed (logged by the generation itself), or still writing: the stop goes on
            }
        }
    }

    /** How many enterprises the generation under way (or the last one) is to fill; 0 before any. */
    public int enterprisesPlanned() {
        return enterprisesPlanned;
    }

    /** Whether a generation runs now. */
    public boolean running() {
        CompletableFuture<Void> current = running;
        return current != null && !current.isDone();
    }

    /**
     * Generates the first {@code count} pilots of {@link DemoPilots#ALL} with {@code days} of history each, on a thread
     * of its own (a call while one runs joins it). Pilots already complete are left as they are.
     */
    public CompletableFuture<Void> generate(int count, int days) {
        return generate(count, days, Integer.MAX_VALUE);
    }

    /**
     * As {@link #generate(int, int)}, but each enterprise stops after writing {@code dayLimit} days in this run,
     * left {@code GENERATING} as a stop or crash would leave it: what tests use to prove that the next run continues.
     */
    public synchronized CompletableFuture<Void> generate(int count, int days, int dayLimit) {
        if (running != null && !running.isDone()) {
            return running;
        }
        int n = Math.max(0, Math.min(count, DemoPilots.ALL.size()));
        enterprisesPlanned = n;
        CompletableFuture<Void> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> run(future, n, days, dayLimit), "pilotline-demo-programme");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        running = future;
        thread.start();
        return future;
    }

    private void run(CompletableFuture<Void> future, int count, int days, int dayLimit) {
        long started = System.nanoTime();
        RuntimeException failure = null;
        boolean filledAny = false;
        for (int i = 0; i < count && !stopping; i++) {
            DemoPilots.Pilot pilot = DemoPilots.ALL.get(i);
            try {
                filledAny |= fill(pilot, i + 1, days, dayLimit);
            } catch (RuntimeException e) {
                failure = e;
                LOG.warnf(e, "Demo programme: '%s' is incomplete; the next start continues it", pilot.code());
                try {
                    store.state(pilot.code(), DemoHistoryStore.State.FAILED, e.getClass().getSimpleName() + ": "
                            + e.getMessage());
                } catch (RuntimeException notRecorded) {
                    e.addSuppressed(notRecorded);
                }
            }
        }
        if (failure == null && !stopping) {
            if (filledAny) {
                LOG.infof("Demo programme ready: %d generated pilot enterprises with %d days of history (%d s, in the"
                        + " background)", count, days, (System.nanoTime() - started) / 1_000_000_000L);
            }
            future.complete(null);
        } else {
            future.completeExceptionally(failure != null ? failure : new IllegalStateException("stopped"));
        }
    }

    /** Generates what is missing of one pilot; false when it was complete already. */
    private boolean fill(DemoPilots.Pilot pilot, int index, int days, int dayLimit) {
        var before = store.of(pilot.code());
        if (before.isPresent() && before.get().state() == DemoHistoryStore.State.COMPLETE) {
            return false;
        }
        long started = System.nanoTime();
        Plant plant = setUp(pilot, index);
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        LocalDate lastDay = end.atZone(ZONE).toLocalDate();
        DemoHistoryStore.Progress progress = store.begin(pilot.code(), lastDay.minusDays(days - 1L), days, end);
        Set<LocalDate> written = store.daysWritten(pilot.code());
        long intervals = 0;
        int writtenNow = 0;
        for (int d = 0; d < progress.daysTotal(); d++) {
            if (stopping || writtenNow == dayLimit) {
                return true;
            }
            LocalDate day = progress.firstDay().plusDays(d);
            if (!written.contains(day)) {
                intervals += writeDay(plant, day, progress.historyEnd());
                writtenNow++;
            }
        }
        if (stopping) {
            return true; // the roll-ups (seconds) are computed by the next start
        }
        store.state(pilot.code(), DemoHistoryStore.State.ROLLING_UP, null);
        long rolling = System.nanoTime();
        var recomputed = TenantContext.callAs(pilot.code(), () -> rollups.recompute(null));
        store.state(pilot.code(), DemoHistoryStore.State.COMPLETE, null);
        LOG.infof("Demo programme: '%s' (%d/%d) has %d days of history (%d machine intervals written now) and %d"
                        + " roll-up buckets (%d ms, of which roll-ups %d ms)", pilot.code(), index, enterprisesPlanned,
                progress.daysTotal(), intervals, recomputed.buckets(), (System.nanoTime() - started) / 1_000_000,
                (System.nanoTime() - rolling) / 1_000_000);
        return true;
    }

    /** Steps each machine through the day and writes the day; the number of intervals written (0 if it was there). */
    private long writeDay(Plant plant, LocalDate day, Instant historyEnd) {
        long dayStart = day.atStartOfDay(ZONE).toInstant().toEpochMilli();
        long dayEnd = Math.min(day.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli(), historyEnd.toEpochMilli());
        List<MachineDay.Window> windows = plant.calendar().workingIntervalsBetween(Instant.ofEpochMilli(dayStart),
                        Instant.ofEpochMilli(dayEnd)).stream()
                .map(w -> new MachineDay.Window(w.start().toEpochMilli(), w.end().toEpochMilli())).toList();
        List<DemoHistoryStore.UnitDay> units = new ArrayList<>();
        for (Machine m : plant.machines()) {
            List<MachineDay.Product> products = plant.products().get(m.workCenterId());
            long seed = m.seed() * 31 + day.toEpochDay();
            units.add(new DemoHistoryStore.UnitDay(m.workUnitId(), m.code(), m.workCenterId(),
                    MachineDay.simulate(seed, m.behaviour(), windows, dayStart, dayEnd, products.size(), products::get)));
        }
        boolean wrote = store.writeDay(plant.code(), day, units, plant.items()::get);
        return wrote ? units.stream().mapToLong(u -> u.result().intervals().size()).sum() : 0;
    }

    // ---- the enterprise and its plant ----

    private record Machine(long workUnitId, String code, long workCenterId, long seed, MachineDay.Behaviour behaviour) {
    }

    private record Plant(String code, WorkingCalendar calendar, List<Machine> machines,
                         Map<Long, List<MachineDay.Product>> products, Map<Long, List<DemoHistoryStore.ItemRef>> items) {
    }

    /** Creates what is missing of the enterprise, its login, cohort place and plant; reads back the ids. */
    private Plant setUp(DemoPilots.Pilot pilot, int index) {
        String code = pilot.code();
        String site = pilot.siteCode();
        TenantContext.runAs(TenantContext.NO_TENANT, () -> {
            if (Enterprise.findByCode(code).isEmpty()) {
                enterprises.provision(new EnterpriseRequest(code, pilot.name(), pilot.creditCode(index),
                        pilot.industry().label(), pilot.industry().type(), LocalDate.of(pilot.cohort(), 3, 1),
                        ZONE.getId()));
            }
            if (UserAccount.findByUsername(code + "-admin").isEmpty()) {
                users.provision(code + "-admin", pilot.nameEn() + " administrator", config.demo().password(), code,
                        Set.of(Role.ADMIN, Role.MANAGER), Set.of());
            }
        });
        TenantContext.runAs(code, () -> {
            if (org.pilotline.erp.equipment.Site.count("code", site) == 0) {
                sites.createSite(new SiteRequest(site, pilot.cityZh() + "工厂 " + pilot.cityEn() + " plant",
                        pilot.cityZh() + "市", null, null));
            }
        });
        joinCohort(pilot);
        PlantBuilder p = new PlantBuilder(services, code);
        p.site(site);
        String area = site + "-PRD";
        p.area(site, area, "生产车间 Production shop");
        DemoPilots.Industry industry = pilot.industry();
        String calendarCode = site + "-CAL";
        p.calendar(calendar(calendarCode, industry, p.today()));
        Random random = new Random(pilot.seed());
        List<String[]> unitCodes = new ArrayList<>();
        int centers = industry.centers().size();
        for (int c = 0; c < centers; c++) {
            DemoPilots.Center center = industry.centers().get(c);
            int machines = pilot.machines() / centers + (c < pilot.machines() % centers ? 1 : 0);
            String wc = site + "-" + center.suffix();
            p.workCenter(area, wc, center.nameZh() + " " + center.nameEn(), machines, "150", calendarCode, true);
            for (int m = 1; m <= machines; m++) {
                String unit = String.format("%s-%02d", wc, m);
                p.workUnit(wc, unit, center.machineZh() + " " + m + " " + center.machineEn() + " " + m);
                unitCodes.add(new String[]{wc, unit});
            }
        }
        Map<Long, List<MachineDay.Product>> products = new HashMap<>();
        Map<Long, List<DemoHistoryStore.ItemRef>> items = new HashMap<>();
        for (DemoPilots.Product product : industry.products()) {
            String wc = site + "-" + industry.centers().get(product.center()).suffix();
            String name = product.nameZh() + " " + product.nameEn();
            long item = p.item(product.suffix(), name, ItemType.FINISHED, Sourcing.MAKE, product.unit(), 2, "100",
                    Tracking.NONE);
            BigDecimal run = BigDecimal.valueOf(product.cycleSeconds())
                    .divide(BigDecimal.valueOf(60L * product.unitsPerCycle()), 6, RoundingMode.HALF_UP);
            BigDecimal setup = BigDecimal.valueOf(product.setupMinutes());
            p.routing(product.suffix(), PlantBuilder.Step.of(10, name, wc, setup.toPlainString(), run.toPlainString()));
            long center = p.id(wc);
            // the machine's planned cycle is what the routing says: units per cycle × run time per unit
            products.computeIfAbsent(center, k -> new ArrayList<>()).add(new MachineDay.Product(
                    run.multiply(BigDecimal.valueOf(60_000L * product.unitsPerCycle())).longValue(),
                    product.unitsPerCycle(), product.setupMinutes() * 60_000L));
            items.computeIfAbsent(center, k -> new ArrayList<>()).add(new DemoHistoryStore.ItemRef(item, name, setup, run));
        }
        WorkingCalendar working = p.planner(() -> Calendar.<Calendar>findById(p.id(calendarCode)).workingCalendar());
        List<Machine> machines = new ArrayList<>();
        for (String[] u : unitCodes) {
            machines.add(new Machine(p.id(u[1]), u[1], p.id(u[0]), random.nextLong(), behaviour(pilot.maturity(), random)));
        }
        return new Plant(code, working, machines, products, items);
    }

    /**
     * How a machine of an enterprise of this maturity behaves: a beginner (0) breaks down more often and longer, stops
     * more, scraps more, runs slower than its routing and waits longer between orders than a model case (1); each
     * machine varies around its enterprise.
     */
    static MachineDay.Behaviour behaviour(double maturity, Random random) {
        double lack = 1 - maturity;
        double machine = 0.7 + 0.6 * random.nextDouble();
        return new MachineDay.Behaviour((0.02 + 0.12 * lack) * machine, Math.round((20 + 70 * lack) * 60_000),
                (0.5 + 3 * lack) * machine, Math.round((1.5 + 3 * lack) * 60_000),
                (0.003 + 0.05 * Math.pow(lack, 1.5)) * machine, 0.3,
                1 + 0.25 * lack * (0.5 + random.nextDouble()), Math.round((5 + 60 * lack) * machine * 60_000),
                Math.round((2 + 2 * random.nextDouble()) * 3_600_000), 0.01 + 0.08 * lack);
    }

    /** Eight-hour shifts with a half-hour break, 2 (from 08:00) or 3 (from 00:00), and fixed-date public holidays. */
    private static CalendarRequest calendar(String code, DemoPilots.Industry industry, LocalDate today) {
        List<ShiftRequest> shifts = new ArrayList<>();
        String[][] pattern = industry.shifts() == 3
                ? new String[][]{{"夜班 night", "00:00", "08:00", "04:00"}, {"早班 early", "08:00", "16:00", "12:00"},
                {"中班 late", "16:00", "00:00", "20:00"}}
                : new String[][]{{"早班 early", "08:00", "16:00", "12:00"}, {"中班 late", "16:00", "00:00", "20:00"}};
        for (int weekday = 1; weekday <= industry.lastWeekday(); weekday++) {
            for (String[] s : pattern) {
                LocalTime pause = LocalTime.parse(s[3]);
                shifts.add(new ShiftRequest(weekday, s[0], LocalTime.parse(s[1]), LocalTime.parse(s[2]),
                        List.of(new BreakRequest(pause, pause.plusMinutes(30)))));
            }
        }
        List<HolidayRequest> holidays = new ArrayList<>();
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            holidays.add(new HolidayRequest(LocalDate.of(year, 1, 1), "元旦 New Year's Day"));
            holidays.add(new HolidayRequest(LocalDate.of(year, 5, 1), "劳动节 Labour Day"));
            for (int day = 1; day <= 3; day++) {
                holidays.add(new HolidayRequest(LocalDate.of(year, 10, day), "国庆节 National Day"));
            }
        }
        String name = industry.shifts() == 3 ? "三班制 Three shifts" : "两班制 Two shifts";
        return new CalendarRequest(code, name + " (1-" + industry.lastWeekday() + ")", null, shifts, holidays, null);
    }

    /** Puts the pilot into the pilot cohort of its year (created when missing), beside those already in it. */
    private void joinCohort(DemoPilots.Pilot pilot) {
        TenantContext.runAs(TenantContext.NO_TENANT, () -> {
            Cohort existing = Cohort.find("year = ?1 and type = ?2", pilot.cohort(), CohortType.PILOT).firstResult();
            if (existing == null) {
                cohorts.saveCohort(null, new CohortRequest(pilot.cohort(), pilot.cohort() + "年度智能制造试点企业",
                        pilot.cohort() + " pilot enterprises", CohortType.PILOT, List.of(pilot.code()), null));
                return;
            }
            CohortView view = cohorts.getCohort(existing.id);
            if (view.enterprises().contains(pilot.code())) {
                return;
            }
            Set<String> members = new LinkedHashSet<>(view.enterprises());
            members.add(pilot.code());
            cohorts.saveCohort(view.id(), new CohortRequest(view.year(), view.nameZh(), view.nameEn(), view.type(),
                    List.copyOf(members), view.version()));
        });
    }
}
