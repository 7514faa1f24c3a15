package org.pilotline.app.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged suite ({@code deploy/target/quarkus-app/quarkus-run.jar}) started for a benchmark as a process of its
 * own, on the embedded MariaDB in a fresh data home, exactly as {@code java -jar} runs it (profile {@code embedded}):
 * the benchmark talks to it over HTTP on loopback and reads its database over JDBC for the checks.
 */
final class SuiteProcess implements AutoCloseable {

    private final Process process;
    private final Path home;
    private final int httpPort;
    private final int databasePort;

    private SuiteProcess(Process process, Path home, int httpPort, int databasePort) {
        this.process = process;
        this.home = home;
        this.httpPort = httpPort;
        this.databasePort = databasePort;
    }

    /**
     * Starts the suite on the data home {@code home} (empty for a fresh database; {@link #deleteRecursively} it first)
     * and waits until it is ready. {@code javaOptions} are the suite JVM's options; {@code properties} become {@code -D}
     * options (Quarkus configuration).
     */
    static SuiteProcess start(Path quarkusApp, Path home, List<String> javaOptions, List<String> properties)
            throws IOException, InterruptedException {
        return start(quarkusApp, home, javaOptions, properties, freePort(), freePort());
    }

    /** As {@link #start(Path, Path, List, List)} on these ports (a restart where clients already point). */
    static SuiteProcess start(Path quarkusApp, Path home, List<String> javaOptions, List<String> properties,
                              int httpPort, int databasePort) throws IOException, InterruptedException {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-Dquarkus.http.port=" + httpPort);
        properties.forEach(p -> command.add("-D" + p));
        command.add("-jar");
        command.add(quarkusApp.resolve("quarkus-run.jar").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("suite.log").toFile())); // a restart adds to the log
        builder.environment().put("PILOTLINE_HOME", home.toAbsolutePath().toString());
        builder.environment().put("PILOTLINE_DB_PORT", Integer.toString(databasePort));
        Process process = builder.start();
        SuiteProcess suite = new SuiteProcess(process, home, httpPort, databasePort);
        suite.awaitReady(Duration.ofMinutes(4));
        return suite;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    int httpPort() {
        return httpPort;
    }

    Path home() {
        return home;
    }

    int databasePort() {
        return databasePort;
    }

    /** A connection to the suite's own database, as the suite's account. */
    Connection database() throws Exception {
        String password = Files.readString(home.resolve("mariadb").resolve("credentials")).trim();
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + databasePort + "/pilotline?useSSL=false"
                + "&allowPublicKeyRetrieval=true&connectionTimeZone=UTC", "pilotline", password);
    }

    /** The suite's JVM. */
    ProcessHandle jvm() {
        return process.toHandle();
    }

    /** The suite's database server, a child process of its JVM. */
    Optional<ProcessHandle> databaseServer() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld"))
                .orElse(false)).findFirst();
    }

    static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the suite exited (" + process.exitValue() + "); see " + home.resolve("suite.log"));
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the suite was not ready within " + limit + "; see " + home.resolve("suite.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: Quarkus shuts down, then its hook stops the embedded MariaDB
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
