package org.pilotline.app.bootstrap;

import org.pilotline.plc.simulator.ScenarioSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * One machine's day of raw history, made by stepping the PLC simulator's machine model ({@code SimulatedMachine}
 * in plc-gateway: parts one cycle after another, each cycle varying by ±50 %, and after each part a micro-stop
 * (NotExecuting) or a breakdown (OutOfService) by chance; a share of the parts rejected) in simulated time, with the
 * scenario's parameters ({@link ScenarioSettings}) — and, as the shop floor adds to it, work orders: the machine
 * works only in the calendar's working windows, sets up for each order (operation mode Setup), makes the order's
 * quantity and reports it every hour and at the finish; a rejected part is scrap or, for a share, rework. The
 * simulator's own stepping lives in a package-private class of plc-gateway and writes OPC UA nodes, so its rules are
 * followed here step by step rather than called. Plain Java: deterministic for a seed.
 */
final class MachineDay {

    /** A machine state from {@code start} to {@code end} (epoch millis). */
    record Interval(String state, String mode, long start, long end) {
    }

    /** A report of the order: kind (a ReportKind name), when, and the quantities since the last one. */
    record Report(String kind, long at, long good, long scrap, long rework) {
    }

    /** An order the machine worked: its product, quantity planned, reports, and when it started and ended. */
    record Order(int product, long plannedUnits, long start, long end, long plannedEnd, List<Report> reports) {
        long good() {
            return reports.stream().mapToLong(Report::good).sum();
        }

        long scrap() {
            return reports.stream().mapToLong(Report::scrap).sum();
        }

        long rework() {
            return reports.stream().mapToLong(Report::rework).sum();
        }
    }

    /** A span in which the gateway could not observe the machine. */
    record DataLoss(long from, long to) {
    }

    /** A working window of the calendar (a shift without its break). */
    record Window(long start, long end) {
    }

    /** How the product behaves on this machine: cycle (as the routing plans it), units a cycle makes, setup. */
    record Product(long plannedCycleMs, int unitsPerCycle, long setupMs) {
    }

    /**
     * The enterprise's (and this machine's) behaviour beyond a {@link ScenarioSettings}: breakdowns and micro-stops
     * per running hour (turned into the simulator's chance per part for each product's cycle), the actual cycle's
     * slowness against the routing, the mean idle time between orders, the mean order length, the share of rejects
     * reworked and the chance of a data-loss span in a day.
     */
    record Behaviour(double breakdownsPerHour, long breakdownMs, double microStopsPerHour, long microStopMs,
                     double scrapRate, double reworkShare, double slowness, long idleMs, long orderMs,
                     double dataLossPerDay) {

        ScenarioSettings scenario(long seed, Product product) {
            long cycle = Math.round(product.plannedCycleMs() * slowness);
            double hours = cycle / 3_600_000.0;
            return new ScenarioSettings(seed, cycle, Math.min(0.5, microStopsPerHour * hours), microStopMs,
                    Math.min(0.3, breakdownsPerHour * hours), breakdownMs, 0, product.setupMs(), scrapRate,
                    4_294_967_296L);
        }
    }

    record Result(List<Interval> intervals, List<Order> orders, List<DataLoss> losses) {
    }

    private enum Phase { IDLE, SETUP, PRODUCING, MICRO_STOP, BREAKDOWN }

    private final Random random;
    private final Behaviour behaviour;
    private final List<Interval> intervals = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private String state;
    private String mode;
    private long since;

    private MachineDay(long seed, Behaviour behaviour) {
        this.random = new Random(seed);
        this.behaviour = behaviour;
    }

    /**
     * The machine's history over [{@code dayStart}, {@code dayEnd}): off outside the windows, working orders of the
     * products ({@code product} by index, {@code products} of them) inside. An order still open at the day's last
     * window end is finished there.
     */
    static Result simulate(long seed, Behaviour behaviour, List<Window> windows, long dayStart, long dayEnd,
                           int products, IntFunction<Product> product) {
        return new MachineDay(seed, behaviour).run(windows, dayStart, dayEnd, products, product);
    }

