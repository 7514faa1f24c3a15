package org.pilotline.app.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pilotline.app.config.PilotLineConfig;


/** Tells the person who started PilotLine where it is and, in demo mode, how to log in. */
@ApplicationScoped
public class ReadyBanner {

    @Inject
    PilotLineConfig config;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String host;

    void onStart(@Observes @Priority(1000) StartupEvent event) {
        String base = "http://localhost:" + port;
        StringBuilder text = new StringBuilder()
                .append("\n================ PilotLine is ready ================\n")
                .append("  Web UI        ").append(base).append("/\n")
                .append("  Swagger UI    ").append(base).append("/q/swagger-ui\n")
                .append("  Readiness     ").append(base).append("/q/health/ready\n");
        config.embeddedDatabase().port().ifPresent(p -> text.append("  Database      embedded MariaDB on 127.0.0.1:").append(p)
                .append(" (database pilotline, user pilotline)\n"));
        if ("127.0.0.1".equals(host) || "localhost".equals(host)) {
            text.append("  Listening on  loopback only (set PILOTLINE_HTTP_HOST=0.0.0.0 to open it to the network)\n");
        }
        if (config.demo().enabled()) {
            text.append("  Demo logins (password '").append(config.demo().password()).append("'):\n    ")
                    .append(String.join(", ", DemoData.LOGINS)).append('\n');
            if (config.demo().plants()) {
                text.append("  Demo plants   seeded in the background (progress in the log and in readiness);"
                        + " operators sign in at terminals\n                with badge " + ValvePlant.BADGE + " (demo) or "
                        + FoodPlant.BADGE + " (demo2), PIN " + DemoPlants.PIN + "\n");
            }
        }
        text.append("====================================================");
        System.out.println(text);
    }
}
