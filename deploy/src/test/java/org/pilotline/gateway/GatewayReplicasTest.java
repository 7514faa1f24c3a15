package org.pilotline.gateway;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.plc.acquisition.ConnectionSettings;
import org.pilotline.plc.acquisition.Gateway;
import org.pilotline.plc.acquisition.MachineEventSink;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.centre.AcquisitionLease;
import org.pilotline.plc.centre.AcquisitionLeader;
import org.pilotline.plc.centre.DatabaseContactLog;
import org.pilotline.plc.centre.DatabaseSequenceBlocks;
import org.pilotline.plc.contract.DataLossRecorded;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.runtime.GatewayRuntime;
import org.pilotline.plc.security.GatewayPki;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatorSettings;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only one replica acquires. The application itself holds the acquisition lease; two more gateway replicas, run
 * against an installation of their own on the same MariaDB (schema {@code pilotline_replicas}, so the application's
 * gateway does not see their machines), never acquire at once: the second takes over when the first stops or is cut
 * off from the database, and its first event per machine is the data loss since the first one's last contact.
 */
@QuarkusTest
class GatewayReplicasTest {

    private static final String TENANT = "replicas";
    private static final List<String> MACHINES = List.of("R1", "R2");
    private static final Duration LEASE = Duration.ofMillis(3_000);
    private static final Duration RENEWAL = Duration.ofMillis(500);

    private static PlcSimulator simulator;
    private static MysqlDataSource replicasDatabase;
    private static GatewayPki pki;

    @Inject
    AgroalDataSource applicationDatabase;

    @Inject
    GatewayRuntime runtime;

