package org.pilotline.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.pilotline.platform.persistence.RowsUpdate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One update statement for many rows by id, against the real database: values, conditions, padding, enterprises. */
@QuarkusTest
class RowsUpdateTest {

    private static final RowsUpdate UPDATE = RowsUpdate.of("rows_update_probe", "state = ?", "quantity = quantity + ?",
            "at_time = ?", "version = version + 1").where("version = ?");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachRowGetsItsOwnValuesOnlyWhereItsConditionHoldsAndOnlyInItsEnterprise() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create temporary table rows_update_probe (id bigint primary key, tenant_id varchar(32) not null,"
                    + " state varchar(16), quantity decimal(19,6) not null, at_time datetime(6), version bigint not null)");
            try {
                // 100 rows: one statement of 64 and one of 36 padded to 64
                StringBuilder insert = new StringBuilder("insert into rows_update_probe values ");
                for (int id = 1; id <= 102; id++) {
                    insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", '")
                            .append(id > 100 ? "other" : "mine").append("', 'OLD', 10, null, ").append(id % 3)
                            .append(")");
                }
                s.execute(insert.toString());
                Instant at = Instant.parse("2026-12-06T10:15:30Z"); // whole seconds: the driver sends no fractions
                List<RowsUpdate.Row> rows = new ArrayList<>();
                for (int id = 1; id <= 102; id++) {
                    // row 7 names a stale version; rows 101 and 102 belong to another enterprise
                    long version = id == 7 ? 99 : id % 3;
                    rows.add(new RowsUpdate.Row(id, id % 2 == 0 ? "EVEN" : null, new BigDecimal(id + ".5"),
                            at.plusSeconds(id), version));
                }

                assertEquals(99, UPDATE.execute(c, "mine", rows));

                Map<Long, Object[]> after = new HashMap<>();
                try (ResultSet r = s.executeQuery("select id, state, quantity, at_time, version from rows_update_probe")) {
                    while (r.next()) {
                        after.put(r.getLong(1), new Object[]{r.getString(2), r.getBigDecimal(3),
                                r.getObject(4, LocalDateTime.class), r.getLong(5)});
                    }
                }
                for (long id = 1; id <= 102; id++) {
                    Object[] row = after.get(id);
                    if (id == 7 || id > 100) {
                        assertEquals("OLD", row[0], "row " + id + " is not changed");
                        assertEquals(0, new BigDecimal("10").compareTo((BigDecimal) row[1]));
                        assertNull(row[2]);
                        assertEquals(id % 3, row[3]);
                    } else {
                        assertEquals(id % 2 == 0 ? "EVEN" : null, row[0], "row " + id);
                        assertEquals(0, new BigDecimal(id + ".5").add(BigDecimal.TEN).compareTo((BigDecimal) row[1]),
                                "row " + id + ": " + row[1]);
                        assertEquals(LocalDateTime.ofInstant(at.plusSeconds(id), ZoneOffset.UTC), row[2]);
                        assertEquals(id % 3 + 1, row[3]);
                    }
                }

                assertThrows(IllegalArgumentException.class, () -> UPDATE.execute(c, "mine",
                        List.of(new RowsUpdate.Row(1, "A", BigDecimal.ONE, at, 1L),
                                new RowsUpdate.Row(1, "B", BigDecimal.ONE, at, 1L))), "the same row twice");
            } finally {
                s.execute("drop temporary table rows_update_probe");
            }
        }
    }
}
