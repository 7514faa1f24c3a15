package org.pilotline.app.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of the assembled application. */
@ConfigMapping(prefix = "pilotline")
public interface PilotLineConfig {

    Demo demo();

    Bootstrap bootstrap();

    Database database();

    EmbeddedDatabase embeddedDatabase();

    interface Demo {
        /** Seed the demo enterprises, users and sites at start-up when they are missing. Never on in prod. */
        @WithDefault("false")
        boolean enabled();

        /**
         * With the demo enterprises, seed their plants (master data, stock, shop floor, orders scheduled and released)
         * on a background thread after start-up; the test profile turns it off and seeds where a test asks.
         */
        @WithDefault("true")
        boolean plants();

        /** Password of every demo login. */
        @WithDefault("demo")
        String password();
    }

    interface Bootstrap {
        /** User name of the first platform administrator, created when no platform administrator exists. */
        @WithDefault("admin")
        String adminUsername();

        /** Password of the first platform administrator (env PILOTLINE_ADMIN_PASSWORD); no default exists. */
        Optional<String> adminPassword();
    }

    interface EmbeddedDatabase {
        /** Port of the embedded MariaDB, set by the launcher when it started one. */
        Optional<Integer> port();
    }

    interface Database {
        /** Refuse to start when the database server may lose committed transactions on a crash. */
        @WithDefault("false")
        boolean requireDurable();
    }
}
