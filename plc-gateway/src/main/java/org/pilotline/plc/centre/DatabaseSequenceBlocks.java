package org.pilotline.plc.centre;

import org.pilotline.plc.acquisition.SequenceBlocks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Hi/lo blocks in the binding's row: atomic on MySQL and MariaDB through {@code LAST_INSERT_ID(expr)}. */
public final class DatabaseSequenceBlocks implements SequenceBlocks {

    private final DataSource dataSource;

    public DatabaseSequenceBlocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long reserve(String tenant, String machine) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement("update plc_machine_binding"
                    + " set sequence_block = last_insert_id(sequence_block + 1) where tenant_id = ? and machine_code = ?")) {
                update.setString(1, tenant);
                update.setString(2, machine);
                if (update.executeUpdate() == 0) {
                    throw new IllegalStateException("no binding " + tenant + "/" + machine);
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select last_insert_id()");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reserve sequence numbers for " + tenant + "/" + machine, e);
        }
    }
}
