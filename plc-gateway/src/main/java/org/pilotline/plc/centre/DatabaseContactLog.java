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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Machines per transaction. Each update in a transaction of its own was a durable commit (a log flush) per machine:
     * with 10,000 machines every contact interval, 1,000 commits a second, the largest share of the server's time in
     * the machine-history benchmark once the delivery kept up (docs/benchmarks/mes.md, Branch mesperf4). A chunk
     * commits once; it holds its rows' locks only while its updates run (the acquisition's sequence-block update of
     * one of them waits that long), and contacts only move forward, so a chunk that fails leaves the others valid.
     */
    private static final int MACHINES_PER_TRANSACTION = 500;

    @Override
    public void record(Map<MachineId, Instant> contacts) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("update plc_machine_binding set last_contact = ?"
                    + " where tenant_id = ? and machine_code = ? and (last_contact is null or last_contact < ?)")) {
                int inBatch = 0;
                // in key order: two calls at once (a start being recorded beside the periodic write) lock their
                // rows in the same order, so they wait for each other instead of deadlocking
                List<Map.Entry<MachineId, Instant>> ordered = new ArrayList<>(contacts.entrySet());
                ordered.sort(Comparator.comparing((Map.Entry<MachineId, Instant> c) -> c.getKey().tenant())
                        .thenComparing(c -> c.getKey().machine()));
                for (Map.Entry<MachineId, Instant> contact : ordered) {
                    Timestamp at = Timestamp.from(contact.getValue());
                    update.setTimestamp(1, at);
                    update.setString(2, contact.getKey().tenant());
                    update.setString(3, contact.getKey().machine());
                    update.setTimestamp(4, at);
                    update.addBatch();
                    if (++inBatch == MACHINES_PER_TRANSACTION) {
                        update.executeBatch();
                        connection.commit();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    update.executeBatch();
                    connection.commit();
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the last contact of " + contacts.size() + " machine(s)", e);
        }
    }
}
