package org.pilotline.erp.excel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Rows that together describe one record (the lines of one BOM revision), in sheet order. */
final class Groups {

    private Groups() {
    }

    static Map<String, List<Row>> by(List<Row> rows, Function<Row, String> key) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    /**
     * Checks that every row of a group repeats the group's header values (validity, base quantity …) as its first row
     * does, recording a problem on each row that differs. Returns whether the group is consistent.
     */
    static boolean headersAgree(List<Row> group, List<String> headerKeys, ImportRun run) {
        Row first = group.get(0);
        boolean agree = true;
        for (Row row : group.subList(1, group.size())) {
            for (String key : headerKeys) {
                if (!java.util.Objects.equals(first.text(key), row.text(key))) {
                    run.problem(row, key, "differs from row " + first.number() + " of the same revision ('"
                            + first.text(key) + "')");
                    agree = false;
                }
            }
        }
        return agree;
    }

    /** Whether the group's rows (each with defaults filled in) equal the export rows of the existing record. */
    static boolean same(SheetSpec spec, List<Row> existing, List<Row> group, Map<String, String> defaults,
                        Function<Row, Map<String, String>> completed) {
        if (existing.size() != group.size()) {
            return false;
        }
        for (int i = 0; i < existing.size(); i++) {
            Map<String, String> imported = completed.apply(group.get(i));
            defaults.forEach(imported::putIfAbsent);
            if (!Canon.same(spec, existing.get(i).values(), imported)) {
                return false;
            }
        }
        return true;
    }
}
