package org.pilotline.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.app.database.EmbeddedMariaDb;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the packaged application as a user would, against a real MariaDB, and checks what it refuses: a schema that
 * Flyway has not migrated, in prod a server that can lose commits or a platform with no administrator, and in the demo
 * run (well-known passwords) any connection that does not come from this machine's loopback address.
 */
class StartupRefusalIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LAUNCHER = Path.of("..", "bin", "pilotline");
    /**
     * An address of this machine other than 127.0.0.1: Linux routes all of 127.0.0.0/8 to the loopback interface, so a
     * server bound to 127.0.0.1 alone refuses it while one bound to every interface accepts it.
     */
    private static final String OTHER_LOCAL_ADDRESS = "127.0.0.2";

    private static EmbeddedMariaDb database;

    @BeforeAll
    static void startDatabase() {
        Path home = Path.of("target", "it-mariadb").toAbsolutePath();
        deleteRecursively(home.resolve("data"));
        database = EmbeddedMariaDb.start(home.resolve("data"), EmbeddedMariaDb.sharedBinaries(), 0);
    }

    @AfterAll
    static void stopDatabase() {
        database.stop();
    }

    @Test
    void refusesToStartAgainstASchemaFlywayHasNotMigrated() throws Exception {
        String url = createDatabase("unmigrated");
        Run run = start(Map.of("QUARKUS_PROFILE", "embedded"), List.of(
                "-Dquarkus.datasource.jdbc.url=" + url,
                "-Dquarkus.datasource.username=" + database.user(),
                "-Dquarkus.datasource.password=" + database.password(),
                "-Dquarkus.flyway.migrate-at-start=false"));
        run.awaitExit();
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Schema validation") || run.output().contains("Schema-validation"), run.output());
        assertTrue(run.output().contains("missing table"), run.output());
    }

    @Test
    void inProdRefusesADatabaseServerThatCanLoseCommits() throws Exception {
        String url = createDatabase("unsafe");
        execute("set global innodb_flush_log_at_trx_commit = 2");
        try {
            Run run = start(prod(url, "a-strong-admin-password"), List.of());
            run.awaitExit();
            assertNotEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("innodb_flush_log_at_trx_commit is 2"), run.output());
        } finally {
            execute("set global innodb_flush_log_at_trx_commit = 1");
        }
    }

    @Test
    void inProdThereIsNoDefaultPasswordTheFirstAdministratorComesFromTheEnvironment() throws Exception {
        String url = createDatabase("prod");
        Run refused = start(prod(url, null), List.of());
        refused.awaitExit();
        assertNotEquals(0, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("PILOTLINE_ADMIN_PASSWORD"), refused.output());

        Run run = start(prod(url, "a-strong-admin-password"), List.of());
        try {
            run.awaitReady();
            assertEquals(200, get(run.port(), "/api/me", "admin", "a-strong-admin-password"));
            assertEquals(401, get(run.port(), "/api/me", "demo-admin", "demo"), "no demo users in prod");
            assertEquals(401, get(run.port(), "/api/me", "admin", "demo"), "no default password in prod");
            assertTrue(accepts(OTHER_LOCAL_ADDRESS, run.port()), "prod listens on every interface, as before");
            assertTrue(run.output().lines().anyMatch(line -> line.startsWith("{") && line.contains("\"level\"")),
                    "prod logs are JSON:\n" + run.output());
        } finally {
            run.stop();
        }
    }

    @Test
    void theDemoRunListensOnLoopbackOnlyUnlessOpenedDeliberately() throws Exception {
        String url = createDatabase("demo_listen");
        List<String> demoOnGivenDatabase = List.of(
                "-Dquarkus.datasource.jdbc.url=" + url,
                "-Dquarkus.datasource.username=" + database.user(),
                "-Dquarkus.datasource.password=" + database.password(),
                "-D%embedded.pilotline.simulator.enabled=false");
        // started as the README starts it: bin/pilotline with its memory settings
        Run closed = startWithLauncher(Map.of("QUARKUS_PROFILE", "embedded"), demoOnGivenDatabase);
        try {
            closed.awaitReady();
            List<String> jvmArguments = closed.process().info().arguments().map(List::of).orElse(List.of());
            assertTrue(jvmArguments.contains("-XX:+UseSerialGC") && jvmArguments.contains("-Xmx256m"),
                    "bin/pilotline starts the JVM with its memory settings: " + jvmArguments);
            assertEquals(200, get(closed.port(), "/api/me", "demo-admin", "demo"), "the demo accounts exist");
            assertFalse(accepts(OTHER_LOCAL_ADDRESS, closed.port()),
                    "the demo run must not accept connections on any address but 127.0.0.1");
            assertTrue(closed.output().contains("loopback only"), closed.output());
        } finally {
            closed.stop();
        }

        Run opened = start(Map.of("QUARKUS_PROFILE", "embedded", "PILOTLINE_HTTP_HOST", "0.0.0.0"), demoOnGivenDatabase);
        try {
            opened.awaitReady();
            assertTrue(accepts(OTHER_LOCAL_ADDRESS, opened.port()), "PILOTLINE_HTTP_HOST=0.0.0.0 opens every interface");
        } finally {
            opened.stop();
        }
    }

    private static boolean accepts(String address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Map<String, String> prod(String url, String adminPassword) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_PROFILE", "prod",
                "PILOTLINE_DB_URL", url,
                "PILOTLINE_DB_USER", database.user(),
                "PILOTLINE_DB_PASSWORD", database.password(),
                "PILOTLINE_SESSION_KEY", "an-integration-test-session-key-of-32+chars"));
        if (adminPassword != null) {
            env.put("PILOTLINE_ADMIN_PASSWORD", adminPassword);
        }
        return env;
    }

    private static String createDatabase(String name) throws SQLException {
        execute("drop database if exists " + name);
        execute("create database " + name);
        return "jdbc:mysql://127.0.0.1:" + database.port() + "/" + name;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + database.port() + "/?useSSL=false&allowPublicKeyRetrieval=true",
                database.user(), database.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Run start(Map<String, String> env, List<String> systemProperties) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.port=" + port));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        return run(command, env, port);
    }

    /** Starts the packaged suite through the README's launcher, bin/pilotline (the JVM replaces the script). */
    private static Run startWithLauncher(Map<String, String> env, List<String> systemProperties) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString(), "-Dquarkus.http.port=" + port));
        command.addAll(systemProperties);
        Map<String, String> withJava = new java.util.HashMap<>(env);
        withJava.put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + System.getenv().getOrDefault("PATH", ""));
        return run(command, withJava, port);
    }

    private static Run run(List<String> command, Map<String, String> env, int port) throws IOException {
        Path log = Files.createTempFile("pilotline-it", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_PROFILE");
        builder.environment().remove("PILOTLINE_JAVA_OPTS");
        builder.environment().putAll(env);
        return new Run(builder.start(), log, port);
    }

    private static int get(int port, String path, String user, String password) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(Process process, Path log, int port) {

        void awaitExit() throws InterruptedException {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the application did not exit:\n" + output());
            }
        }

        void awaitReady() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("the application exited with " + process.exitValue() + ":\n" + output());
                }
                try {
                    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                            .toURL().openConnection();
                    if (c.getResponseCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the application was not ready in time:\n" + output());
        }

        int exitCode() {
            return process.exitValue();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }
    }
}
