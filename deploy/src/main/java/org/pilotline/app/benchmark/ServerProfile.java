package org.pilotline.app.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The embedded database server's side of a benchmark window, shared by the benchmarks that measure the suite: its
 * statement and commit counters, InnoDB's and the handler's row and page counters, and — when the server runs with
 * {@code performance_schema} ({@code PILOTLINE_DB_PERFORMANCE_SCHEMA=ON} in the benchmark's environment) — the window's
 * statement digests with the most server time. {@link #start} at the window's start, {@link #end} at its end.
 */
final class ServerProfile {

    private static final int TOP_DIGESTS = 25;

    private final long[] counters;
    private final Map<String, Long> storage;
    private final boolean digests;

    private ServerProfile(long[] counters, Map<String, Long> storage, boolean digests) {
        this.counters = counters;
        this.storage = storage;
        this.digests = digests;
    }

    /** Reads the counters and empties the digest summary, so that it covers the window only. */
    static ServerProfile start(SuiteProcess suite) throws Exception {
        boolean digests = resetStatementDigests(suite);
        return new ServerProfile(serverCounters(suite), storageCounters(suite), digests);
    }

    /** The window from {@link #start} to now. */
    Window end(SuiteProcess suite, double seconds) throws Exception {
        long[] after = serverCounters(suite);
        Map<String, Long> storageAfter = storageCounters(suite);
        Map<String, Long> storageDelta = new TreeMap<>();
        storageAfter.forEach((name, value) -> storageDelta.put(name, value - storage.getOrDefault(name, 0L)));
        return new Window(after[0] - counters[0], after[1] - counters[1], storageDelta,
                digests ? topStatements(suite, seconds) : List.of(), digests);
    }

    /** What the server did in a window: statements ({@code Questions}), commits, storage counters, top digests. */
    record Window(long statements, long commits, Map<String, Long> storage, List<Map<String, Object>> topStatements,
                  boolean digestsCollected) {

        /** The statements and commits per unit of work (a stored event, a report). */
        Map<String, Object> per(long units) {
            double n = Math.max(1, units);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("statements", round3(statements / n));
            m.put("commits", round3(commits / n));
            return m;
        }

        /** The storage counters per unit of work. */
        Map<String, Object> storagePer(long units) {
            double n = Math.max(1, units);
            Map<String, Object> m = new LinkedHashMap<>();
            storage.forEach((name, value) -> m.put(name, round3(value / n)));
            return m;
        }

        /** Prints the top digests, one JSON object a line (before the benchmark's result line, which stays the last). */
        void printTopStatements() throws Exception {
            for (Map<String, Object> statement : topStatements) {
                System.out.println(BenchmarkRest.JSON.writeValueAsString(statement));
            }
        }
    }

    /** The server's settings a result line names: durability, buffer pool, whether digests were collected. */
    static Map<String, Object> settings(SuiteProcess suite) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection db = suite.database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select @@innodb_flush_log_at_trx_commit, @@innodb_buffer_pool_size,"
                     + " @@performance_schema")) {
            r.next();
            out.put("innodb_flush_log_at_trx_commit", r.getInt(1));
            out.put("innodb_buffer_pool_size_mb", r.getLong(2) / (1024 * 1024));
            out.put("performance_schema", r.getBoolean(3));
        }
        return out;
    }

    /**
     * Empties the server's statement digest summary; false when the server runs without {@code performance_schema}
     * (the default).
     */
    private static boolean resetStatementDigests(SuiteProcess suite) throws Exception {
        try (Connection db = suite.database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select @@performance_schema")) {
            r.next();
            if (!r.getBoolean(1)) {
                return false;
            }
            s.execute("truncate table performance_schema.events_statements_summary_by_digest");
            return true;
        }
    }

    /** The window's statement digests with the most server time: count, total and mean time, rows. */
    private static List<Map<String, Object>> topStatements(SuiteProcess suite, double seconds) throws Exception {
        List<Map<String, Object>> top = new ArrayList<>();
        try (Connection db = suite.database(); Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "select digest_text, count_star, sum_timer_wait, sum_lock_time, sum_rows_examined, sum_rows_affected,"
                        + " sum_rows_sent, sum_created_tmp_tables, sum_sort_rows, sum_select_scan, sum_no_index_used"
                        + " from performance_schema.events_statements_summary_by_digest"
                        + " order by sum_timer_wait desc limit " + TOP_DIGESTS)) {
            while (r.next()) {
                long count = r.getLong(2);
                double ms = r.getLong(3) / 1e9; // picoseconds
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("digest", r.getString(1));
                d.put("count", count);
                d.put("perSecond", Math.round(count / seconds * 10) / 10.0);
                d.put("totalMs", Math.round(ms));
                d.put("meanMs", count == 0 ? 0 : round3(ms / count));
                d.put("lockMs", Math.round(r.getLong(4) / 1e9));
                d.put("rowsExamined", r.getLong(5));
                d.put("rowsAffected", r.getLong(6));
                d.put("rowsSent", r.getLong(7));
                d.put("tmpTables", r.getLong(8));
                d.put("sortRows", r.getLong(9));
                d.put("selectScans", r.getLong(10));
                d.put("noIndexUsed", r.getLong(11));
                top.add(d);
            }
        }
        return top;
    }

    /** InnoDB's and the handler's row and page counters, and InnoDB's row lock waits and their time (ms). */
    private static Map<String, Long> storageCounters(SuiteProcess suite) throws Exception {
        Map<String, Long> counters = new TreeMap<>();
        try (Connection db = suite.database(); Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "show global status where variable_name in ('Innodb_rows_read', 'Innodb_rows_inserted',"
                        + " 'Innodb_rows_updated', 'Innodb_rows_deleted', 'Innodb_buffer_pool_read_requests',"
                        + " 'Innodb_buffer_pool_reads', 'Innodb_buffer_pool_write_requests', 'Innodb_data_fsyncs',"
                        + " 'Handler_read_key', 'Handler_read_next', 'Handler_read_rnd_next', 'Created_tmp_tables',"
                        + " 'Sort_rows', 'Select_scan', 'Select_full_join', 'Innodb_row_lock_waits',"
                        + " 'Innodb_row_lock_time')")) {
            while (r.next()) {
                counters.put(r.getString(1), r.getLong(2));
            }
        }
        return counters;
    }

    /** Statements ({@code Questions}) and commits ({@code Com_commit}). */
    private static long[] serverCounters(SuiteProcess suite) throws Exception {
        long[] counters = new long[2];
        try (Connection db = suite.database(); Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "show global status where variable_name in ('Questions', 'Com_commit')")) {
            while (r.next()) {
                counters["Questions".equalsIgnoreCase(r.getString(1)) ? 0 : 1] = r.getLong(2);
            }
        }
        return counters;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
