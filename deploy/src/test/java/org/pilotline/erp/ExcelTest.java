package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.testing.MasterData.operation;

@QuarkusTest
class ExcelTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static MasterData shared;

    /** One enterprise for the tests that need no data of their own (created in a test: see ProductStructureTest). */
    private static MasterData shared() {
        if (shared == null) {
            shared = new MasterData(TestEnterprise.create());
        }
        return shared;
    }

    @Test
    void theTemplateHasChineseAndEnglishHeadersForEverySheet() throws IOException {
        MasterData data = shared();
        try (Workbook template = workbook(data.planner().accept(XLSX).get("/api/excel/template").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray())) {
            List<String> names = new ArrayList<>();
            template.forEach(sheet -> names.add(sheet.getSheetName()));
            assertEquals(List.of("Items 物料", "Work centers 工作中心", "BOM lines BOM明细", "Recipes 配方",
                    "Routings 工艺路线", "Opening stock 期初库存"), names);
            Sheet items = template.getSheet("Items 物料");
            assertEquals("物料编码 *", items.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Item code", items.getRow(1).getCell(0).getStringCellValue());
        }
    }

    @Test
    void anExportReimportsUnchangedAndIntoAnotherEnterpriseIdentically() throws IOException {
        MasterData a = new MasterData(TestEnterprise.create());
        long wc1 = a.workCenter("WC1", "60");
        long wc2 = a.workCenter("WC2", "90");
        long steel = a.item("STEEL").unit("kg").cost("6.5").with("tracking", "LOT").create();
        long bolt = a.item("BOLT").cost("0.12").with("lotSizing", "MIN_MAX_MULTIPLE").with("lotSizeMinimum", "500")
                .with("lotSizeMultiple", "100").with("safetyStock", "200").create();
        long sub = a.item("SUB").made().with("leadTimeDays", 2).create();
        long top = a.item("TOP").made().with("type", "FINISHED").with("name", "=HYPERLINK(\"http://evil\")").create();
        a.bom(sub).line(steel, "1.25", "0.04", false).line(bolt, "4").create();
        a.bom(top).base("10").line(sub, "10", "0", true).line(bolt, "20").create();
        a.routing(top, Map.of("operationNo", 10, "name", "assemble", "workCenterId", wc1, "setupMinutes", "15",
                "runMinutes", "2.5", "transferQuantity", "5", "alternatives",
                List.of(Map.of("workCenterId", wc2, "runMinutes", "3.25", "setupMinutes", "20"))), operation(20, wc2, "0", "1"));
        long base = a.item("BASE").unit("kg").cost("3").create();
        long paste = a.item("PASTE").made().unit("kg").create();
        long husk = a.item("HUSK").made().unit("kg").create();
        a.planner().body(Map.of("itemId", paste, "revision", "R1", "batchSize", "100", "expectedYield", "0.9",
                "costAllocation", "0.8", "validFrom", "2026-01-01", "validTo", "2027-01-01",
                "ingredients", List.of(Map.of("itemId", base, "quantity", "120")),
                "outputs", List.of(Map.of("itemId", husk, "kind", "CO_PRODUCT", "quantity", "8", "costAllocation", "0.2"))))
                .post("/api/recipes").then().statusCode(201);
        long location = a.location(a.warehouse("WH"), "A-01");
        a.planner().body(Map.of("type", "RECEIPT", "reason", "OPENING_BALANCE", "itemId", steel, "quantity", "12.5",
                "toLocationId", location, "lotNumber", "H-77", "lotExpiresOn", "2027-06-30")).post("/api/stock/moves").then().statusCode(201);
        a.planner().body(Map.of("type", "RECEIPT", "reason", "OPENING_BALANCE", "itemId", bolt, "quantity", "900",
                "toLocationId", location)).post("/api/stock/moves").then().statusCode(201);

        byte[] exported = a.planner().accept(XLSX).get("/api/excel/export").then().statusCode(200).extract().asByteArray();
        // a formula-like value leaves with an apostrophe in front
        try (Workbook book = workbook(exported)) {
            assertTrue(cells(book.getSheet("Items 物料")).stream().anyMatch(row -> row.contains("'=HYPERLINK(\"http://evil\")")));
        }

        // into the same enterprise: nothing changes
        Response again = importWorkbook(a, exported, false);
        again.then().statusCode(200).body("applied", is(true))
                .body("sheets.created", everyItem(is(0))).body("sheets.updated", everyItem(is(0)));
        a.planner().queryParam("itemId", steel).get("/api/stock/moves").then().body("total", is(1));

        // into a fresh enterprise: exporting from there gives the same workbook
        MasterData b = new MasterData(TestEnterprise.create());
        importWorkbook(b, exported, false).then().statusCode(200).body("applied", is(true));
        byte[] reexported = b.planner().accept(XLSX).get("/api/excel/export").then().statusCode(200).extract().asByteArray();
        try (Workbook first = workbook(exported); Workbook second = workbook(reexported)) {
            for (Sheet sheet : first) {
                assertEquals(cells(sheet), cells(second.getSheet(sheet.getSheetName())), sheet.getSheetName());
            }
        }
        b.planner().get("/api/items?q=" + a.code("TOP")).then().body("items[0].name", is("=HYPERLINK(\"http://evil\")"));
    }

    @Test
    void aWorkbookWithFiveKindsOfBadRowsReportsAllOfThemAndWritesNothing() throws IOException {
        MasterData data = shared();
        String prefix = data.code("X");
        byte[] bad = itemsWorkbook(List.of(
                List.of(prefix + "1", "good row", "RAW", "BUY", "pcs", "1"),
                List.of(prefix + "2", "", "RAW", "BUY", "pcs", "1"),            // row 4: missing name
                List.of(prefix + "3", "lead time", "RAW", "BUY", "pcs", "abc"), // row 5: not a number
                List.of(prefix + "4", "unit", "RAW", "BUY", "pcx", "1"),        // row 6: unknown unit
                List.of(prefix + "5", "type", "FLYING", "BUY", "pcs", "1"),     // row 7: not a choice
                List.of(prefix + "1", "twice", "RAW", "BUY", "pcs", "1")));     // row 8: duplicate code
        Response response = importWorkbook(data, bad, false);
        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("import-invalid"))
                .body("problems.row", hasItems(4, 5, 6, 7, 8))
                .body("problems.find { it.row == 4 }.column", containsString("Name"))
                .body("problems.find { it.row == 5 }.reason", containsString("not a number"))
                .body("problems.find { it.row == 6 }.reason", containsString("pcx"))
                .body("problems.find { it.row == 7 }.reason", containsString("FLYING"))
                .body("problems.find { it.row == 8 }.reason", containsString("row 3"))
                .body("problems.sheet", everyItem(is("Items 物料")));
        assertEquals(5, response.<List<Object>>path("problems").size());
        data.planner().queryParam("q", prefix).get("/api/items").then().body("total", is(0));
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() throws IOException {
        MasterData data = shared();
        String code = data.code("DRY");
        importWorkbook(data, itemsWorkbook(List.of(List.of(code, "dry", "RAW", "BUY", "pcs", "3"))), true)
                .then().statusCode(200).body("dryRun", is(true)).body("applied", is(false))
                .body("sheets[0].created", is(1));
        data.planner().queryParam("q", code).get("/api/items").then().body("total", is(0));
        importWorkbook(data, itemsWorkbook(List.of(List.of(code, "dry", "RAW", "BUY", "pcs", "3"))), false)
                .then().statusCode(200).body("applied", is(true));
        data.planner().queryParam("q", code).get("/api/items").then().body("total", is(1));
    }

    @Test
    void aBomCycleInAWorkbookIsReportedByRowAndNothingIsKept() throws IOException {
        MasterData data = shared();
        long a = data.made("CA");
        long b = data.made("CB");
        data.bom(a).line(b, "1").create();
        byte[] workbook = sheet("BOM lines BOM明细", List.of("Parent item", "Revision", "Valid from", "Line no", "Component", "Quantity"),
                List.of(List.of(data.code("CB"), "A", "2020-01-01", "10", data.code("CA"), "1")));
        importWorkbook(data, workbook, false).then().statusCode(422)
                .body("problems[0].row", is(3)).body("problems[0].reason", containsString("→"));
        data.planner().queryParam("itemId", b).get("/api/boms").then().body("total", is(0));
    }

    @Test
    void aZipBombIsRefusedWith4xx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
        }
        MasterData data = shared();
        importWorkbook(data, bytes.toByteArray(), false).then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("zip-bomb"));
    }

    @Test
    void aWorkbookWithAnExternalEntityIsRefusedWith4xx() throws IOException {
        MasterData data = shared();
        byte[] template = data.planner().accept(XLSX).get("/api/excel/template?sheets=items").then().statusCode(200).extract().asByteArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/workbook.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8).replaceFirst("\\?>",
                            "?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
            }
        }
        importWorkbook(data, bytes.toByteArray(), false).then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("unsafe-workbook"));
    }

    @Test
    void somethingThatIsNotAWorkbookIsRefusedWith400() {
        MasterData data = shared();
        importWorkbook(data, "item,name\nA,B".getBytes(StandardCharsets.UTF_8), false).then().statusCode(400)
                .body("type", containsString("not-a-workbook"));
    }

    private static Response importWorkbook(MasterData data, byte[] workbook, boolean dryRun) {
        return data.planner().contentType(XLSX).body(workbook).queryParam("dryRun", dryRun).post("/api/excel/import");
    }

    private static byte[] itemsWorkbook(List<List<String>> rows) throws IOException {
        return sheet("Items 物料", List.of("Item code", "Name", "Type", "Make or buy", "Stock unit", "Lead time (working days)"), rows);
    }

    /** A one-sheet workbook with English headers in row 2 and text cells, as a person might type it. */
    private static byte[] sheet(String name, List<String> headers, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(name);
            sheet.createRow(0);
            var header = sheet.createRow(1);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 2);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Workbook workbook(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** Every row of a sheet as the texts Excel would show. */
    private static List<List<String>> cells(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (var row : sheet) {
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                texts.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            rows.add(texts);
        }
        return rows;
    }
}
