package org.pilotline.bpm.analytics;


import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The indexes {@link ProcessAnalyticsService} reads Camunda's history through: each covers every column its statement
 * touches, so the analytics read the index range of one enterprise (and process) instead of looking up every history
 * row by its random id (10,000 instances are 30,000 step rows; see docs/benchmarks/processes.md).
 * <p>
 * Created here, once the engine has made its tables, and not by a Flyway migration of bpm-models: Flyway migrates
 * before the Camunda engine starts (the order of Quarkus' start-up steps in this build), so on a new database the
 * history tables do not exist yet when the migrations run. An index that is there already is left alone.
 */
@ApplicationScoped
public class HistoryIndexes {

    private static final Logger LOG = Logger.getLogger(HistoryIndexes.class);

    /** Index name, table, columns; within InnoDB's 3072-byte key limit at Camunda's utf8 columns. */
    record Index(String name, String table, String columns) {
    }

    static final List<Index> INDEXES = List.of(
            // the instances' counts, cycle times and the ids of those in a window (ID_, the key, comes with the index)
            new Index("PL_IDX_HI_PROCINST_ANALYTICS", "ACT_HI_PROCINST",
                    "TENANT_ID_, PROC_DEF_KEY_, START_TIME_, PROC_DEF_ID_, STATE_, END_TIME_, DURATION_"),
            // with the instance, so that a window on the instances' start is matched from the index too
            new Index("PL_IDX_HI_ACT_WINDOW", "ACT_HI_ACTINST",
                    "TENANT_ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ACT_ID_, ACT_TYPE_, END_TIME_, DURATION_, START_TIME_,"
                            + " PROC_INST_ID_"),
            new Index("PL_IDX_HI_TASK_ANALYTICS", "ACT_HI_TASKINST",
                    "TENANT_ID_, PROC_DEF_KEY_, PROC_DEF_ID_, TASK_DEF_KEY_, TASK_STATE_, END_TIME_, DURATION_,"
                            + " START_TIME_, PROC_INST_ID_"),
            new Index("PL_IDX_HI_IDLNK_ANALYTICS", "ACT_HI_IDENTITYLINK",
                    "TENANT_ID_, TYPE_, OPERATION_TYPE_, TASK_ID_, TIMESTAMP_"));

    /** Indexes of earlier versions that a wider one above replaces: dropped once it is there (one fewer to write). */
    static final List<Index> REPLACED = List.of(new Index("PL_IDX_HI_ACT_ANALYTICS", "ACT_HI_ACTINST", null));

    @Inject
    DataSource dataSource;

    void onStart(@Observes @Priority(4) StartupEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            for (Index index : INDEXES) {
                if (!exists(connection, index)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("create index " + index.name() + " on " + index.table() + " ("
                                + index.columns() + ")");
                        LOG.infof("Created index %s on %s for the process analytics", index.name(), index.table());
                    } catch (SQLException e) {
                        // another replica starting at the same time may have created it first
                        if (!exists(connection, index)) {
                            throw e;
                        }
                    }
                }
            }
            for (Index index : REPLACED) {
                if (exists(connection, index)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("drop index " + index.name() + " on " + index.table());
                        LOG.infof("Dropped index %s on %s, replaced by a wider one", index.name(), index.table());
                    } catch (SQLException e) {
                        // another replica may have dropped it first
                        if (exists(connection, index)) {
                            throw e;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            LOG.errorf(e, "Could not create the process analytics' indexes; the analytics read the history without them");
        }
    }

    private static boolean exists(Connection connection, Index index) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from information_schema.statistics"
                + " where table_schema = database() and table_name = ? and index_name = ?")) {
            query.setString(1, index.table());
            query.setString(2, index.name());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }
}
