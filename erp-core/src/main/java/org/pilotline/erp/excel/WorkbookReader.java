package org.pilotline.erp.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.ProblemKind;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the master-data sheets of a workbook into rows of canonical values, collecting every cell that cannot be read
 * (wrong type, missing, not one of the choices) with its sheet, row and column — the rows are not applied here.
 */
public final class WorkbookReader {

    /** The rows of one sheet and what was wrong with its cells. */
    public record ParsedSheet(SheetSpec spec, String sheetName, List<Row> rows, List<ImportProblem> problems,
                              Map<String, String> columnNames) {

        /** "F (Stock unit / 库存单位)": the column letter and header of a column key. */
        public String columnName(String key) {
            return columnNames.getOrDefault(key, spec.column(key).map(Column::label).orElse(key));
        }
    }

    static final int MAX_ROWS = 100_000;
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是", "真", "x");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "假");
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    private WorkbookReader() {
    }

    /** The sheets of the workbook that are master-data sheets, in import order. */
    public static List<ParsedSheet> read(byte[] upload) {
        WorkbookGuard.check(upload);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(upload))) {
            List<ParsedSheet> sheets = new ArrayList<>();
            for (SheetSpec spec : SheetSpec.ALL) {
                Sheet sheet = find(workbook, spec);
                if (sheet != null) {
                    sheets.add(read(sheet, spec));
                }
            }
            if (sheets.isEmpty()) {
                throw new DomainException(ProblemKind.BAD_REQUEST, "no-sheets", "The workbook has no master-data sheet",
                        "Expected sheets named like: " + String.join(", ", SheetSpec.ALL.stream().map(SheetSpec::name).toList()));
            }
            return sheets;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw new DomainException(ProblemKind.BAD_REQUEST, "not-a-workbook", "The workbook could not be read",
                    "The upload is not a readable .xlsx workbook");
        }
    }

    private static Sheet find(Workbook workbook, SheetSpec spec) {
        String english = spec.name().substring(0, spec.name().lastIndexOf(' '));
        String chinese = spec.name().substring(spec.name().lastIndexOf(' ') + 1);
        for (Sheet sheet : workbook) {
            String name = sheet.getSheetName().trim();
            if (name.equalsIgnoreCase(spec.name()) || name.equalsIgnoreCase(english) || name.equals(chinese)) {
                return sheet;
            }
        }
        return null;
    }

    private static ParsedSheet read(Sheet sheet, SheetSpec spec) {
        String sheetName = sheet.getSheetName();
        List<ImportProblem> problems = new ArrayList<>();
        Map<Integer, Column> columns = headers(sheet, spec, problems);
        Map<String, String> names = new HashMap<>();
        columns.forEach((index, column) -> names.put(column.key(),
                CellReference.convertNumToColString(index) + " (" + column.label() + ")"));
        List<Row> rows = new ArrayList<>();
        if (!problems.isEmpty()) {
            return new ParsedSheet(spec, sheetName, rows, problems, names);
        }
        int last = sheet.getLastRowNum();
        if (last + 1 - (SheetSpec.FIRST_DATA_ROW - 1) > MAX_ROWS) {
            problems.add(new ImportProblem(sheetName, last + 1, "", "more than " + MAX_ROWS + " rows in one sheet"));
            return new ParsedSheet(spec, sheetName, rows, problems, names);
        }
        for (int r = SheetSpec.FIRST_DATA_ROW - 1; r <= last; r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean blank = true;
            for (Map.Entry<Integer, Column> entry : columns.entrySet()) {
                Cell cell = row.getCell(entry.getKey());
                String where = CellReference.convertNumToColString(entry.getKey()) + " (" + entry.getValue().label() + ")";
                try {
                    String value = value(cell, entry.getValue());
                    if (value != null) {
                        blank = false;
                    }
                    values.put(entry.getValue().key(), value);
                } catch (IllegalArgumentException e) {
                    blank = false;
                    problems.add(new ImportProblem(sheetName, r + 1, where, e.getMessage()));
                }
            }
            if (blank) {
                continue;
            }
            for (Map.Entry<Integer, Column> entry : columns.entrySet()) {
                Column column = entry.getValue();
                if (column.required() && values.get(column.key()) == null
                        && problems.stream().noneMatch(p -> p.row() == row.getRowNum() + 1 && p.column().contains(column.label()))) {
                    problems.add(new ImportProblem(sheetName, r + 1,
                            CellReference.convertNumToColString(entry.getKey()) + " (" + column.label() + ")", "is required"));
                }
            }
            rows.add(new Row(r + 1, values));
        }
        return new ParsedSheet(spec, sheetName, rows, problems, names);
    }

    /** Columns by index, recognised by their Chinese (row 1) or English (row 2) header. */
    private static Map<Integer, Column> headers(Sheet sheet, SheetSpec spec, List<ImportProblem> problems) {
        Map<Integer, Column> found = new HashMap<>();
        for (int headerRow = 0; headerRow < SheetSpec.FIRST_DATA_ROW - 1; headerRow++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(headerRow);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                String header = FORMATTER.formatCellValue(cell).trim();
                for (Column column : spec.columns()) {
                    if (header.equalsIgnoreCase(column.en()) || header.equals(column.zh())) {
                        found.put(cell.getColumnIndex(), column);
                    }
                }
            }
        }
        for (Column column : spec.columns()) {
            if (column.required() && !found.containsValue(column)) {
                problems.add(new ImportProblem(sheet.getSheetName(), 2, "(" + column.label() + ")",
                        "the required column is missing; headers are in rows 1 (中文) and 2 (English)"));
            }
        }
        return new java.util.TreeMap<>(found);
    }

    /** The canonical text of a cell for its column, or null when empty. */
    static String value(Cell cell, Column column) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.FORMULA) {
            throw new IllegalArgumentException("is a formula; paste the value instead");
        }
        if (cell.getCellType() == CellType.ERROR) {
            throw new IllegalArgumentException("holds an error value");
        }
        return switch (column.type()) {
            case TEXT -> text(cell, column);
            case DECIMAL -> org.pilotline.platform.quantity.Decimals.plain(decimal(cell)).toPlainString();
            case INTEGER -> integer(cell);
            case DATE -> date(cell).toString();
            case BOOLEAN -> bool(cell);
        };
    }

    private static String text(Cell cell, Column column) {
        String text = switch (cell.getCellType()) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> Formulas.unescape(cell.getStringCellValue().trim());
        };
        if (text.isEmpty()) {
            return null;
        }
        if (!column.choices().isEmpty()) {
            String upper = text.toUpperCase(Locale.ROOT).replace(' ', '_');
            if (!column.choices().contains(upper)) {
                throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ", column.choices()));
            }
            return upper;
        }
        return text;
    }

    private static BigDecimal decimal(Cell cell) {
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue());
        }
        String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : FORMATTER.formatCellValue(cell);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    private static String integer(Cell cell) {
        BigDecimal value = decimal(cell);
        try {
            return String.valueOf(value.intValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + value.toPlainString() + "' is not a whole number");
        }
    }

    private static LocalDate date(Cell cell) {
        if (cell.getCellType() == CellType.NUMERIC) {
            if (!DateUtil.isCellDateFormatted(cell) && cell.getNumericCellValue() < 1) {
                throw new IllegalArgumentException("is not a date");
            }
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String text = FORMATTER.formatCellValue(cell).trim().replace('/', '-');
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (write it as 2026-01-31)");
        }
    }

    private static String bool(Cell cell) {
        if (cell.getCellType() == CellType.BOOLEAN) {
            return String.valueOf(cell.getBooleanCellValue());
        }
        String text = FORMATTER.formatCellValue(cell).trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(text)) {
            return "true";
        }
        if (FALSE.contains(text)) {
            return "false";
        }
        throw new IllegalArgumentException("'" + text + "' is not yes/no (是/否)");
    }
}
