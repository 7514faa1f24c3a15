package org.pilotline.erp.scheduling.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.pilotline.erp.scheduling.solver.FiniteCapacityScheduler;
import org.pilotline.erp.scheduling.solver.Objective;
import org.pilotline.erp.scheduling.solver.Reproducibility;
import org.pilotline.erp.scheduling.solver.SolveResult;
import org.pilotline.erp.scheduling.solver.SolverSettings;
import org.pilotline.erp.scheduling.solver.cpsat.CpSatPhase;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleVerifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Runs whole benchmark families in one JVM, writes each instance's JSON like {@link SchedulingBenchmark}, and prints a
 * table with the mean gap of each family against its target.
 *
 * <pre>
 * bin/scheduling-benchmark-suite [--family ft10|la|abz-orb|mk|first-schedule|all] [--instances la21,la24]
 *     [--time-limit S (default: the family's)] [--threads 2] [--seed 0] [--mode fastest|reproducible]
 *     [--data erp-core/src/test/resources/scheduling/instances] [--out-dir target/scheduling-benchmark]
 * </pre>
 */
public final class SchedulingBenchmarkSuite {

    /** A family of instances, its format, its time limit per instance and its target mean gap in percent. */
    record Family(String name, String format, List<String> instances, double seconds, double targetGapPercent) {
    }

    static final List<Family> FAMILIES = List.of(
            new Family("ft10", "jssp", List.of("ft10"), 10, 0),
            new Family("la", "jssp", IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("la%02d", i)).toList(),
                    10, 0.5),
            new Family("abz-orb", "jssp", concat(IntStream.rangeClosed(5, 9).mapToObj(i -> "abz" + i).toList(),
                    IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("orb%02d", i)).toList()), 30, 1.0),
            new Family("mk", "fjsp", IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("mk%02d", i)).toList(),
                    60, 3.0));

    /** The public instances committed with their licence, relative to the repository root (where bin/ runs it). */
    static final String DEFAULT_DATA = "erp-core/src/test/resources/scheduling/instances";

    private SchedulingBenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Arguments arguments = new Arguments(args);
        String familyName = arguments.optional("family", "all");
        int threads = Integer.parseInt(arguments.optional("threads", "2"));
        long seed = Long.parseLong(arguments.optional("seed", "0"));
        Reproducibility mode = Reproducibility.valueOf(arguments.optional("mode", "fastest").toUpperCase(Locale.ROOT));
        Path data = Path.of(arguments.optional("data", DEFAULT_DATA));
        Path outDir = Path.of(arguments.optional("out-dir", "target/scheduling-benchmark"));
        List<String> only = arguments.has("instances") ? List.of(arguments.required("instances").split(",")) : null;
        CpSatPhase.loadNativeLibraries();
        System.out.printf("machine: %d cores, load average at start %s; mode %s, %d threads, seed %d%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), mode, threads, seed);
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Family family : FAMILIES) {
            if (!familyName.equals("all") && !familyName.equals(family.name())) {
                continue;
            }
            double seconds = Double.parseDouble(arguments.optional("time-limit", String.valueOf(family.seconds())));
            List<BenchmarkResult> results = new ArrayList<>();
            System.out.printf("%n| instance | best known | makespan | gap %% | time s | first schedule s | status | load |%n");
            System.out.printf("|---|---|---|---|---|---|---|---|%n");
            for (String name : family.instances()) {
                if (only != null && !only.contains(name)) {
                    continue;
                }
                Path file = data.resolve(family.format()).resolve(name + ".txt");
                BenchmarkInstance instance = InstanceReader.read(family.format(), file);
                BenchmarkResult result = BenchmarkRunner.run(instance,
                        BenchmarkRunner.settings(seconds, threads, seed, mode),
                        BestKnown.besideInstance(file).of(name));
                BenchmarkRunner.writeJson(result, outDir.resolve(name + ".json"));
                results.add(result);
                System.out.printf("| %s | %d | %d | %.2f | %.1f | %.3f | %s | %s |%n", name,
                        result.bestKnown().orElse(-1), result.makespan(), result.gapPercent(), result.solveSeconds(),
                        result.firstScheduleSeconds(), result.status(), loadAverage());
            }
            if (!results.isEmpty()) {
                double meanGap = results.stream().mapToDouble(BenchmarkResult::gapPercent).average().orElse(0);
                System.out.printf("%s: %d instances at %.0f s, mean gap %.2f %% (target %.1f %%), %d at best known%n",
                        family.name(), results.size(), seconds, meanGap, family.targetGapPercent(),
                        results.stream().filter(result -> result.gapPercent() == 0).count());
                summary.put(family.name(), Map.of("instances", results.size(), "seconds", seconds,
                        "meanGapPercent", Math.round(meanGap * 1000) / 1000.0));
            }
        }
        if (familyName.equals("all") || familyName.equals("first-schedule")) {
            summary.put("firstSchedule", firstSchedule(seed, threads, mode));
        }
        Files.createDirectories(outDir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(outDir.resolve("summary.json").toFile(), summary);
        System.out.println(new ObjectMapper().writeValueAsString(summary));
    }

    /** Seconds to the first feasible schedule of 5,000 operations on 50 machines: plain and shop-floor-like. */
    private static Map<String, Object> firstSchedule(long seed, int threads, Reproducibility mode) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        SchedulingProblem plain = GeneratedInstances.flexibleJobShop(5000, 50, seed).toProblem();
        SchedulingProblem shopFloor = GeneratedInstances.shopFloor(5000, 50, seed);
        for (Map.Entry<String, SchedulingProblem> entry : Map.of("flexibleJobShop", plain, "shopFloor", shopFloor)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            SolverSettings settings = new SolverSettings(entry.getKey().equals("shopFloor")
                    ? Objective.WEIGHTED_TARDINESS : Objective.MAKESPAN, Duration.ofSeconds(2), seed, threads, mode);
            SolveResult result = new FiniteCapacityScheduler().solve(entry.getValue(), settings);
            boolean valid = result.schedule() != null
                    && ScheduleVerifier.verify(entry.getValue(), result.schedule()).isEmpty();
            double first = result.firstScheduleAfter().toNanos() / 1e9;
            double total = result.elapsed().toNanos() / 1e9;
            System.out.printf("first schedule, %s (%d operations, %d machines): %.3f s, verified %s; whole solve with"
                            + " a 2 s limit: %.2f s, %s, makespan %d, weighted tardiness %d%s%n", entry.getKey(),
                    entry.getValue().operationCount(), entry.getValue().machines().size(), first, valid, total,
                    result.status(), result.metrics().makespan(), result.metrics().totalWeightedTardiness(),
                    result.constraintSolverSkipped() ? " (CP-SAT skipped: model too large for the limit)" : "");
            figures.put(entry.getKey(), Map.of("firstScheduleSeconds", Math.round(first * 1000) / 1000.0,
                    "verified", valid, "solveSeconds", Math.round(total * 100) / 100.0,
                    "makespan", result.metrics().makespan()));
        }
        return figures;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
