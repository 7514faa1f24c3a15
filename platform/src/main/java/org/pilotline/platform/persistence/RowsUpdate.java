package org.pilotline.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One UPDATE statement for several rows of an enterprise's table, each row chosen by its id and given its own values:
 * {@code set state = case id when ? then ? when ? then ? … end … where tenant_id = ? and id in (…)}.
 * <p>
 * A JDBC batch of UPDATEs is sent by the driver as one multi-statement string ({@code rewriteBatchedStatements}),
 * which it builds and parses anew for every batch: an eighth of a terminal request thread's time went there. The
 * statement here is padded to a power of two rows (the last row repeated; at most {@link #MOST} rows a statement), so
 * a table has a handful of texts, each parsed once per connection and then kept in the driver's statement cache.
 * <p>
 * Each assignment and condition is a template holding at most one {@code ?}, which stands for the row's value (a
 * template without one is used as it is): {@code "quantity = quantity + ?"}, {@code "version = version + 1"},
 * condition {@code "version = ?"}. Values are bound with {@code setObject}; an {@link Instant} is written as UTC.
 */
public final class RowsUpdate {

    /** The most rows one statement updates; more are split. */
    public static final int MOST = 64;

    /** A row: its id and a value for each template with a {@code ?}, assignments first, then conditions. */
    public record Row(long id, Object... values) {
    }

    private final String table;
    private final List<String> assignments;
    private final List<String> conditions;
    /** How many assignments, and how many conditions, take a row's value (hold a {@code ?}). */
    private final int assignmentValues;
    private final int conditionValues;
    private final String[] texts = new String[Integer.numberOfTrailingZeros(MOST) + 1];

    private RowsUpdate(String table, List<String> assignments, List<String> conditions) {
        this.table = table;
        this.assignments = List.copyOf(assignments);
        this.conditions = List.copyOf(conditions);
        this.assignmentValues = (int) this.assignments.stream().filter(RowsUpdate::takesValue).count();
        this.conditionValues = (int) this.conditions.stream().filter(RowsUpdate::takesValue).count();
    }

    /** An update of {@code table} (which has {@code id} and {@code tenant_id}) setting {@code assignments}. */
    public static RowsUpdate of(String table, String... assignments) {
        return new RowsUpdate(table, List.of(assignments), List.of());
    }

    /** The same update, a row changed only where {@code conditions} hold for it (for example its version). */
    public RowsUpdate where(String... conditions) {
        return new RowsUpdate(table, assignments, List.of(conditions));
    }

    /**
     * Updates the rows of the enterprise; how many of them were updated (found and meeting the conditions), each row
     * counted once. Ids must be distinct.
     */
    public int execute(Connection c, String tenantId, List<Row> rows) throws SQLException {
        int updated = 0;
        for (int from = 0; from < rows.size(); from += MOST) {
            updated += executeChunk(c, tenantId, rows.subList(from, Math.min(rows.size(), from + MOST)));
        }
        return updated;
    }

    private int executeChunk(Connection c, String tenantId, List<Row> rows) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        int valuesPerRow = assignmentValues + conditionValues;
        for (Row row : rows) {
            if (row.values().length != valuesPerRow) {
                throw new IllegalArgumentException(table + ": " + valuesPerRow + " values a row, not "
                        + row.values().length);
            }
            if (!ids.add(row.id())) {
                throw new IllegalArgumentException(table + ": row " + row.id() + " twice");
            }
        }
        int size = Integer.highestOneBit(rows.size());
        size = size == rows.size() ? size : size * 2;
        List<Row> padded = new ArrayList<>(rows);
        while (padded.size() < size) {
            padded.add(rows.get(rows.size() - 1));
        }
        try (PreparedStatement update = c.prepareStatement(text(size))) {
            int i = 1;
            int value = 0;
            while (value < assignmentValues) {
                i = bindCase(update, i, padded, value++);
            }
            update.setString(i++, tenantId);
            for (Row row : padded) {
                update.setLong(i++, row.id());
            }
            while (value < valuesPerRow) {
                i = bindCase(update, i, padded, value++);
            }
            return update.executeUpdate();
        }
    }

    private static int bindCase(PreparedStatement update, int i, List<Row> rows, int value) throws SQLException {
        for (Row row : rows) {
            update.setLong(i++, row.id());
            Object v = row.values()[value];
            update.setObject(i++, v instanceof Instant at ? LocalDateTime.ofInstant(at, ZoneOffset.UTC) : v);
        }
        return i;
    }

    /** The statement for {@code size} rows (a power of two), built once. */
    String text(int size) {
        int slot = Integer.numberOfTrailingZeros(size);
        String text = texts[slot];
        if (text == null) {
            StringBuilder byId = new StringBuilder("case id");
            for (int r = 0; r < size; r++) {
                byId.append(" when ? then ?");
            }
            byId.append(" end");
            List<String> set = assignments.stream().map(a -> a.replace("?", byId)).toList();
            StringBuilder sql = new StringBuilder("update ").append(table).append(" set ")
                    .append(String.join(", ", set)).append(" where tenant_id = ? and id in (")
                    .append(SqlValues.placeholders(size)).append(")");
            for (String condition : conditions) {
                sql.append(" and ").append(condition.replace("?", byId));
            }
            text = sql.toString();
            texts[slot] = text;
        }
        return text;
    }

    /** Whether a template takes the row's value; more than one {@code ?} in a template is refused. */
    private static boolean takesValue(String template) {
        long n = template.chars().filter(ch -> ch == '?').count();
        if (n > 1) {
            throw new IllegalArgumentException("one ? a template: " + template);
        }
        return n == 1;
    }
}
