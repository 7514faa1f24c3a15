package org.pilotline.mes.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pilotline.platform.persistence.RowsUpdate;
import org.pilotline.platform.persistence.SqlValues;

/**
 * What the reports of one transaction write that nothing later in it reads, gathered and written at its end with one
 * statement each: the terminals' last number and contact (in id order), and each applied report's answer. The operators
 * signed in at its terminals are read once, at its start. A group ({@link ReportGroups}) has one for all its reports; a
 * report applied alone is a group of one.
 */
final class GroupWrites {

    private final String tenantId;
    private final Map<Long, String> operators = new HashMap<>();
    private final Map<Long, Seen> terminals = new TreeMap<>(); // in id order: the group's row locks in one order
    private final Map<Long, Report> answers = new LinkedHashMap<>();
    /** The answers still to be serialised, at the end: they name stock moves whose ids come with their insert. */
    private final Map<Long, Object> outcomes = new HashMap<>();
    private final Map<String, Report> inserted = new HashMap<>();
    private final java.util.Set<String> handedOut = new java.util.HashSet<>();
    private final List<Long> dropped = new ArrayList<>();

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

    /** Whether a terminal has an operator signed in (read at the group's start). */
    boolean hasOperator(long terminalId) {
        return operators.get(terminalId) != null;
    }

    /** A report row the group inserted at its start, by client id (its reports' client ids are distinct). */
    void inserted(Report row) {
        inserted.put(row.clientId, row);
    }

    /**
     * The row the group inserted for the report, handed out to the report's application (null if none: the report
     * inserts its own); {@link #rowOf} still names it afterwards.
     */
    Report inserted(String clientId) {
        Report row = inserted.get(clientId);
        return row != null && handedOut.add(clientId) ? row : null;
    }

    /** The row the group inserted for the report (handed out or not), or null. */
    Report rowOf(String clientId) {
        return inserted.get(clientId);
    }

    /**
     * A row the group inserted for a report that is not to be kept in it (it is applied alone after the group):
     * deleted at the group's end, before the commit, so that applying it alone starts afresh.
     */
    void drop(Report row) {
        answers.remove(row.id);
        outcomes.remove(row.id);
        dropped.add(row.id);
    }

    /** The report's answer as it stands on its row (a refusal), written at the group's end. */
    void answer(Report report) {
        answers.put(report.id, report);
        outcomes.remove(report.id);
    }

    /** The applied report's answer, serialised onto its row and written at the group's end. */
    void answer(Report report, Object outcome) {
        answers.put(report.id, report);
        outcomes.put(report.id, outcome);
    }

    private static final RowsUpdate TERMINALS = RowsUpdate.of("mes_terminal",
            "last_sequence = greatest(last_sequence, ?)", "last_seen_at = ?");

    private static final RowsUpdate ANSWERS = RowsUpdate.of("mes_report", "status = ?", "outcome = ?",
            "negative_stock = ?");

    /**
     * Writes what was gathered: one statement for the terminals, one for the answers ({@link RowsUpdate}), and one
     * for rows dropped. The answers not yet serialised are serialised now, after the transaction's stock moves were
     * inserted and got their ids.
     */
    void write(Connection c, java.util.function.Function<Object, String> json) throws SQLException {
        if (!terminals.isEmpty()) {
            List<RowsUpdate.Row> rows = new ArrayList<>();
            terminals.forEach((id, seen) -> rows.add(new RowsUpdate.Row(id, seen.sequence, seen.at)));
            TERMINALS.execute(c, tenantId, rows);
        }
        if (!answers.isEmpty()) {
            outcomes.forEach((id, outcome) -> answers.get(id).outcome = json.apply(outcome));
            outcomes.clear();
            List<RowsUpdate.Row> rows = new ArrayList<>();
            answers.values().forEach(r -> rows.add(new RowsUpdate.Row(r.id, r.status, r.outcome, r.negativeStock)));
            int updated = ANSWERS.execute(c, tenantId, rows);
            if (updated != rows.size()) {
                throw new IllegalStateException("answers written: " + updated + " of " + rows.size());
            }
        }
        if (!dropped.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement("delete from mes_report where tenant_id = ? and id in ("
                    + SqlValues.placeholders(dropped.size()) + ")")) {
                int i = 1;
                delete.setString(i++, tenantId);
                for (Long id : dropped) {
                    delete.setLong(i++, id);
                }
                delete.executeUpdate();
            }
        }
    }
}
