package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** A work center's parallelUnits and its work units cannot disagree: once it has work units, they decide. */
@QuarkusTest
class WorkCenterUnitsTest {

    private static MasterData data;

    @BeforeEach
    void enterprise() {
        if (data == null) {
            data = new MasterData(TestEnterprise.create());
        }
    }

    @Test
    void parallelUnitsFollowsTheActiveWorkUnitsAndAMismatchIsRefused() {
        long center = data.workCenter("PU", "60");
        // before any work unit exists, parallelUnits is the planned capacity as given
        data.planner().get("/api/work-centers/" + center).then().statusCode(200).body("parallelUnits", is(1));

        long first = data.workUnit(center, "PU-1");
        long second = data.workUnit(center, "PU-2");
        long third = data.workUnit(center, "PU-3");
        data.planner().get("/api/work-centers/" + center).then().body("parallelUnits", is(3));

        // saying something else is refused, naming the field, and nothing changes
        Map<String, Object> centerBody = centerBody(center, 2);
        data.planner().body(centerBody).put("/api/work-centers/" + center).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("parallel-units-follow-work-units"))
                .body("errors[0].field", is("parallelUnits"))
                .body("errors[0].message", containsString("3"));
        data.planner().get("/api/work-centers/" + center).then().body("parallelUnits", is(3));
        data.planner().body(centerBody(center, 3)).put("/api/work-centers/" + center).then().statusCode(200);

        // deactivating a unit and deleting one are followed
        int version = data.planner().get("/api/work-units/" + third).path("version");
        data.planner().body(Map.of("workCenterId", center, "code", code(third), "name", "PU-3", "active", false,
                "version", version)).put("/api/work-units/" + third).then().statusCode(200);
        data.planner().get("/api/work-centers/" + center).then().body("parallelUnits", is(2));
        data.planner().delete("/api/work-units/" + second).then().statusCode(204);
        data.planner().get("/api/work-centers/" + center).then().body("parallelUnits", is(1));
        data.planner().get("/api/work-units/" + first).then().statusCode(200);
    }

    private static String code(long unit) {
        return data.planner().get("/api/work-units/" + unit).path("code");
    }

    private static Map<String, Object> centerBody(long center, int parallelUnits) {
        var current = data.planner().get("/api/work-centers/" + center).then().extract();
        return Map.of("areaId", current.path("areaId"), "code", current.path("code"), "name", current.path("name"),
                "parallelUnits", parallelUnits, "hourlyRate", current.path("hourlyRate"),
                "version", current.path("version"));
    }
}
