package org.pilotline.erp.mrp.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC steps every MRP store repeats: binding parameters, counting, updating, optional dates. */
final class Jdbc {

    private Jdbc() {
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static boolean exists(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        List<T> list = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    list.add(mapper.map(rows));
                }
            }
        }
        return list;
    }

    static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** A where clause built filter by filter, with its parameters in order. */
    static final class Where {
        private final StringBuilder sql;
        private final List<Object> parameters = new ArrayList<>();

        Where(String from, Object... parameters) {
            this.sql = new StringBuilder(from);
            this.parameters.addAll(List.of(parameters));
        }

        Where and(boolean given, String condition, Object parameter) {
            if (given) {
                sql.append(" and ").append(condition);
                parameters.add(parameter);
            }
            return this;
        }

        String sql() {
            return sql.toString();
        }

        Object[] parameters() {
            return parameters.toArray();
        }
    }
}
