package org.pilotline.plc.centre;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A lease row in {@code plc_acquisition_lease}: held by one replica at a time, renewed by its holder, and taken over by
 * another replica once it has expired. Ordinary transactional updates with the database's clock (UTC), so it works the
 * same on MySQL, MariaDB, InnoDB Cluster and Galera (unlike {@code GET_LOCK}, which is local to one server node), and
 * the replicas' clocks do not matter.
 */
public final class AcquisitionLease {

    public static final String DEFAULT_NAME = "plc-gateway";

    private final DataSource dataSource;
    private final String name;
    private final String holder;
    private final Duration duration;
    private volatile boolean rowExists;

    /** What the row says. */
    public record State(String holder, long token, boolean expired) {
    }

    public AcquisitionLease(DataSource dataSource, String name, String holder, Duration duration) {
        this.dataSource = dataSource;
        this.name = name;
        this.holder = holder;
        this.duration = duration;
    }

    public String holder() {
        return holder;
    }

    /**
     * Takes the lease when it is free or expired, or renews it when this holder has it: true when this holder holds it
     * for {@code duration} from now (database time). Throws when the database cannot be asked.
     */
    public boolean acquireOrRenew() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            ensureRow(connection);
            // MySQL and MariaDB assign left to right: token and acquired_at still see the previous holder
            try (PreparedStatement update = connection.prepareStatement("update plc_acquisition_lease"
                    + " set token = if(holder <=> ?, token, token + 1),"
                    + " acquired_at = if(holder <=> ?, acquired_at, utc_timestamp(3)),"
                    + " holder = ?,"
                    + " expires_at = utc_timestamp(3) + interval ? microsecond"
                    + " where name = ? and (holder <=> ? or holder is null or expires_at < utc_timestamp(3))")) {
                update.setString(1, holder);
                update.setString(2, holder);
                update.setString(3, holder);
                update.setLong(4, duration.toNanos() / 1_000);
                update.setString(5, name);
                update.setString(6, holder);
                update.setQueryTimeout((int) Math.max(1, duration.toSeconds() / 2));
                return update.executeUpdate() == 1;
            }
        }
    }

    /** Gives the lease up at once (when held by this holder), so that another replica can take over. */
    public void release() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement("update plc_acquisition_lease"
                    + " set holder = null, expires_at = utc_timestamp(3) - interval 1 second"
                    + " where name = ? and holder = ?")) {
                update.setString(1, name);
                update.setString(2, holder);
                update.executeUpdate();
            }
        }
    }

    /** The row as it is now. */
    public Optional<State> state() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select holder, token,"
                     + " expires_at < utc_timestamp(3) from plc_acquisition_lease where name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new State(rs.getString(1), rs.getLong(2), rs.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    private void ensureRow(Connection connection) throws SQLException {
        if (rowExists) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert ignore into plc_acquisition_lease"
                + " (name, holder, token, acquired_at, expires_at) values (?, null, 0, null, '1970-01-01 00:00:01')")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }
        rowExists = true;
    }
}
