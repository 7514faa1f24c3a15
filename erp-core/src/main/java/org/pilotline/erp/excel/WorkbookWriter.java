package org.pilotline.erp.excel;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes master-data sheets: Chinese headers in row 1, English in row 2, values from row 3; drop-down lists for
 * columns with choices; text that looks like a formula is escaped.
 */
public final class WorkbookWriter {

    static final int VALIDATED_ROWS = 5_000;

    private WorkbookWriter() {
    }

    /** A workbook with these sheets in this order (an empty list of rows makes a template sheet). */
    public static byte[] write(Map<SheetSpec, List<Row>> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = headerStyle(workbook);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (Map.Entry<SheetSpec, List<Row>> entry : sheets.entrySet()) {
                SheetSpec spec = entry.getKey();
                XSSFSheet sheet = workbook.createSheet(spec.name());
                var zh = sheet.createRow(0);
                var en = sheet.createRow(1);
                for (int c = 0; c < spec.columns().size(); c++) {
                    Column column = spec.columns().get(c);
                    cell(zh.createCell(c), column.zh() + (column.required() ? " *" : ""), header);
                    cell(en.createCell(c), column.en(), header);
                    sheet.setColumnWidth(c, Math.max(12, Math.min(40, column.en().length() + 4)) * 256);
                    if (!column.choices().isEmpty() || column.type() == Column.Type.BOOLEAN) {
                        dropDown(sheet, c, column.type() == Column.Type.BOOLEAN ? List.of("true", "false") : column.choices());
                    }
                }
                sheet.createFreezePane(0, SheetSpec.FIRST_DATA_ROW - 1);
                int r = SheetSpec.FIRST_DATA_ROW - 1;
                for (Row row : entry.getValue()) {
                    var line = sheet.createRow(r++);
                    for (int c = 0; c < spec.columns().size(); c++) {
                        Column column = spec.columns().get(c);
                        String value = row.text(column.key());
                        if (value != null) {
                            write(line.createCell(c), column, value, date);
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Column column, String value, CellStyle date) {
        switch (column.type()) {
            case DECIMAL, INTEGER -> cell.setCellValue(new BigDecimal(value).doubleValue());
            case DATE -> {
                cell.setCellValue(LocalDate.parse(value));
                cell.setCellStyle(date);
            }
            case BOOLEAN -> cell.setCellValue(Boolean.parseBoolean(value));
            case TEXT -> cell.setCellValue(Formulas.escape(value));
        }
    }

    private static void cell(Cell cell, String text, CellStyle style) {
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void dropDown(XSSFSheet sheet, int column, List<String> choices) {
        var helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createExplicitListConstraint(choices.toArray(String[]::new));
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(SheetSpec.FIRST_DATA_ROW - 1, VALIDATED_ROWS, column, column));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }
}
