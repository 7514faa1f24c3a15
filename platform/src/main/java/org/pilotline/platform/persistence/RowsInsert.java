package org.pilotline.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * Rows inserted with one statement, each given its generated id: several are a JDBC batch, which the driver sends as
 * one multi-row insert ({@code rewriteBatchedStatements}), and one is a plain insert. For hot paths whose rows are
 * immutable or written with SQL later, so that Hibernate never needs to manage them.
 */
public final class RowsInsert {

    /** Sets one row's parameters on the insert. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    private RowsInsert() {
    }

    /** Inserts {@code rows} with {@code sql} and hands each its generated id, in order. */
    public static <T> void insert(Connection c, String sql, List<T> rows, Binder<T> binder, ObjLongConsumer<T> id)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (T row : rows) {
                binder.bind(insert, row);
                if (rows.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (rows.size() > 1) {
                insert.executeBatch();
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (T row : rows) {
                    if (!keys.next()) {
                        throw new IllegalStateException("the driver gave fewer keys than rows inserted");
                    }
                    id.accept(row, keys.getLong(1));
                }
            }
        }
    }
}
