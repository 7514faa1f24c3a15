package org.pilotline.erp.excel;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pilotline.platform.problem.DomainException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing (Jazzer) of the Excel importer's reading: a real workbook whose master-data rows hold
 * arbitrary cells (text, odd Unicode, numbers of any size, dates, booleans, formulas, errors, date-formatted numbers)
 * is read into rows and problems that name each bad cell — never refused whole, never an unexpected exception; and
 * bytes that are no workbook (noise, a damaged one) are a typed refusal. The surefire configuration of this module
 * sets {@code JAZZER_FUZZ=1}, so the fuzz test runs for its {@code maxDuration} (without it, it replays its inputs).
 */
class WorkbookReaderFuzzTest {

    private static final List<SheetSpec> SHEETS = SheetSpec.ALL;

    @FuzzTest(maxDuration = "25s")
    void everyCellOfARealWorkbookIsReadOrNamedAsAProblem(FuzzedDataProvider data) throws IOException {
        SheetSpec spec = SHEETS.get(data.consumeInt(0, SHEETS.size() - 1));
        byte[] upload;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(spec.name());
            org.apache.poi.ss.usermodel.Row zh = sheet.createRow(0);
            org.apache.poi.ss.usermodel.Row en = sheet.createRow(1);
            for (int c = 0; c < spec.columns().size(); c++) {
                zh.createCell(c).setCellValue(spec.columns().get(c).zh());
                en.createCell(c).setCellValue(spec.columns().get(c).en());
            }
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            int rows = data.consumeInt(1, 4);
            for (int r = 0; r < rows; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(2 + r);
                for (int c = 0; c < spec.columns().size(); c++) {
                    fill(row.createCell(c), data, dateStyle);
                }
            }
            workbook.write(out);
            upload = out.toByteArray();
        } catch (RuntimeException e) {
            return; // POI itself refuses to write such a cell (a formula it cannot parse): no workbook to read
        }

        List<WorkbookReader.ParsedSheet> sheets = WorkbookReader.read(upload);

        assertEquals(1, sheets.size());
        WorkbookReader.ParsedSheet read = sheets.get(0);
        for (ImportProblem problem : read.problems()) {
            assertTrue(problem.row() >= 3, problem.toString());
            assertFalse(problem.column().isEmpty(), problem.toString());
            assertNotNull(problem.reason());
        }
        for (Row row : read.rows()) {
            assertTrue(row.number() >= 3);
        }
    }

    @Test
    void bytesThatAreNoWorkbookAreATypedRefusal() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook w = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            w.createSheet(SheetSpec.ITEMS.name());
            w.write(out);
            workbook = out.toByteArray();
        }
        java.util.Random random = new java.util.Random(42);
        List<byte[]> uploads = new java.util.ArrayList<>(List.of(new byte[0], "PK".getBytes(), "<!DOCTYPE x>".getBytes(),
                java.util.Arrays.copyOf(workbook, workbook.length / 2)));
        for (int i = 0; i < 50; i++) {
            byte[] flipped = workbook.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
            uploads.add(flipped);
            byte[] noise = new byte[random.nextInt(4096)];
            random.nextBytes(noise);
            uploads.add(noise);
        }
        for (byte[] upload : uploads) {
            try {
                assertNotNull(WorkbookReader.read(upload));
            } catch (DomainException refused) {
                assertTrue(refused.kind().status() >= 400 && refused.kind().status() < 500, refused.type());
            }
        }
    }

    private static void fill(Cell cell, FuzzedDataProvider data, CellStyle dateStyle) {
        switch (data.consumeInt(0, 9)) {
            case 0 -> cell.setCellValue(data.consumeString(40));
            case 1 -> cell.setCellValue(data.consumeDouble());
            case 2 -> cell.setCellValue(data.consumeLong());
            case 3 -> cell.setCellValue(data.consumeBoolean());
            case 4 -> {
                cell.setCellValue(data.consumeDouble());
                cell.setCellStyle(dateStyle);
            }
            case 5 -> cell.setCellValue(data.pickValue(List.of("RAW", "make", "Buy", "lot", "是", "否", "yes", "2026/01/31",
                    "2026-02-30", "1e400", "-0", "NaN", "  ", "=1+1", "'=cmd", "\u202Epcs", "😀", "\u0000")));
            case 6 -> cell.setCellFormula(data.pickValue(List.of("1+1", "A1", "SUM(A1:A3)", "1/0", "NOW()")));
            case 7 -> cell.setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
            case 8 -> cell.setCellValue(data.consumeInt());
            default -> cell.setBlank();
        }
    }
}
