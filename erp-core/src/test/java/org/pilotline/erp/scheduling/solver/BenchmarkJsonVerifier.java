package org.pilotline.erp.scheduling.solver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a benchmark result JSON against its instance file without using any of the solver's code: its own reading of
 * the OR-Library and Brandimarte formats, and every rule recomputed from the numbers in the JSON.
 */
final class BenchmarkJsonVerifier {

    private BenchmarkJsonVerifier() {
    }

    /** Every rule the JSON breaks; empty when it is a valid schedule of the instance with the makespan it claims. */
    static List<String> verify(String format, Path instanceFile, Path jsonFile) throws IOException {
        List<Map<Integer, Integer>> operations = new ArrayList<>(); // per operation: machine -> duration
        List<Integer> jobSizes = new ArrayList<>();
        readInstance(format, instanceFile, operations, jobSizes);
        JsonNode json = new ObjectMapper().readTree(jsonFile.toFile());
        List<String> errors = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(List.of("instance", "makespan", "solveSeconds", "jobs"))) {
            errors.add("keys are " + keys);
        }
        String expectedName = instanceFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        if (!expectedName.equals(json.path("instance").asText())) {
            errors.add("instance is '" + json.path("instance").asText() + "', expected '" + expectedName + "'");
        }
        if (!json.path("solveSeconds").isNumber() || json.path("solveSeconds").asDouble() < 0) {
            errors.add("solveSeconds is not a non-negative number");
        }
        JsonNode jobs = json.path("jobs");
        if (jobs.size() != jobSizes.size()) {
            errors.add(jobs.size() + " jobs instead of " + jobSizes.size());
            return errors;
        }
        Map<Integer, List<long[]>> byMachine = new HashMap<>();
        long makespan = 0;
        int operationIndex = 0;
        for (int j = 0; j < jobSizes.size(); j++) {
            JsonNode job = jobs.get(j);
            if (job.size() != jobSizes.get(j)) {
                errors.add("job " + j + " has " + job.size() + " operations instead of " + jobSizes.get(j));
                return errors;
            }
            long previousEnd = 0;
            for (int k = 0; k < job.size(); k++, operationIndex++) {
                JsonNode operation = job.get(k);
                Set<String> fields = new java.util.TreeSet<>();
                operation.fieldNames().forEachRemaining(fields::add);
                if (!fields.equals(Set.of("duration", "machine", "start"))) {
                    errors.add("job " + j + " operation " + k + " has fields " + fields);
                }
                int machine = operation.path("machine").asInt();
                long start = operation.path("start").asLong();
                long duration = operation.path("duration").asLong();
                Integer expected = operations.get(operationIndex).get(machine);
                if (expected == null) {
                    errors.add("job " + j + " operation " + k + " runs on machine " + machine + ", not eligible");
                } else if (expected != duration) {
                    errors.add("job " + j + " operation " + k + " lasts " + duration + " instead of " + expected);
                }
                if (start < previousEnd) {
                    errors.add("job " + j + " operation " + k + " starts at " + start + " before its predecessor ends at "
                            + previousEnd);
                }
                previousEnd = start + duration;
                makespan = Math.max(makespan, previousEnd);
                if (duration > 0) { // an operation that takes no time occupies no machine
                    byMachine.computeIfAbsent(machine, m -> new ArrayList<>()).add(new long[] {start, start + duration, j});
                }
            }
        }
        for (Map.Entry<Integer, List<long[]>> machine : byMachine.entrySet()) {
            List<long[]> runs = machine.getValue();
            runs.sort(Comparator.comparingLong(run -> run[0]));
            for (int i = 1; i < runs.size(); i++) {
                if (runs.get(i)[0] < runs.get(i - 1)[1]) {
                    errors.add("machine " + machine.getKey() + ": job " + runs.get(i)[2] + " overlaps job "
                            + runs.get(i - 1)[2]);
                }
            }
        }
        if (json.path("makespan").asLong() != makespan) {
            errors.add("makespan is " + json.path("makespan").asLong() + " but the schedule ends at " + makespan);
        }
        return errors;
    }

    private static void readInstance(String format, Path file, List<Map<Integer, Integer>> operations,
                                     List<Integer> jobSizes) throws IOException {
        String[] lines = Files.readString(file).trim().split("\\R", 2);
        int[] header = Arrays.stream(lines[0].trim().split("\\s+")).limit(2).mapToInt(Integer::parseInt).toArray();
        Iterator<Integer> numbers = Arrays.stream(lines[1].trim().split("\\s+")).map(Integer::valueOf).iterator();
        for (int j = 0; j < header[0]; j++) {
            int size = format.equals("jssp") ? header[1] : numbers.next();
            jobSizes.add(size);
            for (int k = 0; k < size; k++) {
                Map<Integer, Integer> eligible = new HashMap<>();
                int alternatives = format.equals("jssp") ? 1 : numbers.next();
                for (int a = 0; a < alternatives; a++) {
                    eligible.put(numbers.next(), numbers.next());
                }
                operations.add(eligible);
            }
        }
    }
}
