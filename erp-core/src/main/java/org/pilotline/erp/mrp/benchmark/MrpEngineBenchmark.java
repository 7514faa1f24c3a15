package org.pilotline.erp.mrp.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.pilotline.erp.mrp.engine.MrpEngine;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.model.PlanningParameters;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.generator.PlantGenerator;
import org.pilotline.erp.mrp.generator.PlantProfile;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The in-memory MRP benchmark: generates a synthetic plant, compiles it, runs the regenerative plan several times
 * and net-change re-plans of random sales order lines, checks one net change against a regenerative run of the
 * changed model, and prints one JSON object as its last line. Progress goes to standard error.
 *
 * <pre>
 *   --items 100000 --levels 10 --bom-lines 300000 --demand-lines 50000 --weeks 52   (the defaults: the target)
 *   --seed 42 --runs 5 --net-changes 11 --threads N (default: available processors)
 * </pre>
 */
public final class MrpEngineBenchmark {

    private static final AtomicLong PEAK_HEAP = new AtomicLong();

    private MrpEngineBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkOptions options = new BenchmarkOptions(args);
        PlantProfile profile = options.profile();
        int runs = options.integer("runs", 5);
        int netChanges = options.integer("net-changes", 11);
        int threads = options.integer("threads", Runtime.getRuntime().availableProcessors());
        watchHeap();

        long t0 = System.nanoTime();
        PlanningInput input = PlantGenerator.generate(profile);
        double generateSeconds = seconds(t0);
        log("generated %d items, %d sales order lines in %.2f s", input.items().size(),
                input.salesOrderLines().size(), generateSeconds);

        t0 = System.nanoTime();
        PlanningModel model = PlanningModel.compile(input);
        double compileSeconds = seconds(t0);
        log("compiled: %d BOM lines, %d low-level codes in %.2f s", model.bomLineCount(), model.levels(),
                compileSeconds);

        MrpEngine engine = new MrpEngine(PlanningParameters.defaults().withThreads(threads));
        double[] planTimes = new double[runs];
        double[] planCpu = new double[runs];
        MrpPlan plan = null;
        for (int r = 0; r < runs; r++) {
            long c0 = processCpuNanos();
            t0 = System.nanoTime();
            plan = engine.plan(model);
            planTimes[r] = seconds(t0);
            planCpu[r] = (processCpuNanos() - c0) / 1e9;
            log("regenerative run %d: %.3f s (%.3f s CPU of all threads), %d planned orders", r + 1, planTimes[r],
                    planCpu[r], plan.plannedOrderCount());
        }

        SplittableRandom random = new SplittableRandom(profile.seed() + 1);
        List<SalesOrderLine> lines = model.salesOrderLines();
        double[] netTimes = new double[netChanges];
        double[] replanTimes = new double[netChanges];
        double[] netCpu = new double[netChanges];
        long replannedItems = 0;
        MrpPlan changedPlan = null;
        PlanningModel changedModel = null;
        for (int k = 0; k < netChanges; k++) {
            SalesOrderLine line = lines.get(random.nextInt(lines.size()));
            SalesOrderLine changed = line.withQuantity(line.quantity().add(BigDecimal.valueOf(1 + random.nextInt(50))));
            long c0 = processCpuNanos();
            t0 = System.nanoTime();
            changedModel = model.withSalesOrderLine(changed);
            long t1 = System.nanoTime();
            changedPlan = engine.replanSalesOrderLine(plan, changedModel, changed.reference());
            netTimes[k] = (System.nanoTime() - t0) / 1e6;
            replanTimes[k] = (System.nanoTime() - t1) / 1e6;
            netCpu[k] = (processCpuNanos() - c0) / 1e6;
            replannedItems += changedPlan.replannedItems();
            log("net change %d (%s %s → %s): %.1f ms, %d items re-planned", k + 1, line.reference(),
                    line.quantity(), changed.quantity(), netTimes[k], changedPlan.replannedItems());
        }
        boolean equal = true;
        if (netChanges > 0) {
            MrpPlan regenerated = engine.plan(changedModel);
            List<String> differing = changedPlan.itemsDifferingFrom(regenerated);
            equal = differing.isEmpty();
            log("last net change equals a regenerative run of the changed model: %s", equal ? "yes" : differing);
        }

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        PEAK_HEAP.accumulateAndGet(heap.getUsed(), Math::max);
        // what stays: the generated records, the compiled model, the base plan and the last net-change plan
        System.gc();
        long liveMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        java.lang.ref.Reference.reachabilityFence(input);
        java.lang.ref.Reference.reachabilityFence(changedPlan);
        log("live heap after a full collection, with the input records, the model and two plans: %d MB", liveMb);
        long[] exceptions = plan.exceptionCountsByKind();
        System.out.printf(Locale.ROOT, "{\"items\": %d, \"levels\": %d, \"bomLines\": %d, \"demandLines\": %d, "
                        + "\"weeks\": %d, \"plannedOrders\": %d, \"dependentAndIndependentDemands\": %d, "
                        + "\"pegs\": %d, \"exceptions\": %d, \"exceptionsByKind\": %s, \"threads\": %d, "
                        + "\"generateSeconds\": %.3f, \"compileSeconds\": %.3f, "
                        + "\"planSecondsFirst\": %.3f, \"planSeconds\": %.3f, \"planCpuSeconds\": %.3f, "
                        + "\"planRuns\": %d, \"netChangeMillis\": %.1f, \"netChangeReplanOnlyMillis\": %.1f, "
                        + "\"netChangeCpuMillis\": %.1f, "
                        + "\"netChangeMaxMillis\": %.1f, \"netChangeAvgItemsReplanned\": %d, "
                        + "\"netChangeEqualsRegenerative\": %s, \"peakHeapMb\": %d, \"liveHeapMb\": %d, "
                        + "\"maxHeapMb\": %d}%n",
                model.itemCount(), model.levels(), model.bomLineCount(), model.salesOrderLines().size(), profile.weeks(),
                plan.plannedOrderCount(), plan.demandElementCount(), plan.pegCount(), plan.exceptionCount(),
                Arrays.toString(exceptions), threads, generateSeconds, compileSeconds, planTimes[0],
                BenchmarkOptions.median(planTimes), BenchmarkOptions.median(planCpu), runs,
                BenchmarkOptions.median(netTimes), BenchmarkOptions.median(replanTimes), BenchmarkOptions.median(netCpu),
                Arrays.stream(netTimes).max().orElse(0), netChanges == 0 ? 0 : replannedItems / netChanges, equal,
                PEAK_HEAP.get() >> 20, liveMb, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The heap in use just before each collection is the peak since the last one. */
    private static void watchHeap() {
        List<String> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) {
                        used += e.getValue().getUsed();
                    }
                }
                PEAK_HEAP.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    /** CPU time of the whole process (all threads, the collector's too). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