    @BeforeAll
    static void createTheSecondInstallation() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        simulator = new PlcSimulator(SimulatorSettings.local(port, MACHINES, ScenarioSettings.busy(5))).start();
        var config = ConfigProvider.getConfig();
        replicasDatabase = new MysqlDataSource();
        replicasDatabase.setURL("jdbc:mysql://127.0.0.1:" + config.getValue("pilotline.embedded-database.port",
                Integer.class) + "/pilotline_replicas?createDatabaseIfNotExist=true&connectionTimeZone=UTC"
                + "&sendFractionalSeconds=false");
        replicasDatabase.setUser(config.getValue("quarkus.datasource.username", String.class));
        replicasDatabase.setPassword(config.getValue("quarkus.datasource.password", String.class));
        try (Connection c = replicasDatabase.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists enterprise (code varchar(32) not null primary key)"
                    + " engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci");
        }
        Flyway.configure().dataSource(replicasDatabase).locations("classpath:db/migration/gateway")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        try (Connection c = replicasDatabase.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert ignore into enterprise (code) values ('" + TENANT + "')");
            for (String machine : MACHINES) {
                s.execute("insert ignore into plc_machine_binding (tenant_id, machine_code, endpoint_url,"
                        + " security_policy, security_mode, identity_kind, state_mapping, sampling_interval_ms,"
                        + " publishing_interval_ms, version) values ('" + TENANT + "', '" + machine + "', '"
                        + simulator.endpointUrl() + "', 'None', 'None', 'ANONYMOUS', 'MACHINERY', 0, 100, 0)");
            }
        }
        pki = GatewayPki.open(Path.of("target/test-gateway/replicas-pki"), "urn:pilotline:plc-gateway:replicas",
                "PilotLine PLC gateway (replicas test)");
    }

    @AfterAll
    static void stopTheMachines() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void theApplicationItselfHoldsTheLeaseSoAnotherReplicaStandsBy() throws Exception {
        AcquisitionLease another = new AcquisitionLease(applicationDatabase, AcquisitionLease.DEFAULT_NAME,
                "another-replica", LEASE);

        assertFalse(another.acquireOrRenew(), "the application's gateway holds the lease");
        AcquisitionLease.State state = another.state().orElseThrow();
        assertNotEquals("another-replica", state.holder());
        assertFalse(state.expired());
        assertTrue(runtime.acquiring());
    }

    @Test
    void twoReplicasNeverAcquireAtOnceAndTheSecondTakesOverWhenTheFirstStops() throws Exception {
        try (Replica first = new Replica("replica-a"); Replica second = new Replica("replica-b");
             OverlapWatch watch = new OverlapWatch(first, second)) {
            first.start();
            await(first::leading, "the first replica acquires");
            second.start();
            first.awaitEvents();
            Thread.sleep(1_500);
            assertFalse(second.leading(), "the second replica stands by");
            assertEquals(List.of(), second.events(), "and reports nothing");

            first.close();
            Instant stopped = Instant.now();
            await(second::leading, "the second replica takes over");

            assertTakeover(first, second, stopped);
            assertEquals(0, watch.overlaps(), "both replicas acquired at the same time");
        }
    }

    @Test
    void aReplicaCutOffFromTheDatabaseStopsAcquiringBeforeAnotherTakesOver() throws Exception {
        try (Replica first = new Replica("replica-c"); Replica second = new Replica("replica-d");
             OverlapWatch watch = new OverlapWatch(first, second)) {
            first.start();
            await(first::leading, "the first replica acquires");
            second.start();
            first.awaitEvents();
            Thread.sleep(1_000);

            first.cutOffDatabase(true);
            Instant cut = Instant.now();
            await(() -> !first.leading(), "the cut-off replica stops acquiring");
            await(second::leading, "the second replica takes over once the lease expired");
            assertTrue(Duration.between(cut, Instant.now()).compareTo(LEASE.minus(RENEWAL).minusMillis(200)) > 0,
                    "not before the lease could have expired");

            assertTakeover(first, second, cut);
            first.cutOffDatabase(false);
            Thread.sleep(3 * RENEWAL.toMillis());
            assertFalse(first.leading(), "back in touch, the first replica finds the lease taken and stands by");
            assertEquals(0, watch.overlaps(), "both replicas acquired at the same time");
        }
    }

    /** The new holder's first event per machine is the gap since the old one's last contact; sequences go on. */
    private static void assertTakeover(Replica first, Replica second, Instant firstStopped) throws Exception {
        for (String machine : MACHINES) {
            MachineEvent gap = second.awaitFirstEvent(machine);
            DataLossRecorded loss = assertInstanceOf(DataLossRecorded.class, gap, machine);
            List<MachineEvent> before = first.events().stream().filter(e -> e.machine().equals(machine)).toList();
            assertFalse(before.isEmpty());
            // contacts are stored to the second (sendFractionalSeconds=false) and written every 300 ms
            assertTrue(loss.from().isAfter(firstStopped.minusSeconds(3)) && !loss.from().isAfter(firstStopped),
                    machine + ": the gap starts at the first replica's last contact: " + loss + ", stopped " + firstStopped);
            assertTrue(loss.sequence() > before.get(before.size() - 1).sequence(), "sequence numbers go on");
        }
        Instant firstArrival = second.firstArrival();
        assertTrue(first.lastArrival().isBefore(firstArrival), "the first replica reported nothing after the takeover");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** One application replica's gateway: lease, acquisition, events; its database can be cut off. */
    private static final class Replica implements MachineEventSink, AutoCloseable {

        private final AtomicBoolean cut = new AtomicBoolean();
        private final List<MachineEvent> events = new ArrayList<>();
        private final List<Instant> arrivals = new ArrayList<>();
        private final AcquisitionLeader<Gateway> leader;

        Replica(String name) {
            DataSource database = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                        if (cut.get() && method.getName().equals("getConnection")) {
                            throw new SQLException("the network to the database is down (test)");
                        }
                        try {
                            return method.invoke(replicasDatabase, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            ConnectionSettings settings = new ConnectionSettings(1_000, 2_000, 30_000, 100, 1_000);
            leader = new AcquisitionLeader<>(new AcquisitionLease(database, AcquisitionLease.DEFAULT_NAME, name, LEASE),
                    RENEWAL, LEASE, () -> {
                Gateway gateway = new Gateway(settings, pki, new DatabaseSequenceBlocks(database), this,
                        Clock.systemUTC(), new DatabaseContactLog(database), Duration.ofMillis(300));
                for (String machine : MACHINES) {
                    gateway.bind(MachineBinding.machinery(TENANT, machine, simulator.endpointUrl(),
                            PlcSimulator.NAMESPACE_URI, machine).withIntervals(0, 100));
                }
                return gateway;
            }, gateway -> {
            });
        }

        void start() {
            leader.start();
        }

        boolean leading() {
            return leader.leading();
        }

        void cutOffDatabase(boolean off) {
            cut.set(off);
        }

        @Override
        public synchronized void accept(String tenant, MachineEvent event) {
            events.add(event);
            arrivals.add(Instant.now());
        }

        synchronized List<MachineEvent> events() {
            return List.copyOf(events);
        }

        synchronized Instant firstArrival() {
            return arrivals.get(0);
        }

        synchronized Instant lastArrival() {
            return arrivals.get(arrivals.size() - 1);
        }

        void awaitEvents() throws InterruptedException {
            await(() -> MACHINES.stream().allMatch(m -> events().stream().anyMatch(e -> e.machine().equals(m)
                    && !(e instanceof DataLossRecorded))), leader.holder() + " reports events of every machine");
        }

        MachineEvent awaitFirstEvent(String machine) throws InterruptedException {
            await(() -> events().stream().anyMatch(e -> e.machine().equals(machine)), "an event of " + machine);
            return events().stream().filter(e -> e.machine().equals(machine)).findFirst().orElseThrow();
        }

        @Override
        public void close() {
            leader.close();
        }
    }

    /** Samples both replicas every 10 ms and counts the samples where both acquired. */
    private static final class OverlapWatch implements AutoCloseable {

        private final AtomicInteger overlaps = new AtomicInteger();
        private final Thread thread;
        private volatile boolean running = true;

        OverlapWatch(Replica a, Replica b) {
            thread = new Thread(() -> {
                while (running) {
                    if (a.leading() && b.leading()) {
                        overlaps.incrementAndGet();
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "replica-overlap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        int overlaps() {
            return overlaps.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(1_000);
        }
    }
}
