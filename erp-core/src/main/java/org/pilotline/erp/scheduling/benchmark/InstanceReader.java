package org.pilotline.erp.scheduling.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the two benchmark formats of the public instances in {@code erp-core/src/test/resources/scheduling/instances}
 * (see the README there).
 * <ul>
 *   <li>{@code jssp} (OR-Library): first line {@code jobs machines}; then per job {@code machine duration} pairs in
 *       processing order; machines numbered from 0.</li>
 *   <li>{@code fjsp} (Brandimarte): first line {@code jobs machines [average machines per operation]}; then per job the
 *       number of operations and, for each, {@code k} followed by {@code k} pairs {@code machine duration}; machines
 *       numbered from 1.</li>
 * </ul>
 */
public final class InstanceReader {

    private InstanceReader() {
    }

    public static BenchmarkInstance read(String format, Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        String[] header = lines.get(0).trim().split("\\s+");
        int jobs = Integer.parseInt(header[0]);
        int machines = Integer.parseInt(header[1]);
        Tokens tokens = new Tokens(String.join(" ", lines.subList(1, lines.size())));
        return switch (format) {
            case "jssp" -> jobShop(name, jobs, machines, tokens);
            case "fjsp" -> flexibleJobShop(name, jobs, machines, tokens);
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (jssp or fjsp)");
        };
    }

    private static BenchmarkInstance jobShop(String name, int jobs, int machines, Tokens tokens) {
        List<List<List<BenchmarkInstance.Alternative>>> all = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            List<List<BenchmarkInstance.Alternative>> job = new ArrayList<>();
            for (int k = 0; k < machines; k++) {
                int machine = tokens.next();
                job.add(List.of(new BenchmarkInstance.Alternative(machine, tokens.next())));
            }
            all.add(job);
        }
        return new BenchmarkInstance(name, machines, 0, all);
    }

    private static BenchmarkInstance flexibleJobShop(String name, int jobs, int machines, Tokens tokens) {
        List<List<List<BenchmarkInstance.Alternative>>> all = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            int operations = tokens.next();
            List<List<BenchmarkInstance.Alternative>> job = new ArrayList<>();
            for (int k = 0; k < operations; k++) {
                int alternatives = tokens.next();
                List<BenchmarkInstance.Alternative> operation = new ArrayList<>();
                for (int a = 0; a < alternatives; a++) {
                    int machine = tokens.next();
                    operation.add(new BenchmarkInstance.Alternative(machine, tokens.next()));
                }
                job.add(operation);
            }
            all.add(job);
        }
        return new BenchmarkInstance(name, machines, 1, all);
    }

    /** The integers of the file after its header, in order. */
    private static final class Tokens {
        private final int[] values;
        private int position;

        Tokens(String text) {
            String trimmed = text.trim();
            values = trimmed.isEmpty() ? new int[0]
                    : Arrays.stream(trimmed.split("\\s+")).mapToInt(Integer::parseInt).toArray();
        }

        int next() {
            if (position >= values.length) {
                throw new IllegalArgumentException("the instance file ends early");
            }
            return values[position++];
        }
    }
}
