package org.pilotline.erp.mrp.store;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes rows into one table with {@code LOAD DATA LOCAL INFILE} fed from memory (never a file): rows are encoded as
 * tab-separated text into a buffer and sent in chunks of a few megabytes, while the next chunk is being encoded (one
 * background thread talks to the server). Several times faster than batched inserts for millions of rows. The
 * connection needs the LOCAL INFILE capability, negotiated when it connects: the application's JDBC URL sets
 * {@code allowLoadLocalInfileInPath} to {@code /dev/null} (no file lies under it). Connector/J takes a statement's
 * stream only while {@code allowLoadLocalInfile} is on, so it is switched on for each load and off again: the server
 * never gets a file of ours, only the stream given.
 */
public final class BulkLoad implements AutoCloseable {

    private static final int CHUNK = 4 << 20;

    private final Connection connection;
    private final String sql;
    private final ExecutorService sender;
    private byte[] buffer = new byte[CHUNK + (64 << 10)];
    private byte[] spare = new byte[CHUNK + (64 << 10)];
    private int length;
    private boolean firstField = true;
    private Future<Long> pending;
    private long rows;
    private long loaded;

    public BulkLoad(Connection connection, String table, String columns) throws SQLException {
        this(connection, table, columns, false);
    }

    /** With {@code replace}, a row whose key exists replaces it (LOAD DATA … REPLACE). */
    public BulkLoad(Connection connection, String table, String columns, boolean replace) throws SQLException {
        this.connection = connection;
        this.sql = "load data local infile 'mrp.tsv' " + (replace ? "replace " : "") + "into table " + table
                + " character set utf8mb4 (" + columns + ")";
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mrp-bulk-load");
            t.setDaemon(true);
            return t;
        });
    }

    public BulkLoad text(String value) {
        separate();
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (byte c : bytes) {
            if (c == '\t' || c == '\n' || c == '\\') {
                put((byte) '\\');
                put(c == '\t' ? (byte) 't' : c == '\n' ? (byte) 'n' : (byte) '\\');
            } else {
                put(c);
            }
        }
        return this;
    }

    public BulkLoad number(long value) {
        separate();
        if (value == Long.MIN_VALUE) {
            return text(Long.toString(value));
        }
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        putDigits(value, 1);
        return this;
    }

    /** A quantity in millionths as a decimal with six places. */
    public BulkLoad micros(long value) {
        separate();
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        putDigits(value / 1_000_000L, 1);
        put((byte) '.');
        putDigits(value % 1_000_000L, 6);
        return this;
    }

    public BulkLoad date(LocalDate date) {
        if (date == null) {
            return text(null);
        }
        separate();
        putDigits(date.getYear(), 4);
        put((byte) '-');
        putDigits(date.getMonthValue(), 2);
        put((byte) '-');
        putDigits(date.getDayOfMonth(), 2);
        return this;
    }

    public void endRow() throws SQLException {
        put((byte) '\n');
        firstField = true;
        rows++;
        if (length >= CHUNK) {
            send();
        }
    }

    /** Sends what is left and waits until the server has taken every row; returns the rows loaded. */
    public long finish() throws SQLException {
        send();
        await();
        return loaded;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    public long rows() {
        return rows;
    }

    private void send() throws SQLException {
        await();
        if (length == 0) {
            return;
        }
        byte[] full = buffer;
        int size = length;
        buffer = spare;
        spare = full;
        length = 0;
        pending = sender.submit(() -> {
            // two loads may share a connection (each has its own sender): one statement and one switch at a time
            synchronized (connection) {
                RuntimeProperty<Boolean> allow = connection.unwrap(JdbcConnection.class).getPropertySet()
                        .getBooleanProperty(PropertyKey.allowLoadLocalInfile);
                try (Statement st = connection.createStatement()) {
                    st.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(full, 0, size));
                    allow.setValue(true);
                    long n;
                    try {
                        n = st.executeLargeUpdate(sql);
                    } finally {
                        allow.setValue(false);
                    }
                    if (st.getWarnings() != null) {
                        throw new SQLException("bulk load warned: " + st.getWarnings().getMessage());
                    }
                    return n;
                }
            }
        });
    }

    private void await() throws SQLException {
        if (pending == null) {
            return;
        }
        try {
            loaded += pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(e.getCause());
        } finally {
            pending = null;
        }
    }

    private void separate() {
        if (!firstField) {
            put((byte) '\t');
        }
        firstField = false;
    }

    private void putDigits(long value, int minDigits) {
        int start = length;
        int n = 0;
        do {
            put((byte) ('0' + value % 10));
            value /= 10;
            n++;
        } while (value > 0 || n < minDigits);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }

    private void put(byte b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = b;
    }
}
