package org.pilotline.kpi.bureau;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pilotline.kpi.indicator.Kpi;
import org.pilotline.kpi.time.TimeElement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The monthly report as an .xlsx (Apache POI). Every sheet has two header rows, zh-CN first, then en; numbers are
 * numeric cells (KPIs are rounded to at most four places, time elements are whole seconds, so a double holds them
 * exactly), an empty cell where a KPI has no value. Sheets: the KPIs as filed, the time elements as filed, the
 * differences late data made since, and the KPI definitions.
 */
public final class SnapshotWorkbook {

    public static final String KPIS = "KPI 指标";
    public static final String TIME = "时间要素 Time elements";
    public static final String DIFFERENCES = "差异 Differences";
    public static final String DEFINITIONS = "指标定义 Definitions";

    private static final String[] ZH = {"企业代码", "企业名称", "行业", "制造类型", "归档时间"};
    private static final String[] EN = {"Enterprise", "Name", "Industry", "Manufacturing type", "Filed at"};

    private SnapshotWorkbook() {
    }

    public static byte[] write(SnapshotViews.Report report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            List<String> kpiZh = new ArrayList<>();
            List<String> kpiEn = new ArrayList<>();
            for (Kpi k : Kpi.values()) {
                kpiZh.add(k.nameZh + " (" + k.unit + ")");
                kpiEn.add(k.nameEn + " (" + k.unit + ")");
            }
            figures(book.createSheet(KPIS), bold, report, kpiZh, kpiEn, e -> values(e.kpis(), false));
            List<String> timeZh = new ArrayList<>();
            List<String> timeEn = new ArrayList<>();
            for (TimeElement t : TimeElement.values()) {
                timeZh.add(t.nameZh + " " + t.name() + " (s)");
                timeEn.add(t.nameEn + " " + t.name() + " (s)");
            }
            figures(book.createSheet(TIME), bold, report, timeZh, timeEn, e -> values(e.timeElements(), false));
            figures(book.createSheet(DIFFERENCES), bold, report, kpiZh, kpiEn, e -> values(e.kpis(), true));
            definitions(book.createSheet(DEFINITIONS), bold);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<BigDecimal> values(List<SnapshotViews.Compared> compared, boolean difference) {
        return compared.stream().map(c -> difference ? c.difference() : c.filed()).toList();
    }

    private static void figures(Sheet sheet, CellStyle bold, SnapshotViews.Report report, List<String> zh,
                                List<String> en, Function<SnapshotViews.EnterpriseSnapshot, List<BigDecimal>> values) {
        header(sheet.createRow(0), bold, ZH, zh);
        header(sheet.createRow(1), bold, EN, en);
        int r = 2;
        for (SnapshotViews.EnterpriseSnapshot e : report.enterprises()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(e.code());
            row.createCell(1).setCellValue(e.name());
            row.createCell(2).setCellValue(e.industry());
            row.createCell(3).setCellValue(e.manufacturingType());
            row.createCell(4).setCellValue(e.filedAt().toString());
            int c = ZH.length;
            for (BigDecimal v : values.apply(e)) {
                Cell cell = row.createCell(c++);
                if (v != null) {
                    cell.setCellValue(v.doubleValue());
                }
            }
        }
        sheet.createFreezePane(ZH.length, 2);
    }

    private static void header(Row row, CellStyle bold, String[] fixed, List<String> more) {
        int c = 0;
        for (String text : fixed) {
            cell(row, c++, text, bold);
        }
        for (String text : more) {
            cell(row, c++, text, bold);
        }
    }

    private static void definitions(Sheet sheet, CellStyle bold) {
        header(sheet.createRow(0), bold, new String[]{"代码", "中文名称", "英文名称", "定义", "公式", "单位", "优方向"},
                List.of());
        header(sheet.createRow(1), bold, new String[]{"Code", "Name (zh-CN)", "Name (en)", "Definition", "Formula",
                "Unit", "Good direction"}, List.of());
        int r = 2;
        for (Kpi k : Kpi.values()) {
            Row row = sheet.createRow(r++);
            String[] cells = {k.name(), k.nameZh, k.nameEn, k.definition, k.formula, k.unit, k.goodDirection.name()};
            for (int c = 0; c < cells.length; c++) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }
}
