package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.util.Map;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class UnitsTest {

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
    void aNewEnterpriseStartsWithTheCommonUnitsAndTheirRatios() {
        data.planner().queryParam("size", 100).get("/api/units").then().statusCode(200)
                .body("items.code", hasItems("pcs", "kg", "g", "t", "m", "L", "h", "min", "box"));
        data.planner().queryParam("quantity", "1.5").queryParam("from", data.unit("t")).queryParam("to", data.unit("g"))
                .get("/api/units/convert").then().statusCode(200).body("result", is(1500000));
    }

    @Test
    void anItemsOwnConversionRoundTrips() {
        long bolts = data.bought("BOLT", "0.2");
        data.planner().body(Map.of("itemId", bolts, "fromUnitId", data.unit("box"), "toUnitId", data.unit("pcs"),
                "fromQuantity", "1", "toQuantity", "12")).post("/api/unit-conversions").then().statusCode(201);
        for (String pieces : new String[]{"1", "5", "7", "13", "144"}) {
            String boxes = data.planner().queryParam("quantity", pieces).queryParam("from", data.unit("pcs"))
                    .queryParam("to", data.unit("box")).queryParam("itemId", bolts).get("/api/units/convert")
                    .then().statusCode(200).extract().jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                            .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                    .getString("result");
            String back = data.planner().queryParam("quantity", boxes).queryParam("from", data.unit("box"))
                    .queryParam("to", data.unit("pcs")).queryParam("itemId", bolts).get("/api/units/convert")
                    .then().statusCode(200).extract().jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                            .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                    .getString("result");
            assertEquals(0, new BigDecimal(pieces).compareTo(new BigDecimal(back).setScale(6, java.math.RoundingMode.HALF_UP)),
                    pieces + " pcs → " + boxes + " box → " + back + " pcs");
        }
        // another item has no such conversion
        long nuts = data.bought("NUT", "0.1");
        data.planner().queryParam("quantity", "1").queryParam("from", data.unit("box")).queryParam("to", data.unit("pcs"))
                .queryParam("itemId", nuts).get("/api/units/convert").then().statusCode(400)
                .body("errors[0].field", is("to"));
    }

    @Test
    void aConversionAcrossDimensionsMustNameItsItem() {
        data.planner().body(Map.of("fromUnitId", data.unit("box"), "toUnitId", data.unit("kg"),
                        "fromQuantity", "1", "toQuantity", "3")).post("/api/unit-conversions")
                .then().statusCode(400).body("errors[0].field", is("itemId"));
    }

    @jakarta.inject.Inject
    org.pilotline.erp.unit.UnitService units;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void anEnterpriseLeftWithoutItsUnitsByACrashGetsThemAtTheNextStart() throws Exception {
        TestEnterprise enterprise = TestEnterprise.create();
        enterprise.as("planner").get("/api/units").then().statusCode(200).body("items.code", hasItems("pcs", "kg"));
        // as if the process had stopped between the registration's commit and the units' own transaction
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("delete from unit_conversion where tenant_id = '" + enterprise.code + "'");
            s.executeUpdate("delete from unit where tenant_id = '" + enterprise.code + "'");
        }
        enterprise.as("planner").get("/api/units").then().statusCode(200).body("total", is(0));
        assertEquals(java.util.List.of(enterprise.code), units.seedMissingStandardUnits().stream()
                .filter(enterprise.code::equals).toList());
        enterprise.as("planner").get("/api/units").then().statusCode(200).body("items.code", hasItems("pcs", "kg"));
        assertEquals(java.util.List.of(), units.seedMissingStandardUnits(), "nothing left to seed");
    }
}
