package org.pilotline.plc.centre;

import org.pilotline.plc.acquisition.ContactLog;
import org.pilotline.plc.acquisition.MachineId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Last contacts in {@code plc_machine_binding.last_contact}; an update never moves one backwards. The JDBC URL has
 * {@code sendFractionalSeconds=false} (Camunda), so a stored contact is cut to the second: earlier, never later, which
 * only widens a reported gap.
 */
public final class DatabaseContactLog implements ContactLog {

    private final DataSource dataSource;

    public DatabaseContactLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<MachineId, Instant> lastContacts() {
        Map<MachineId, Instant> contacts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select tenant_id, machine_code, last_contact"
                     + " from plc_machine_binding where last_contact is not null");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                contacts.put(new MachineId(rs.getString(1), rs.getString(2)), rs.getTimestamp(3).toInstant());
            }
            return contacts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the machines' last contacts", e);
        }
    }

    @Override
    public void record(Map<MachineId, Instant> contacts) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement("update plc_machine_binding set last_contact = ?"
                    + " where tenant_id = ? and machine_code = ? and (last_contact is null or last_contact < ?)")) {
                for (Map.Entry<MachineId, Instant> contact : contacts.entrySet()) {
                    Timestamp at = Timestamp.from(contact.getValue());
                    update.setTimestamp(1, at);
                    update.setString(2, contact.getKey().tenant());
                    update.setString(3, contact.getKey().machine());
                    update.setTimestamp(4, at);
                    update.addBatch();
                }
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the last contact of " + contacts.size() + " machine(s)", e);
        }
    }
}
