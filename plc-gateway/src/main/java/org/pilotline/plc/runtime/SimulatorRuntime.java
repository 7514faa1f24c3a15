package org.pilotline.plc.runtime;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.plc.config.GatewayConfig;
import org.pilotline.plc.config.SimulatorConfig;
import org.pilotline.plc.security.ApplicationCertificate;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatorSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Starts the PLC simulator before the gateway connects (embedded and test profiles), so demo machines show live states. */
@ApplicationScoped
public class SimulatorRuntime {

    private static final Logger LOG = Logger.getLogger(SimulatorRuntime.class);

    @Inject
    SimulatorConfig config;

    @Inject
    GatewayConfig gatewayConfig;

    private volatile PlcSimulator simulator;

    /** Starts the simulator if it is enabled; called by {@link PlcStartup} before the gateway starts. */
    void start() {
        if (!config.enabled()) {
            return;
        }
        try {
            // kept in the PKI directory: generating an RSA key costs a second or more of every start
            String uri = "urn:pilotline:plc-simulator:" + config.port();
            ApplicationCertificate certificate = ApplicationCertificate.loadOrCreate(Path.of(gatewayConfig.pkiDirectory())
                    .resolve("simulator").resolve("simulator-" + config.port() + ".pfx"), uri, "PilotLine PLC simulator");
            simulator = new PlcSimulator(new SimulatorSettings(config.bindAddress(), config.hostname(), config.port(),
                    "/pilotline", machineNames(config.machineCount()),
                    ScenarioSettings.demo(config.seed()).withCycleTime(config.cycleTimeMs()), 100, Map.of(),
                    certificate)).start();
        } catch (RuntimeException e) {
            LOG.error("The PLC simulator could not start (is port " + config.port() + " taken?)", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** M01, M02, ... */
    public static List<String> machineNames(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("M%02d", i)).toList();
    }

    public String endpointUrl() {
        return "opc.tcp://" + config.hostname() + ":" + config.port() + "/pilotline";
    }

    public boolean running() {
        return simulator != null;
    }
}
