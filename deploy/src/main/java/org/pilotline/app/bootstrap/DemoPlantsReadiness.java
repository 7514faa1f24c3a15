package org.pilotline.app.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.pilotline.app.config.PilotLineConfig;

import java.util.List;

/**
 * Shows in {@code /q/health/ready} how far the demo plants' seeding got, per enterprise ("seeding, 3/8 steps done",
 * "complete"). Always up: the application serves requests while the plants are seeded in the background, and a plant
 * that failed is completed by the next start.
 */
@Readiness
@ApplicationScoped
public class DemoPlantsReadiness implements HealthCheck {

    @Inject
    PilotLineConfig config;

    @Inject
    DemoPlantProgress progress;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Demo plants").up();
        if (!config.demo().enabled()) {
            return response.withData("seeding", "off").build();
        }
        try {
            List<DemoPlantProgress.Progress> plants = progress.all();
            plants.forEach(p -> response.withData(p.enterprise(), p.summary()));
            if (plants.isEmpty()) {
                response.withData("seeding", config.demo().plants() ? "not started yet" : "off");
            }
        } catch (RuntimeException e) {
            response.withData("error", e.getClass().getSimpleName());
        }
        return response.build();
    }
}
