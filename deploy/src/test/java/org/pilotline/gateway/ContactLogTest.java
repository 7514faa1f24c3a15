package org.pilotline.gateway;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.plc.acquisition.MachineId;
import org.pilotline.plc.centre.DatabaseContactLog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The centre's contact log writes in transactions of 500 machines: a record of more machines than that stores every
 * one of them, still never moves a contact backwards and still ignores machines without a binding. In a schema of its
 * own (only the gateway's migrations), so the application's gateway does not try to acquire the machines.
 */
@QuarkusTest
class ContactLogTest {

    private static final String TENANT = "contacts";
    private static final int MACHINES = 1_203; // three chunks, the last one partial

    private static MysqlDataSource database;

    @BeforeAll
    static void createTheMachines() throws Exception {
        var config = ConfigProvider.getConfig();
        database = new MysqlDataSource();
        database.setURL("jdbc:mysql://127.0.0.1:" + config.getValue("pilotline.embedded-database.port", Integer.class)
                + "/pilotline_contacts?createDatabaseIfNotExist=true&connectionTimeZone=UTC&sendFractionalSeconds=false"
                + "&rewriteBatchedStatements=true");
        database.setUser(config.getValue("quarkus.datasource.username", String.class));
        database.setPassword(config.getValue("quarkus.datasource.password", String.class));
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists enterprise (code varchar(32) not null primary key)"
                    + " engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci");
        }
        Flyway.configure().dataSource(database).locations("classpath:db/migration/gateway")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert ignore into enterprise (code) values ('" + TENANT + "')");
            s.execute("delete from plc_machine_binding where tenant_id = '" + TENANT + "'");
            try (PreparedStatement insert = c.prepareStatement("insert into plc_machine_binding (tenant_id, machine_code,"
                    + " endpoint_url, security_policy, security_mode, identity_kind, state_mapping, sampling_interval_ms,"
                    + " publishing_interval_ms, version) values (?, ?, 'opc.tcp://localhost:1/none', 'None', 'None',"
                    + " 'ANONYMOUS', 'MACHINERY', 0, 100, 0)")) {
                for (int i = 0; i < MACHINES; i++) {
                    insert.setString(1, TENANT);
                    insert.setString(2, "C" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    @Test
    void aRecordOfMoreMachinesThanAChunkStoresEachOnceForwardOnlyAndSkipsUnknownOnes() {
        DatabaseContactLog log = new DatabaseContactLog(database);
        Instant earlier = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        Instant later = earlier.plusSeconds(300);
        log.record(Map.of(new MachineId(TENANT, "C7"), later)); // stored before: must not move back

        Map<MachineId, Instant> contacts = new HashMap<>();
        for (int i = 0; i < MACHINES; i++) {
            contacts.put(new MachineId(TENANT, "C" + i), earlier);
        }
        contacts.put(new MachineId(TENANT, "unbound-1"), earlier);
        contacts.put(new MachineId(TENANT, "unbound-2"), earlier);
        log.record(contacts);

        Map<MachineId, Instant> stored = new HashMap<>(log.lastContacts());
        stored.keySet().removeIf(id -> !id.tenant().equals(TENANT));
        assertEquals(MACHINES, stored.size(), "every bound machine has a contact, in every chunk");
        assertEquals(later, stored.get(new MachineId(TENANT, "C7")), "a newer stored contact is kept");
        assertEquals(earlier, stored.get(new MachineId(TENANT, "C0")));
        assertEquals(earlier, stored.get(new MachineId(TENANT, "C" + (MACHINES - 1))), "the last, partial chunk");
        assertFalse(stored.containsKey(new MachineId(TENANT, "unbound-1")));
    }
}
