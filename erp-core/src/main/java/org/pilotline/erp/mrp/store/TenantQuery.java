package org.pilotline.erp.mrp.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Queries of one enterprise's rows whose only parameter is the tenant, rows streamed one at a time (the target plant
 * has 100,000 items and 300,000 BOM lines: nothing is buffered whole).
 */
final class TenantQuery {

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final String tenant;

    TenantQuery(Connection connection, String tenant) {
        this.connection = connection;
        this.tenant = tenant;
    }

    String tenant() {
        return tenant;
    }

    /** Runs {@code sql}, whose one parameter is the tenant, handing each row to {@code handler}. */
    void forEach(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Integer.MIN_VALUE);
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.row(rows);
                }
            }
        }
    }
}
