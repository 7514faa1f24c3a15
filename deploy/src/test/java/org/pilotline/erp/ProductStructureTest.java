package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.testing.MasterData.operation;

@QuarkusTest
class ProductStructureTest {

    private static MasterData data;

    /** Lazily, in the first test: Quarkus points REST Assured at the application only before each test. */
    @BeforeEach
    void enterprise() {
        if (data != null) {
            return;
        }
        data = new MasterData(TestEnterprise.create());
    }

    @Test
    void aBomCycleIsRefusedNamingTheCycle() {
        long a = data.made("CYC-A");
        long b = data.made("CYC-B");
        long c = data.made("CYC-C");
        data.bom(a).line(b, "1").create();
        data.bom(b).line(c, "2").create();
        data.planner().body(data.bom(c).line(a, "1").body()).post("/api/boms").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("structure-cycle"))
                .body("detail", containsString(data.code("CYC-C") + " → " + data.code("CYC-A") + " → "
                        + data.code("CYC-B") + " → " + data.code("CYC-C")));
        data.planner().queryParam("itemId", c).get("/api/boms").then().body("total", is(0));
    }

    @Test
    void effectivityPicksTheRightRevisionForADate() {
        long e = data.made("EFF");
        long x = data.bought("EFF-X", "1");
        long y = data.bought("EFF-Y", "2");
        data.bom(e).revision("A", "2026-01-01", "2026-07-01").line(x, "1").create();
        data.bom(e).revision("B", "2026-07-01", null).line(y, "1").create();
        data.planner().queryParam("date", "2026-06-30").get("/api/items/" + e + "/explosion").then()
                .statusCode(200).body("code", contains(data.code("EFF-X")));
        data.planner().queryParam("date", "2026-07-01").get("/api/items/" + e + "/explosion").then()
                .body("code", contains(data.code("EFF-Y")));
        // a third revision overlapping B is refused
        data.planner().body(data.bom(e).revision("C", "2026-12-01", null).line(x, "1").body()).post("/api/boms")
                .then().statusCode(409).body("type", containsString("overlapping-revision"));
    }

    /**
     * F (base quantity 2) ← 3 S2 + 1 R2 and 10 min on WC1 (1.00/min)
     * S2 ← 1 P (phantom) + 2 S3 (2 % scrap) and 60 min setup over 20 + 2 min run on WC2 (2.00/min)
     * P  ← 2 R1 + 1 R2 (10 % scrap), no routing
     * S3 ← 4 R1 (5 % scrap) and 30 min setup over 10 + 1.5 min run on WC1
     * R1 costs 2.00, R2 5.00.
     * By hand: P = 2×2 + 1.1×5 = 9.5; S3 = 4.2×2 + (3 + 1.5)×1 = 12.9;
     * S2 = 9.5 + 2.04×12.9 + (3 + 2)×2 = 45.816; F = 1.5×45.816 + 0.5×5 + 10×1 = 81.224.
     */
    @Test
    void costRollUpOverFourLevelsWithScrapAndAPhantomMatchesTheHandComputedFigure() {
        long wc1 = data.workCenter("WC1", "60");
        long wc2 = data.workCenter("WC2", "120");
        long r1 = data.bought("R1", "2");
        long r2 = data.bought("R2", "5");
        long p = data.made("P");
        long s3 = data.item("S3").made().lotSize("10").create();
        long s2 = data.item("S2").made().lotSize("20").create();
        long f = data.item("F").made().with("type", "FINISHED").create();
        data.bom(p).line(r1, "2").line(r2, "1", "0.1", false).create();
        data.bom(s3).line(r1, "4", "0.05", false).create();
        data.bom(s2).line(p, "1", "0", true).line(s3, "2", "0.02", false).create();
        data.bom(f).base("2").line(s2, "3").line(r2, "1").create();
        data.routing(s3, operation(10, wc1, "30", "1.5"));
        data.routing(s2, operation(10, wc2, "60", "2"));
        data.routing(f, operation(10, wc1, "0", "10"));

        var cost = data.planner().get("/api/items/" + f + "/cost-rollup").then().statusCode(200).extract();
        assertEquals(0, new BigDecimal("81.224").compareTo(Api.decimal(cost, "unitCost")));
        assertEquals(0, new BigDecimal("10").compareTo(Api.decimal(cost, "operations")));
        assertEquals(0, new BigDecimal("45.816").compareTo(Api.decimal(data.planner().get("/api/items/" + s2 + "/cost-rollup")
                .then().extract(), "unitCost")));

        // the indented explosion for 2 F shows every level, phantoms included, with scrap extended down the path
        List<Map<String, Object>> rows = data.planner().queryParam("quantity", "2").get("/api/items/" + f + "/explosion")
                .then().statusCode(200).extract().path("");
        assertEquals(List.of("1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "2"), rows.stream().map(r -> r.get("path")).toList());
        assertEquals(List.of(1, 2, 3, 3, 2, 3, 1), rows.stream().map(r -> r.get("level")).toList());
        assertEquals(true, rows.get(1).get("phantom"));
        // 2 F → 3 S2 → 6.12 S3 → 25.704 R1
        assertEquals(0, new BigDecimal("25.704").compareTo(Api.decimal(data.planner().queryParam("quantity", "2")
                .get("/api/items/" + f + "/explosion").then().extract(), "[5].extendedQuantity")));

        // where-used, every level up from R1
        data.planner().queryParam("multiLevel", true).get("/api/items/" + r1 + "/where-used").then().statusCode(200)
                .body("parentCode", org.hamcrest.Matchers.hasItems(data.code("P"), data.code("S3"), data.code("S2"), data.code("F")));
    }

    @Test
    void aRecipeCostsLikeABomAndItsCoProductCarriesItsShare() {
        long flour = data.item("FLOUR").unit("kg").cost("4").create();
        long main = data.item("PASTE").made().unit("kg").create();
        long bran = data.item("BRAN").made().unit("kg").create();
        // 100 kg batch at 80 % yield: 125 kg flour (500.00) → 80 kg paste carrying 75 %, 20 kg bran carrying 25 %
        data.planner().body(Map.of("itemId", main, "revision", "R1", "batchSize", "100", "expectedYield", "0.8",
                        "costAllocation", "0.75", "validFrom", "2020-01-01",
                        "ingredients", List.of(Map.of("itemId", flour, "quantity", "125")),
                        "outputs", List.of(Map.of("itemId", bran, "kind", "CO_PRODUCT", "quantity", "20", "costAllocation", "0.25"))))
                .post("/api/recipes").then().statusCode(201);
        assertEquals(0, new BigDecimal("4.6875").compareTo(Api.decimal(data.planner().get("/api/items/" + main + "/cost-rollup")
                .then().extract(), "unitCost")));
        assertEquals(0, new BigDecimal("6.25").compareTo(Api.decimal(data.planner().get("/api/items/" + bran + "/cost-rollup")
                .then().extract(), "unitCost")));
        // the recipe explodes like a BOM: 1.5625 kg flour per kg of paste
        data.planner().get("/api/items/" + main + "/explosion").then().body("[0].quantityPer", is(1.5625f));
    }

    @Test
    void recipeAllocationsMustAddUpToOne() {
        long in = data.item("IN").unit("kg").create();
        long main = data.item("MAIN").made().unit("kg").create();
        long co = data.item("CO").made().unit("kg").create();
        data.planner().body(Map.of("itemId", main, "revision", "R1", "batchSize", "10", "costAllocation", "0.9",
                        "validFrom", "2020-01-01", "ingredients", List.of(Map.of("itemId", in, "quantity", "10")),
                        "outputs", List.of(Map.of("itemId", co, "kind", "CO_PRODUCT", "quantity", "1", "costAllocation", "0.2"))))
                .post("/api/recipes").then().statusCode(400).body("errors[0].field", is("costAllocation"));
    }

    @Test
    void aBomLineInAUnitWithoutConversionIsRefusedNamingTheLine() {
        long parent = data.made("UNIT-P");
        long screw = data.bought("SCREW", "0.1");
        data.planner().body(Map.of("itemId", parent, "revision", "A", "validFrom", "2020-01-01",
                        "lines", List.of(Map.of("componentId", screw, "quantity", "1", "unitId", data.unit("kg")))))
                .post("/api/boms").then().statusCode(400).body("errors[0].field", is("lines[0].unitId"));
    }

    @Test
    void aReplacedRevisionKeepsItsOwnPeriodWhileTheOtherKindCannotOverlapIt() {
        long item = data.made("REV");
        long x = data.bought("REV-X", "1");
        long y = data.bought("REV-Y", "1");
        long bom = data.bom(item).revision("A", "2026-01-01", "2026-07-01").line(x, "1").create();
        Map<String, Object> replacement = new HashMap<>(data.bom(item).revision("A", "2026-01-01", "2026-07-01")
                .line(y, "2").body());
        replacement.put("version", data.planner().get("/api/boms/" + bom).then().extract().path("version"));
        data.planner().body(replacement).put("/api/boms/" + bom).then().statusCode(200)
                .body("lines.componentCode", contains(data.code("REV-Y")));
        data.planner().body(replacement).put("/api/boms/" + bom).then().statusCode(409);

        Map<String, Object> recipe = new HashMap<>(Map.of("itemId", item, "revision", "R1", "batchSize", "10",
                "validFrom", "2026-06-01", "ingredients", List.of(Map.of("itemId", x, "quantity", "10"))));
        data.planner().body(recipe).post("/api/recipes").then().statusCode(409)
                .body("type", containsString("overlapping-revision")).body("detail", containsString("BOM A"));
        recipe.put("validFrom", "2026-07-01");
        int created = data.planner().body(recipe).post("/api/recipes").then().statusCode(201).extract().path("id");
        recipe.put("version", data.planner().get("/api/recipes/" + created).then().extract().path("version"));
        data.planner().body(recipe).put("/api/recipes/" + created).then().statusCode(200)
                .body("validFrom", is("2026-07-01"));
        data.planner().queryParam("itemId", item).get("/api/recipes").then().body("total", is(1));
    }
}