    private Result run(List<Window> windows, long dayStart, long dayEnd, int products, IntFunction<Product> productOf) {
        set("NOT_AVAILABLE", "NONE", dayStart);
        Phase phase = Phase.IDLE;
        ScenarioSettings scenario = null;
        OrderUnderWay order = null;
        long next = 0;
        for (int w = 0; w < windows.size(); w++) {
            Window window = windows.get(w);
            boolean last = w == windows.size() - 1;
            long t = window.start();
            if (order != null) {
                next = t + remainingAfterPause;
                resumeState(phase, t);
            } else {
                set("NOT_EXECUTING", "NONE", t);
                phase = Phase.IDLE;
                next = t + vary(behaviour.idleMs());
            }
            while (true) {
                if (next >= window.end()) {
                    remainingAfterPause = next - window.end();
                    t = window.end();
                    break;
                }
                t = next;
                switch (phase) {
                    case IDLE -> {
                        if (last && window.end() - t < behaviour.orderMs() / 4) {
                            next = window.end();
                            continue;
                        }
                        int index = random.nextInt(products);
                        Product product = productOf.apply(index);
                        scenario = behaviour.scenario(random.nextLong(), product);
                        long cycles = Math.max(1, vary(behaviour.orderMs()) / scenario.cycleTimeMs());
                        long plannedMs = product.setupMs() + cycles * product.plannedCycleMs();
                        order = new OrderUnderWay(index, cycles * product.unitsPerCycle(), product.unitsPerCycle(), t,
                                t + Math.round(plannedMs * 1.25), cycles);
                        order.reports.add(new Report("SETUP_START", t, 0, 0, 0));
                        set("NOT_EXECUTING", "SETUP", t);
                        phase = Phase.SETUP;
                        next = t + vary(scenario.setupMs());
                    }
                    case SETUP -> {
                        order.reports.add(new Report("SETUP_END", t, 0, 0, 0));
                        order.reports.add(new Report("START", t, 0, 0, 0));
                        set("EXECUTING", "PROCESSING", t);
                        phase = Phase.PRODUCING;
                        next = t + vary(scenario.cycleTimeMs());
                    }
                    case MICRO_STOP, BREAKDOWN -> {
                        set("EXECUTING", "PROCESSING", t);
                        phase = Phase.PRODUCING;
                        next = t + vary(scenario.cycleTimeMs());
                    }
                    case PRODUCING -> {
                        order.finishCycle(t, random.nextDouble() < scenario.scrapRate(),
                                random.nextDouble() < behaviour.reworkShare());
                        if (order.cyclesDone >= order.cyclesPlanned) {
                            orders.add(order.finish(t));
                            order = null;
                            set("NOT_EXECUTING", "NONE", t);
                            phase = Phase.IDLE;
                            next = t + vary(behaviour.idleMs());
                            continue;
                        }
                        double dice = random.nextDouble();
                        if (dice < scenario.breakdownProbability()) {
                            phase = Phase.BREAKDOWN;
                            set("OUT_OF_SERVICE", "PROCESSING", t);
                            next = t + vary(scenario.breakdownMs());
                        } else if (dice < scenario.breakdownProbability() + scenario.microStopProbability()) {
                            phase = Phase.MICRO_STOP;
                            set("NOT_EXECUTING", "PROCESSING", t);
                            next = t + vary(scenario.microStopMs());
                        } else {
                            next = t + vary(scenario.cycleTimeMs());
                        }
                    }
                }
            }
            if (order != null && last) {
                orders.add(order.finish(t));
                order = null;
            }
            set("NOT_AVAILABLE", "NONE", t);
        }
        if (since < dayEnd) {
            intervals.add(new Interval(state, mode, since, dayEnd));
        }
        return new Result(intervals, orders, losses(windows));
    }

    private long remainingAfterPause;

    /** After a break the machine comes back as it was: set up, producing, stopped or broken down. */
    private void resumeState(Phase phase, long t) {
        switch (phase) {
            case SETUP -> set("NOT_EXECUTING", "SETUP", t);
            case PRODUCING -> set("EXECUTING", "PROCESSING", t);
            case MICRO_STOP -> set("NOT_EXECUTING", "PROCESSING", t);
            case BREAKDOWN -> set("OUT_OF_SERVICE", "PROCESSING", t);
            case IDLE -> set("NOT_EXECUTING", "NONE", t);
        }
    }

    /** Occasionally the gateway lost the machine for a while in a working window. */
    private List<DataLoss> losses(List<Window> windows) {
        List<DataLoss> losses = new ArrayList<>();
        if (!windows.isEmpty() && random.nextDouble() < behaviour.dataLossPerDay()) {
            Window w = windows.get(random.nextInt(windows.size()));
            long length = Math.min(vary(45 * 60_000L), w.end() - w.start());
            long from = w.start() + (long) (random.nextDouble() * (w.end() - w.start() - length));
            losses.add(new DataLoss(from, from + length));
        }
        return losses;
    }

    private void set(String newState, String newMode, long at) {
        if (state != null) {
            if (newState.equals(state) && newMode.equals(mode)) {
                return;
            }
            if (at > since) {
                intervals.add(new Interval(state, mode, since, at));
            }
        }
        state = newState;
        mode = newMode;
        since = at;
    }

    /** The simulator's variation: a mean varied by ±50 %. */
    private long vary(long mean) {
        return Math.max(1, Math.round(mean * (0.5 + random.nextDouble())));
    }

    /** An order being worked: its counts since the last report, reported every hour. */
    private static final class OrderUnderWay {
        final int product;
        final long plannedUnits;
        final int unitsPerCycle;
        final long start;
        final long plannedEnd;
        final long cyclesPlanned;
        final List<Report> reports = new ArrayList<>();
        long cyclesDone;
        long good;
        long scrap;
        long rework;
        long lastCycleAt = -1;

        OrderUnderWay(int product, long plannedUnits, int unitsPerCycle, long start, long plannedEnd,
                      long cyclesPlanned) {
            this.product = product;
            this.plannedUnits = plannedUnits;
            this.unitsPerCycle = unitsPerCycle;
            this.start = start;
            this.plannedEnd = plannedEnd;
            this.cyclesPlanned = cyclesPlanned;
        }

        void finishCycle(long at, boolean rejected, boolean reworked) {
            if (lastCycleAt >= 0 && at / 3_600_000 != lastCycleAt / 3_600_000 && good + scrap + rework > 0) {
                reports.add(new Report("QUANTITY", lastCycleAt, good, scrap, rework));
                good = scrap = rework = 0;
            }
            cyclesDone++;
            if (!rejected) {
                good += unitsPerCycle;
            } else if (reworked) {
                rework += unitsPerCycle;
            } else {
                scrap += unitsPerCycle;
            }
            lastCycleAt = at;
        }

        Order finish(long at) {
            reports.add(new Report("FINISH", at, good, scrap, rework));
            return new Order(product, plannedUnits, start, at, plannedEnd, List.copyOf(reports));
        }
    }
}
