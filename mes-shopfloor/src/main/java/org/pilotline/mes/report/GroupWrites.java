package org.pilotline.mes.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the reports of one transaction write that nothing later in it reads, gathered and written at its end with one
 * batch each: the terminals' last number and contact (in id order), and each applied report's answer. The operators
 * signed in at its terminals are read once, at its start. A group ({@link ReportGroups}) has one for all its reports; a
 * report applied alone is a group of one.
 */
final class GroupWrites {

    private final String tenantId;
    private final Map<Long, String> operators = new HashMap<>();
    private final Map<Long, Seen> terminals = new TreeMap<>(); // in id order: the group's row locks in one order
    private final Map<Long, Report> answers = new LinkedHashMap<>();

    private record Seen(long sequence, Instant at) {
    }

    private GroupWrites(String tenantId) {
        this.tenantId = tenantId;
    }

    /** The operators signed in at the terminals (null where none is), read with one statement. */
    static GroupWrites start(Connection c, String tenantId, Collection<Long> terminalIds) throws SQLException {
        GroupWrites writes = new GroupWrites(tenantId);
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(terminalIds));
        if (ids.isEmpty()) {
            return writes;
        }
        StringBuilder sql = new StringBuilder("select id, operator_name from mes_terminal where tenant_id = ? and id in (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            select.setString(1, tenantId);
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 2, ids.get(i));
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    writes.operators.put(r.getLong(1), r.getString(2));
                }
            }
        }
        return writes;
    }

    /** The operator signed in at the terminal when the group started; 409 when none is (nothing written). */
    String operator(long terminalId) {
        String operator = operators.get(terminalId);
        if (operator == null) {
            throw ReportingService.noOperator();
        }
        return operator;
    }

    /** The terminal's report was applied: its number and contact, written at the group's end. */
    void seen(long terminalId, long sequence, Instant at) {
        terminals.merge(terminalId, new Seen(sequence, at), (a, b) -> new Seen(Math.max(a.sequence, b.sequence),
                a.at.isAfter(b.at) ? a.at : b.at));
    }

    /** The applied report's answer, written at the group's end. */
    void answer(Report report) {
        answers.put(report.id, report);
    }

    /** Writes what was gathered: one batch for the terminals, one for the answers. */
    void write(Connection c) throws SQLException {
        if (!terminals.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement("update mes_terminal set last_sequence ="
                    + " greatest(last_sequence, ?), last_seen_at = ? where id = ? and tenant_id = ?")) {
                for (Map.Entry<Long, Seen> t : terminals.entrySet()) {
                    update.setLong(1, t.getValue().sequence);
                    update.setObject(2, LocalDateTime.ofInstant(t.getValue().at, ZoneOffset.UTC));
                    update.setLong(3, t.getKey());
                    update.setString(4, tenantId);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        if (!answers.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement("update mes_report set outcome = ?, negative_stock = ?"
                    + " where id = ? and tenant_id = ?")) {
                for (Report report : answers.values()) {
                    update.setString(1, report.outcome);
                    update.setBoolean(2, report.negativeStock);
                    update.setLong(3, report.id);
                    update.setString(4, tenantId);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }
}
