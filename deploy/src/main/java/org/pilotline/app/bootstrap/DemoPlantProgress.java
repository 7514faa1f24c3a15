package org.pilotline.app.bootstrap;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code demo_plant_seeding}: how far each demo plant's seeding got, and the completion marker that tells
 * later starts to leave a plant alone. Plain JDBC with autocommit, outside the seeding's own transactions, so a step's
 * progress is visible at once (to the readiness check) and a failed step still leaves its row.
 */
@ApplicationScoped
public class DemoPlantProgress {

    /** Where a plant's seeding stands. */
    public enum State {
        /** Under way, or cut short by a stop or crash: the next start resumes it. */
        SEEDING,
        /** A step failed; the next start resumes it. */
        FAILED,
        /** Ran to its end: the marker. */
        COMPLETE
    }

    /** A plant's row; {@code step} is the last step done (or the one that failed). */
    public record Progress(String enterprise, State state, String step, int stepsDone, int stepsTotal, int attempts,
                           Instant startedAt, Instant updatedAt, Instant completedAt, String lastError) {

        public String summary() {
            return switch (state) {
                case COMPLETE -> "complete (" + stepsTotal + " steps, at " + completedAt + ")";
                case SEEDING -> "seeding, " + stepsDone + "/" + stepsTotal + " steps done" + (step == null ? ""
                        : " (last: " + step + ")");
                case FAILED -> "failed at step '" + step + "' after " + stepsDone + "/" + stepsTotal
                        + " steps; the next start resumes it";
            };
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** The plant's row, if its seeding ever started. */
    public Optional<Progress> of(String enterprise) {
        return query("where tenant_id = ?", enterprise).stream().findFirst();
    }

    /** Every plant's row, by enterprise. */
    public List<Progress> all() {
        return query("order by tenant_id", null);
    }

    /** A seeding (the first, or a resumption) begins: no step counted yet, one attempt more. */
    void begin(String enterprise, int stepsTotal) {
        update("insert into demo_plant_seeding (tenant_id, state, step, steps_done, steps_total, attempts, started_at,"
                        + " updated_at) values (?, 'SEEDING', null, 0, ?, 1, utc_timestamp(3), utc_timestamp(3))"
                        + " on duplicate key update state = 'SEEDING', step = null, steps_done = 0, steps_total = ?,"
                        + " attempts = attempts + 1, started_at = utc_timestamp(3), updated_at = utc_timestamp(3),"
                        + " completed_at = null, last_error = null",
                enterprise, stepsTotal, stepsTotal);
    }

    void stepDone(String enterprise, String step, int stepsDone) {
        update("update demo_plant_seeding set step = ?, steps_done = ?, updated_at = utc_timestamp(3)"
                + " where tenant_id = ?", step, stepsDone, enterprise);
    }

    /** Sets the completion marker. */
    void complete(String enterprise) {
        update("update demo_plant_seeding set state = 'COMPLETE', completed_at = utc_timestamp(3),"
                + " updated_at = utc_timestamp(3) where tenant_id = ?", enterprise);
    }

    void failed(String enterprise, String step, Throwable error) {
        String message = String.valueOf(error.getMessage());
        update("update demo_plant_seeding set state = 'FAILED', step = ?, updated_at = utc_timestamp(3), last_error = ?"
                + " where tenant_id = ?", step, error.getClass().getSimpleName() + ": "
                + message.substring(0, Math.min(message.length(), 900)), enterprise);
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the demo plant seeding's progress", e);
        }
    }

    private List<Progress> query(String condition, String enterprise) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select tenant_id, state, step, steps_done,"
                     + " steps_total, attempts, started_at, updated_at, completed_at, last_error from demo_plant_seeding "
                     + condition)) {
            if (enterprise != null) {
                select.setString(1, enterprise);
            }
            List<Progress> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Progress(rs.getString(1), State.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9)), rs.getString(10)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the demo plant seeding's progress", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
