package org.pilotline.plc.simulator;

import org.pilotline.plc.security.ApplicationCertificate;

import java.util.List;
import java.util.Map;

/**
 * One simulated OPC UA server.
 *
 * @param bindAddress  where it listens (127.0.0.1 keeps it on this machine)
 * @param hostname     the host name in its endpoint URLs
 * @param port         fixed: the endpoint URL carries it
 * @param path         endpoint path, e.g. /pilotline
 * @param machines     the machines' names (node-id prefixes)
 * @param scenario     what they do
 * @param tickMs       how often simulated time advances
 * @param users        user name → password accepted besides anonymous and certificate identities
 * @param certificate  the server's application certificate; null generates one for localhost
 */
public record SimulatorSettings(String bindAddress, String hostname, int port, String path, List<String> machines,
                                ScenarioSettings scenario, long tickMs, Map<String, String> users,
                                ApplicationCertificate certificate) {

    public static SimulatorSettings local(int port, List<String> machines, ScenarioSettings scenario) {
        return new SimulatorSettings("127.0.0.1", "localhost", port, "/pilotline", machines, scenario, 50,
                Map.of("operator", "operator-password"), null);
    }

    public SimulatorSettings withCertificate(ApplicationCertificate cert) {
        return new SimulatorSettings(bindAddress, hostname, port, path, machines, scenario, tickMs, users, cert);
    }

    public SimulatorSettings withTick(long ms) {
        return new SimulatorSettings(bindAddress, hostname, port, path, machines, scenario, ms, users, certificate);
    }

    public String endpointUrl() {
        return "opc.tcp://" + hostname + ":" + port + path;
    }
}
