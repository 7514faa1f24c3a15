package org.pilotline.erp.scheduling.benchmark;

import org.pilotline.erp.scheduling.solver.Reproducibility;
import org.pilotline.erp.scheduling.solver.cpsat.CpSatPhase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code bin/scheduling-benchmark --format jssp|fjsp --instance FILE --time-limit SECONDS --threads N --out FILE.json}
 * [{@code --seed S}] [{@code --mode reproducible|fastest}]: solves one instance for makespan, verifies the schedule,
 * prints the makespan and the solve time, and writes the result JSON.
 *
 * <p>{@code --format generated --operations 5000 --machines 50 --seed S} generates a seeded flexible job shop instead
 * (and writes it in the Brandimarte format beside the JSON, so it can be checked like any other instance).
 */
public final class SchedulingBenchmark {

    private SchedulingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Arguments arguments = new Arguments(args);
        String format = arguments.required("format");
        double timeLimit = Double.parseDouble(arguments.required("time-limit"));
        int threads = Integer.parseInt(arguments.optional("threads", "2"));
        long seed = Long.parseLong(arguments.optional("seed", "0"));
        Reproducibility mode = Reproducibility.valueOf(arguments.optional("mode", "fastest").toUpperCase(Locale.ROOT));
        Path out = Path.of(arguments.required("out"));
        BenchmarkInstance instance;
        OptionalLong bestKnown = OptionalLong.empty();
        if (format.equals("generated")) {
            instance = GeneratedInstances.flexibleJobShop(Integer.parseInt(arguments.optional("operations", "5000")),
                    Integer.parseInt(arguments.optional("machines", "50")), seed);
            Path instanceFile = out.resolveSibling(instance.name() + ".fjs");
            Files.writeString(instanceFile, GeneratedInstances.toBrandimarteText(instance));
            System.out.println("generated " + instance.operationCount() + " operations on " + instance.machineCount()
                    + " machines: " + instanceFile);
        } else {
            Path file = Path.of(arguments.required("instance"));
            instance = InstanceReader.read(format, file);
            bestKnown = BestKnown.besideInstance(file).of(instance.name());
        }
        // Unpacking OR-Tools' native library takes a moment; it is start-up, not solving.
        CpSatPhase.loadNativeLibraries();
        BenchmarkResult result = BenchmarkRunner.run(instance, BenchmarkRunner.settings(timeLimit, threads, seed, mode),
                bestKnown);
        BenchmarkRunner.writeJson(result, out);
        System.out.println(BenchmarkRunner.summary(result));
    }
}
