package org.pilotline.bpm.platform;

import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Camunda reads its MyBatis mappings (some fifty XML files, evaluated with the JDK's XPath) while the engine is built,
 * and that is the longest single step of the suite's start — seconds on a small machine, on the main thread. The
 * mappings depend only on the database type and table prefix, so the launcher starts reading them on a thread of its
 * own before Quarkus starts, while the main thread boots everything else; the engine then takes the result.
 */
public final class PreparsedMappings {

    /** MariaDB and MySQL: what Camunda detects for both. */
    public static final String DATABASE_TYPE = "mysql";
    public static final String TABLE_PREFIX = "";

    private static volatile CompletableFuture<Configuration> parsing;

    private PreparsedMappings() {
    }

    /** Starts reading the mappings in the background (once). */
    public static synchronized void start() {
        if (parsing != null) {
            return;
        }
        CompletableFuture<Configuration> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(parse());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "camunda-mappings");
        thread.setDaemon(true);
        thread.start();
        parsing = future;
    }

    /** The mappings read in the background for this database type and prefix, or null (then the engine reads them). */
    static Configuration take(String databaseType, String tablePrefix) {
        CompletableFuture<Configuration> future = parsing;
        parsing = null;
        if (future == null || !DATABASE_TYPE.equals(databaseType) || !TABLE_PREFIX.equals(tablePrefix)) {
            return null;
        }
        try {
            return future.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            return null;
        }
    }

    private static Configuration parse() throws Exception {
        try (InputStream in = ProcessEngineConfigurationImpl.class.getClassLoader()
                .getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.put("prefix", TABLE_PREFIX);
            ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, TABLE_PREFIX, DATABASE_TYPE);
            return new XMLConfigBuilder(reader, "", properties).parse();
        }
    }
}
