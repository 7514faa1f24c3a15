package org.pilotline.erp.excel;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What one import has done and found so far: counts per sheet and every bad row. */
public final class ImportRun {

    /** Created, updated and unchanged records of one sheet. */
    public record SheetCounts(String sheet, int rows, int created, int updated, int unchanged) {
    }

    private final List<ImportProblem> problems = new ArrayList<>();
    private final jakarta.validation.Validator validator;
    private boolean writable = true;
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private WorkbookReader.ParsedSheet sheet;

    ImportRun(jakarta.validation.Validator validator) {
        this.validator = validator;
    }

    /**
     * Whether records may still be written. A service's refusal marks the shared transaction for rollback, after
     * which nothing more can be written; the remaining rows are then only checked, so their problems are still listed.
     */
    public boolean writable() {
        return writable;
    }

    /**
     * Checks a request against its Bean Validation constraints (the REST layer does this for API clients; an import
     * calls the services directly), recording each violation on the row and column it comes from: a path like
     * {@code lines[2].quantity} points at the third row of the group.
     */
    public boolean valid(Object request, List<Row> rows, Map<String, String> fields, String fallbackColumn) {
        var violations = validator.validate(request);
        for (var violation : violations) {
            String path = violation.getPropertyPath().toString();
            Row row = rows.get(0);
            var indexed = java.util.regex.Pattern.compile("^\\w+\\[(\\d+)]\\.?(.*)$").matcher(path);
            String field = path;
            if (indexed.matches()) {
                int index = Integer.parseInt(indexed.group(1));
                row = index < rows.size() ? rows.get(index) : row;
                field = indexed.group(2).isEmpty() ? path.replaceAll("\\[\\d+]", "") : indexed.group(2);
            }
            problem(row, fields.getOrDefault(field, fields.getOrDefault(path, fallbackColumn)), violation.getMessage());
        }
        return violations.isEmpty();
    }

    void begin(WorkbookReader.ParsedSheet sheet) {
        this.sheet = sheet;
        counts.computeIfAbsent(sheet.sheetName(), k -> new int[4])[0] = sheet.rows().size();
        problems.addAll(sheet.problems());
    }

    public void created() {
        counts.get(sheet.sheetName())[1]++;
    }

    public void updated() {
        counts.get(sheet.sheetName())[2]++;
    }

    public void unchanged() {
        counts.get(sheet.sheetName())[3]++;
    }

    public void problem(Row row, String columnKey, String reason) {
        problems.add(new ImportProblem(sheet.sheetName(), row.number(), sheet.columnName(columnKey), reason));
    }

    /**
     * Records a refusal of a service as problems of the row, each field mapped to its column ({@code fields} maps the
     * service's field names to column keys; unmapped fields land on {@code fallbackColumn}).
     */
    public void refused(Row row, DomainException refusal, Map<String, String> fields, String fallbackColumn) {
        writable = false;
        if (refusal.fieldErrors().isEmpty()) {
            problem(row, fallbackColumn, refusal.detail());
            return;
        }
        for (FieldError error : refusal.fieldErrors()) {
            String field = error.field().replaceAll("\\[\\d+]", "").replaceAll("^.*\\.", "");
            problem(row, fields.getOrDefault(field, fallbackColumn), error.message());
        }
    }

    /** Whether the rows of the current sheet that have problems so far include this one. */
    public boolean hasProblems(Row row) {
        return problems.stream().anyMatch(p -> p.row() == row.number() && Objects.equals(p.sheet(), sheet.sheetName()));
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public List<SheetCounts> counts() {
        return counts.entrySet().stream().map(e -> new SheetCounts(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3])).toList();
    }
}
