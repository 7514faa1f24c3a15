package org.pilotline.plc.benchmark;

import org.pilotline.plc.security.ApplicationCertificate;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatorSettings;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The benchmark's PLCs, in a JVM of their own so that the gateway's CPU share is measured without them: {@code
 * servers} simulator servers on consecutive ports, each with {@code machinesPerServer} machines named B0, B1, ... and
 * user names u0..u{connectionsPerServer-1} (password "p"). Writes every server's certificate (DER) into the given
 * folder for the gateway to trust, prints "ready", and stops when standard input closes.
 *
 * <pre>args: servers basePort machinesPerServer connectionsPerServer cycleMs certificateFolder</pre>
 */
public final class SimulatorFarm {

    public static void main(String[] args) throws Exception {
        int servers = Integer.parseInt(args[0]);
        int basePort = Integer.parseInt(args[1]);
        int machinesPerServer = Integer.parseInt(args[2]);
        int connectionsPerServer = Integer.parseInt(args[3]);
        long cycleMs = Long.parseLong(args[4]);
        Path certificates = Path.of(args[5]);
        Files.createDirectories(certificates);
        List<PlcSimulator> simulators = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            List<String> names = IntStream.range(0, machinesPerServer).mapToObj(i -> "B" + i).toList();
            Map<String, String> users = new HashMap<>();
            for (int c = 0; c < connectionsPerServer; c++) {
                users.put("u" + c, "p");
            }
            ScenarioSettings scenario = new ScenarioSettings(s + 1, cycleMs, 0.05, 3_000, 0.005, 30_000, 200, 60_000,
                    0.02, 4_294_967_296L);
            ApplicationCertificate certificate = ApplicationCertificate.selfSigned("urn:pilotline:plc-simulator:"
                    + (basePort + s), "Benchmark PLC " + s, ApplicationCertificate.hostNames(), Period.ofYears(1), null);
            Files.write(certificates.resolve("simulator-" + s + ".der"), certificate.certificate().getEncoded());
            simulators.add(new PlcSimulator(new SimulatorSettings("127.0.0.1", "localhost", basePort + s, "/pilotline",
                    names, scenario, 100, users, certificate)).start());
        }
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        simulators.forEach(PlcSimulator::close);
        System.exit(0);
    }
}
