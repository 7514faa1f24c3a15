package org.pilotline.erp.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One data row of a sheet, its values in canonical text (decimals without trailing zeros, ISO dates, true/false), so
 * that what was exported compares equal with what comes back.
 */
public record Row(int number, Map<String, String> values) {

    public String text(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public BigDecimal decimal(String key) {
        String value = values.get(key);
        return value == null ? null : new BigDecimal(value);
    }

    public Integer integer(String key) {
        String value = values.get(key);
        return value == null ? null : Integer.valueOf(value);
    }

    public LocalDate date(String key) {
        String value = values.get(key);
        return value == null ? null : LocalDate.parse(value);
    }

    public Boolean bool(String key) {
        String value = values.get(key);
        return value == null ? null : Boolean.valueOf(value);
    }
}
