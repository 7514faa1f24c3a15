package org.pilotline.erp.excel;

import java.util.List;

/** A column of a master-data sheet: its key, its Chinese and English headers, what it holds, and whether it is required. */
public record Column(String key, String zh, String en, Type type, boolean required, List<String> choices) {

    public enum Type {TEXT, DECIMAL, INTEGER, DATE, BOOLEAN}

    public static Column text(String key, String zh, String en, boolean required) {
        return new Column(key, zh, en, Type.TEXT, required, List.of());
    }

    public static Column decimal(String key, String zh, String en, boolean required) {
        return new Column(key, zh, en, Type.DECIMAL, required, List.of());
    }

    public static Column integer(String key, String zh, String en, boolean required) {
        return new Column(key, zh, en, Type.INTEGER, required, List.of());
    }

    public static Column date(String key, String zh, String en, boolean required) {
        return new Column(key, zh, en, Type.DATE, required, List.of());
    }

    public static Column bool(String key, String zh, String en) {
        return new Column(key, zh, en, Type.BOOLEAN, false, List.of());
    }

    public static Column choice(String key, String zh, String en, boolean required, Enum<?>[] values) {
        return new Column(key, zh, en, Type.TEXT, required, java.util.Arrays.stream(values).map(Enum::name).toList());
    }

    /** "Item code / 物料编码", how an error names the column. */
    public String label() {
        return en + " / " + zh;
    }
}
