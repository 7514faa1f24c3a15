package org.pilotline.app.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.app.config.PilotLineConfig;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to run on a database server that can lose committed transactions: a stock ledger or a terminal report that
 * the server acknowledged must survive a crash. Checked in prod; reported as a warning elsewhere.
 */
@ApplicationScoped
public class DatabaseSafetyCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseSafetyCheck.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PilotLineConfig config;

    void onStart(@Observes @Priority(10) StartupEvent event) throws SQLException {
        List<String> problems = durabilityProblems();
        if (problems.isEmpty()) {
            return;
        }
        String message = "The database server's settings can lose committed transactions: " + String.join("; ", problems);
        if (config.database().requireDurable()) {
            throw new IllegalStateException(message + ". Fix the server configuration; PilotLine will not start on it.");
        }
        LOG.warn(message);
    }

    List<String> durabilityProblems() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog, @@default_storage_engine")) {
            rs.next();
            if (rs.getInt(1) != 1) {
                problems.add("innodb_flush_log_at_trx_commit is " + rs.getInt(1) + " (must be 1)");
            }
            if (rs.getBoolean(2) && rs.getInt(3) != 1) {
                problems.add("the binary log is on with sync_binlog=" + rs.getInt(3) + " (must be 1)");
            }
            if (!"InnoDB".equalsIgnoreCase(rs.getString(4))) {
                problems.add("the default storage engine is " + rs.getString(4) + " (must be InnoDB)");
            }
        }
        return problems;
    }
}
