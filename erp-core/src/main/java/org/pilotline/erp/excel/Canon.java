package org.pilotline.erp.excel;

import org.pilotline.platform.quantity.Decimals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Canonical cell texts, shared by export and import so that the two compare equal. */
final class Canon {

    private Canon() {
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : Decimals.plain(value).toPlainString();
    }

    static String integer(Integer value) {
        return value == null ? null : value.toString();
    }

    static String date(LocalDate value) {
        return value == null ? null : value.toString();
    }

    static String bool(boolean value) {
        return String.valueOf(value);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A row's values with defaults filled in where the sheet left a cell empty. */
    static Map<String, String> withDefaults(Row row, Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(row.values());
        defaults.forEach((key, value) -> values.merge(key, value, (given, fallback) -> given));
        values.values().removeIf(Objects::isNull);
        return values;
    }

    /** Whether two rows hold the same values over the sheet's columns. */
    static boolean same(SheetSpec spec, Map<String, String> a, Map<String, String> b) {
        for (Column column : spec.columns()) {
            if (!equalValues(column, a.get(column.key()), b.get(column.key()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalValues(Column column, String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (column.type() == Column.Type.DECIMAL || column.type() == Column.Type.INTEGER) {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        }
        return a.equals(b);
    }

    static Row row(int number, Object... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], (String) keyValues[i + 1]);
        }
        return new Row(number, values);
    }
}
