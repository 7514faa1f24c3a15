package org.pilotline.erp.mrp;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections for the MRP stores, which are plain JDBC (bulk loads, streamed reads of a whole plant): a connection
 * of the datasource is enlisted in the caller's transaction, if there is one.
 */
@ApplicationScoped
public class MrpJdbc {

    @Inject
    AgroalDataSource dataSource;

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on a connection of the datasource and closes it. */
    public <T> T call(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("MRP database access failed", e);
        }
    }

    /** A connection of its own, for work that commits by itself (a background run, a net change). */
    public Connection open() throws SQLException {
        return dataSource.getConnection();
    }
}
