package org.pilotline.plc.runtime;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.plc.config.GatewayConfig;

/**
 * Starts the PLC side once the application is up: the simulator first (where it runs), then acquisition. OPC UA set-up
 * (certificates, endpoints, sessions) takes seconds and must never hold up readiness or fail start-up, so by default
 * it runs on a thread of its own.
 */
@ApplicationScoped
public class PlcStartup {

    private static final Logger LOG = Logger.getLogger(PlcStartup.class);

    @Inject
    GatewayConfig config;

    @Inject
    SimulatorRuntime simulator;

    @Inject
    GatewayRuntime gateway;

    void onStart(@Observes @Priority(60) StartupEvent event) {
        if (!config.startInBackground()) {
            startPlcSide();
            return;
        }
        Thread thread = new Thread(this::startPlcSide, "plc-startup");
        thread.setDaemon(true);
        thread.start();
    }

    private void startPlcSide() {
        long started = System.nanoTime();
        simulator.start();
        gateway.startAcquisition();
        LOG.debugf("PLC side started in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
