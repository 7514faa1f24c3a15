package org.pilotline.erp.scheduling.solver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotline.erp.scheduling.benchmark.SchedulingBenchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkCommandTest {

    @TempDir
    Path directory;

    private Path run(String format, Path instance, String seconds) throws Exception {
        Path out = directory.resolve(instance.getFileName() + ".json");
        SchedulingBenchmark.main(new String[] {"--format", format, "--instance", instance.toString(),
                "--time-limit", seconds, "--threads", "2", "--out", out.toString()});
        return out;
    }

    @Test
    void theJsonForFt06PassesTheIndependentVerifierWithTheOptimalMakespan() throws Exception {
        Path ft06 = SchedulingFixtures.instanceFile("jssp", "ft06.txt");

        Path json = run("jssp", ft06, "5");

        assertEquals(List.of(), BenchmarkJsonVerifier.verify("jssp", ft06, json));
        assertEquals(55, new ObjectMapper().readTree(json.toFile()).get("makespan").asLong());
    }

    @Test
    void theJsonForMk01WithAShortLimitPassesTheIndependentVerifier() throws Exception {
        Path mk01 = SchedulingFixtures.instanceFile("fjsp", "mk01.txt");

        Path json = run("fjsp", mk01, "1");

        assertEquals(List.of(), BenchmarkJsonVerifier.verify("fjsp", mk01, json));
        assertTrue(new ObjectMapper().readTree(json.toFile()).get("makespan").asLong() >= 40, "40 is optimal");
    }

    @Test
    void aGeneratedInstanceIsWrittenBesideItsJsonAndBothVerify() throws Exception {
        Path out = directory.resolve("generated.json");
        SchedulingBenchmark.main(new String[] {"--format", "generated", "--operations", "300", "--machines", "10",
                "--seed", "4", "--time-limit", "1", "--threads", "2", "--out", out.toString()});

        Path instance = directory.resolve("generated-300x10-s4.fjs");
        assertTrue(Files.exists(instance));
        assertEquals(List.of(), BenchmarkJsonVerifier.verify("fjsp", instance, out));
    }

    @Test
    void theVerifierCatchesAnOverlapAWrongDurationAndAFalseMakespan() throws Exception {
        Path ft06 = SchedulingFixtures.instanceFile("jssp", "ft06.txt");
        Path json = run("jssp", ft06, "5");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode tampered = (ObjectNode) mapper.readTree(json.toFile());
        ObjectNode first = (ObjectNode) tampered.get("jobs").get(0).get(0);
        ObjectNode second = (ObjectNode) tampered.get("jobs").get(1).get(0);
        second.put("start", first.get("start").asLong());
        second.put("machine", first.get("machine").asLong());
        ((ObjectNode) tampered.get("jobs").get(2).get(0)).put("duration", 1);
        tampered.put("makespan", 54);
        Path broken = directory.resolve("broken.json");
        mapper.writeValue(broken.toFile(), tampered);

        List<String> errors = BenchmarkJsonVerifier.verify("jssp", ft06, broken);

        assertTrue(errors.stream().anyMatch(error -> error.contains("overlaps")), errors::toString);
        assertTrue(errors.stream().anyMatch(error -> error.contains("lasts 1")), errors::toString);
        assertTrue(errors.stream().anyMatch(error -> error.contains("makespan is 54")), errors::toString);
    }
}
