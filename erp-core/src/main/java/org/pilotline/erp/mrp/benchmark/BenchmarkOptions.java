package org.pilotline.erp.mrp.benchmark;

import org.pilotline.erp.mrp.generator.PlantProfile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The command-line options and figures the MRP benchmarks share ({@code --name value}; the plant's size). */
public final class BenchmarkOptions {

    private final Map<String, String> options = new HashMap<>();

    public BenchmarkOptions(String[] args) {
        for (int k = 0; k < args.length; k++) {
            if (!args[k].startsWith("--") || k + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value; got " + args[k]);
            }
            options.put(args[k].substring(2), args[++k]);
        }
    }

    public int integer(String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name).replace("_", "")) : fallback;
    }

    public String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * The plant: the target of issue 4 ({@code --seed}, default 42), or scaled to {@code --items}/{@code --levels},
     * with {@code --bom-lines}, {@code --demand-lines}, {@code --weeks} overriding.
     */
    public PlantProfile profile() {
        PlantProfile target = PlantProfile.target(Long.parseLong(text("seed", "42")));
        int items = integer("items", target.items());
        int levels = integer("levels", target.levels());
        PlantProfile profile = items == target.items() ? target : target.scaledTo(items, levels);
        return profile.withSize(items, levels, integer("bom-lines", profile.bomLines()),
                integer("demand-lines", profile.demandLines()), integer("weeks", target.weeks()));
    }

    public static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
