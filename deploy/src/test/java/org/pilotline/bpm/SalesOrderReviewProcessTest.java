package org.pilotline.bpm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review of every sales order entered, end to end through REST on the real engine: approved at once when the
 * customer is within its credit limit and every item is available on its requested date; otherwise the planner
 * proposes a date (validated: a date, not in the past) that sales confirms with the customer — accepted, the order is
 * promised for it; declined, it is cancelled; over the credit limit a manager releases or rejects it. The review's
 * standing shows on the order; another enterprise sees none of it; an enterprise's own version takes precedence.
 */
@QuarkusTest
class SalesOrderReviewProcessTest {

    private static final String PATH = "/api/processes/sales-order-reviews";

    @Inject
    ManagementService management;

    private static MasterData data;
    private static TestEnterprise other;
    private static long location;
    private static long customer;
    private static int counter;

    @BeforeEach
    void masterData() {
        if (data != null) {
            return;
        }
        data = new MasterData(TestEnterprise.create());
        other = TestEnterprise.create();
        location = data.location(data.warehouse("WH"), "FG");
        customer = data.partner("CUST", true, false);
    }

    @Test
    void anOrderWithinCreditAndInStockIsApprovedAtOnceForItsRequestedDate() {
        long valve = stocked("100");
        LocalDate requested = later(20);
        var entered = data.planner().body(Map.of("customerId", customer, "lines", List.of(Map.of("itemId", valve,
                "quantity", "10", "unitPrice", "5", "date", requested.toString())))).post("/api/sales-orders").then()
                .statusCode(201).extract();
        long order = ((Number) entered.path("id")).longValue();
        int version = entered.path("version");

        review(order).body("status", is("APPROVED")).body("withinCreditLimit", is(true))
                .body("materialAvailable", is(true)).body("creditLimit", nullValue())
                .body("availability[0].itemId", is((int) valve)).body("availability[0].covered", is(true))
                .body("promisedDate", is(requested.toString()));
        data.planner().get("/api/sales-orders/" + order).then().statusCode(200).body("reviewStatus", is("APPROVED"))
                .body("promisedDate", is(requested.toString())).body("status", is("DRAFT"))
                // the review does not make a salesperson's copy of the order stale
                .body("version", is(version));
    }

    @Test
    void aShortItemWaitsForThePlannersDateWhichTheCustomerAccepts() {
        long valve = stocked("5");
        LocalDate requested = later(10);
        LocalDate supplied = later(25);
        long supplier = data.partner("SUP" + counter, false, true);
        long purchase = MasterData.id(data.planner().body(Map.of("supplierId", supplier, "lines", List.of(Map.of(
                "itemId", valve, "quantity", "20", "date", supplied.toString())))).post("/api/purchase-orders"));
        data.planner().post("/api/purchase-orders/" + purchase + "/release").then().statusCode(200);
        long order = salesOrder(customer, valve, "10", "5", requested);

        var review = review(order).body("status", is("DATE_PROPOSAL")).body("materialAvailable", is(false))
                .body("availability[0].covered", is(false)).body("availability[0].available", is(5))
                .body("availability[0].earliestDate", is(supplied.toString())).extract();
        String id = review.path("id");
        data.planner().get("/api/sales-orders/" + order).then().body("reviewStatus", is("DATE_PROPOSAL"))
                .body("promisedDate", nullValue());
        String propose = task("planner", id, "proposeDate");
        complete("planner", propose, Map.of(), 400).body("errors.field", hasItem("variables.proposedDate"));
        complete("planner", propose, Map.of("proposedDate", "next week"), 400)
                .body("errors.field", hasItem("variables.proposedDate"));
        complete("planner", propose, Map.of("proposedDate", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString()), 400)
                .body("errors[0].field", is("variables.proposedDate")).body("errors[0].message", containsString("today"));
        complete("planner", propose, Map.of("proposedDate", supplied.toString(), "proposalComment", "after MO"), 204);

        review(order).body("status", is("CUSTOMER_CONFIRMATION")).body("proposedDate", is(supplied.toString()));
        data.planner().get("/api/sales-orders/" + order).then().body("reviewStatus", is("CUSTOMER_CONFIRMATION"));
        complete("manager", task("manager", id, "confirmWithCustomer"), Map.of("customerAccepted", true), 204);

        review(order).body("status", is("APPROVED")).body("promisedDate", is(supplied.toString()));
        data.planner().get("/api/sales-orders/" + order).then().body("reviewStatus", is("APPROVED"))
                .body("promisedDate", is(supplied.toString()));
        journal(id).body("items.kind", hasItem("sales-order-review-checked"))
                .body("items.kind", hasItem("sales-order-approved"));
    }

    @Test
    void aCustomerWhoDeclinesTheProposedDateGetsTheOrderCancelled() {
        long valve = stocked("0");
        long order = salesOrder(customer, valve, "3", "5", later(5));
        String id = review(order).body("status", is("DATE_PROPOSAL")).extract().path("id");
        complete("planner", task("planner", id, "proposeDate"), Map.of("proposedDate", later(60).toString()), 204);
        complete("manager", task("manager", id, "confirmWithCustomer"),
                Map.of("customerAccepted", false, "customerComment", "too late"), 204);

        review(order).body("status", is("REJECTED"));
        data.planner().get("/api/sales-orders/" + order).then().body("status", is("CANCELLED"))
                .body("reviewStatus", is("REJECTED")).body("reviewNote", containsString("too late"));
    }

    @Test
    void anOrderOverTheCreditLimitWaitsForAManagersRelease() {
        long limited = MasterData.id(data.planner().body(Map.of("code", data.code("LIM" + (++counter)), "name", "limited",
                "customer", true, "supplier", false, "creditLimit", "100")).post("/api/partners"));
        data.planner().get("/api/partners/" + limited).then().body("creditLimit", is(100));
        long valve = stocked("100");
        long released = salesOrder(limited, valve, "10", "20", later(10));
        String id = review(released).body("status", is("CREDIT_HOLD")).body("withinCreditLimit", is(false))
                .body("creditLimit", is(100)).body("openOrderValue", is(200)).extract().path("id");
        data.planner().get("/api/sales-orders/" + released).then().body("reviewStatus", is("CREDIT_HOLD"));
        // the planner is not asked: releasing credit is the managers'
        data.enterprise().as("planner").get("/api/tasks").then().body("processInstanceId", not(hasItem(id)));
        complete("manager", task("manager", id, "releaseCredit"), Map.of("creditReleased", true), 204);
        review(released).body("status", is("APPROVED")).body("creditReleased", is(true));

        long refused = salesOrder(limited, valve, "1", "20", later(10));
        String second = review(refused).body("status", is("CREDIT_HOLD")).body("openOrderValue", is(220))
                .extract().path("id");
        complete("manager", task("manager", second, "releaseCredit"),
                Map.of("creditReleased", false, "creditComment", "overdue invoices"), 204);
        data.planner().get("/api/sales-orders/" + refused).then().body("status", is("CANCELLED"))
                .body("reviewStatus", is("REJECTED"));
    }

    @Test
    void aCustomerAnswerUnansweredForThreeWorkingDaysIsOfferedToTheAdministratorsToo() {
        ZoneId zone = ZoneId.of(Api.as("admin").get("/api/enterprises/" + data.enterprise().code).then()
                .extract().<String>path("timeZone"));
        // proposed on a Friday at 10:00 plant time: the answer is due on Wednesday at 10:00, the weekend does not count
        Instant friday = LocalDate.of(2027, 1, 8).atTime(10, 0).atZone(zone).toInstant();
        Instant wednesday = LocalDate.of(2027, 1, 13).atTime(10, 0).atZone(zone).toInstant();
        long order = salesOrder(customer, stocked("0"), "2", "5", later(5));
        String id = review(order).extract().path("id");
        ClockUtil.setCurrentTime(Date.from(friday));
        complete("planner", task("planner", id, "proposeDate"), Map.of("proposedDate", later(40).toString()), 204);
        String confirm = task("manager", id, "confirmWithCustomer");
        data.enterprise().as("manager").get("/api/tasks/" + confirm).then().body("due", is(wednesday.toString()));
        Job timer = management.createJobQuery().processInstanceId(id).timers().singleResult();
        assertEquals(wednesday, timer.getDuedate().toInstant());
        data.enterprise().as("admin").get("/api/tasks").then().body("id", not(hasItem(confirm)));

        ClockUtil.setCurrentTime(Date.from(wednesday.plusSeconds(60)));
        try {
            management.executeJob(timer.getId());
        } catch (RuntimeException takenByTheJobExecutor) {
            // the job executor may have fired it first, on the same clock
        }
        boolean offered = false;
        for (int i = 0; i < 100 && !offered; i++) {
            List<String> ids = data.enterprise().as("admin").get("/api/tasks").then().extract().path("id");
            offered = ids.contains(confirm);
            sleep();
        }
        assertTrue(offered, "the overdue confirmation was not offered to the administrators");
        journal(id).body("items.kind", hasItem("sales-order-confirmation-overdue"));
        complete("admin", confirm, Map.of("customerAccepted", true), 204);
        review(order).body("status", is("APPROVED"));
    }

    @Test
    void anotherEnterpriseSeesNoneOfTheReviewAndCannotDecideIt() {
        long valve = stocked("0");
        long order = salesOrder(customer, valve, "1", "5", later(5));
        String id = review(order).extract().path("id");
        String propose = task("planner", id, "proposeDate");
        other.as("planner").get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        other.as("planner").queryParam("orderId", order).get(PATH).then().statusCode(200).body("size()", is(0));
        other.as("planner").get("/api/tasks").then().body("processInstanceId", not(hasItem(id)));
        other.as("planner").body(Map.of("variables", Map.of("proposedDate", later(30).toString())))
                .post("/api/tasks/" + propose + "/complete").then().statusCode(404);
        data.planner().queryParam("orderId", "abc").get(PATH).then().statusCode(400)
                .body("errors.field", hasItem("orderId"));
        review(order).body("status", is("DATE_PROPOSAL"));
    }

    @Test
    void anEnterprisesOwnVersionOfTheReviewTakesPrecedence() {
        MasterData own = new MasterData(TestEnterprise.create());
        String toBe = template().replace("name=\"Propose a delivery date\" camunda:candidateGroups=\"planner\"",
                "name=\"Propose a delivery date (to-be)\" camunda:candidateGroups=\"manager\"");
        own.enterprise().as("manager").body(Map.of("bpmn", toBe))
                .post("/api/processes/models/sales-order-review/versions").then().statusCode(201);
        long buyer = own.partner("C", true, false);
        long item = own.item("NONE").made().with("leadTimeDays", 30).create();
        long order = MasterData.id(own.planner().body(Map.of("customerId", buyer, "lines", List.of(Map.of("itemId", item,
                "quantity", "1", "unitPrice", "1", "date", later(5).toString())))).post("/api/sales-orders"));
        var review = own.planner().queryParam("orderId", order).get(PATH).then().statusCode(200)
                .body("[0].processDefinitionVersion", is(2)).body("[0].status", is("DATE_PROPOSAL")).extract();
        String id = review.path("[0].id");
        own.enterprise().as("planner").get("/api/tasks").then().body("processInstanceId", not(hasItem(id)));
        List<Map<String, Object>> tasks = own.enterprise().as("manager").get("/api/tasks").then().extract().path("$");
        assertEquals(List.of("Propose a delivery date (to-be)"), tasks.stream()
                .filter(t -> id.equals(t.get("processInstanceId"))).map(t -> t.get("name")).toList());
        // the shared template still reviews the others' orders
        long valve = stocked("0");
        long mine = salesOrder(customer, valve, "1", "5", later(5));
        review(mine).body("processDefinitionVersion", is(1));
    }

    @Test
    void anOrderWhoseProductionFitsTheWhatIfScheduleIsApprovedAtOnce() {
        long pump = madeOnItsOwnUnit("PUMP", 2, "1");
        // a working day: on a plant Sunday, twenty days later is a Saturday, and the order could not be promised for it
        LocalDate requested = weekday(plantToday().plusDays(20));
        long order = salesOrder(customer, pump, "10", "5", requested);

        review(order).body("status", is("APPROVED")).body("materialAvailable", is(true))
                .body("capacityAvailable", is(true)).body("earliestFeasibleDate", is(requested.toString()))
                .body("delivery[0].itemId", is((int) pump)).body("delivery[0].shortage", is(10))
                .body("delivery[0].productionQuantity", is(10)).body("delivery[0].capacityOk", is(true))
                .body("delivery[0].capacityDate", not(nullValue())).body("promisedDate", is(requested.toString()));
    }

    @Test
    void anOrderPromisedBeforeTheMaterialLeadTimeGoesToThePlannerWithTheDateTheLeadTimeAllows() {
        long valve = data.item("LT" + (++counter)).bought().cost("3").with("leadTimeDays", 15).create();
        LocalDate today = plantToday();
        // a working day (five days on from a Monday or a Tuesday is a weekend, which no capacity serves)
        LocalDate requested = weekday(today.plusDays(5));
        LocalDate arrives = today;
        for (int workingDays = 0; workingDays < 15; ) {
            arrives = arrives.plusDays(1);
            if (arrives.getDayOfWeek().getValue() <= 5) {
                workingDays++;
            }
        }
        long order = salesOrder(customer, valve, "4", "5", requested);

        String id = review(order).body("status", is("DATE_PROPOSAL")).body("materialAvailable", is(false))
                .body("capacityAvailable", is(true)).body("earliestFeasibleDate", is(arrives.toString()))
                .body("delivery[0].leadTimeDays", is(15)).body("delivery[0].materialDate", is(arrives.toString()))
                .body("delivery[0].materialOk", is(false)).body("delivery[0].productionQuantity", is(0))
                .extract().path("id");
        data.planner().get("/api/sales-orders/" + order).then().body("reviewNote", containsString(arrives.toString()));
        String propose = task("planner", id, "proposeDate");
        // the planner's form offers the date the check found
        data.enterprise().as("planner").get("/api/tasks/" + propose).then().statusCode(200)
                .body("form.find { it.id == 'proposedDate' }.defaultValue", is(arrives.toString()));
        complete("planner", propose, Map.of("proposedDate", arrives.toString()), 204);
        review(order).body("status", is("CUSTOMER_CONFIRMATION")).body("proposedDate", is(arrives.toString()));
    }

    @Test
    void anOrderWithMaterialInTimeButNoCapacityGoesToThePlannerWithTheWhatIfFinish() {
        // 10 × 600 minutes on the only unit of a centre that works round the clock: 100 hours, more than 3 days
        long cake = madeOnItsOwnUnit("CAKE", 1, "600");
        ZoneId zone = plantZone();
        LocalDate requested = LocalDate.now(zone).plusDays(3);
        Instant before = Instant.now();
        long order = salesOrder(customer, cake, "10", "5", requested);
        Instant after = Instant.now();

        var review = review(order).body("status", is("DATE_PROPOSAL")).body("materialAvailable", is(true))
                .body("capacityAvailable", is(false)).body("delivery[0].materialOk", is(true))
                .body("delivery[0].capacityOk", is(false)).body("delivery[0].productionQuantity", is(10)).extract();
        LocalDate finish = LocalDate.parse(review.path("delivery[0].capacityDate"));
        assertEquals(finish.toString(), review.path("earliestFeasibleDate"));
        LocalDate earliestPossible = LocalDate.ofInstant(before.plus(Duration.ofMinutes(6000)), zone);
        LocalDate latestPossible = LocalDate.ofInstant(after.plus(Duration.ofMinutes(6002)), zone);
        assertTrue(!finish.isBefore(earliestPossible) && !finish.isAfter(latestPossible),
                "the what-if finish " + finish + " is not 6000 minutes after the order's entry");
        assertTrue(finish.isAfter(requested));
        String propose = task("planner", review.path("id"), "proposeDate");
        data.enterprise().as("planner").get("/api/tasks/" + propose).then().statusCode(200)
                .body("form.find { it.id == 'proposedDate' }.defaultValue", is(finish.toString()));
        // the what-if was never written: no production order and no schedule came of it
        data.planner().queryParam("itemId", cake).get("/api/production-orders").then().statusCode(200)
                .body("total", is(0));
    }

    @Test
    void aMadeItemWhoseComponentArrivesWithinItsLeadTimeIsApprovedAndADayShortGoesToThePlanner() {
        MasterData plant = new MasterData(TestEnterprise.create());
        LocalDate today = plantToday(plant);
        calendar(plant, List.of());
        long buyer = plant.partner("CUST", true, false);
        // the component is bought in 3 working days, the product made from it in 2: nothing of either in stock
        long component = plant.item("CMP").bought().cost("2").with("leadTimeDays", 3).create();
        long product = plant.item("PRD").made().with("leadTimeDays", 2).create();
        plant.bom(product).line(component, "2").create();
        LocalDate componentThere = mondayToFridayAfter(today, 3, List.of());
        LocalDate madeBy = mondayToFridayAfter(componentThere, 2, List.of());
        LocalDate dayBefore = madeBy.minusDays(1);
        while (dayBefore.getDayOfWeek().getValue() > 5) {
            dayBefore = dayBefore.minusDays(1);
        }

        long inTime = salesOrder(plant, buyer, product, "4", madeBy);
        review(plant, inTime).body("status", is("APPROVED")).body("materialAvailable", is(true))
                .body("promisedDate", is(madeBy.toString())).body("delivery[0].materialDate", is(madeBy.toString()))
                .body("delivery[0].components[0].itemId", is((int) component))
                .body("delivery[0].components[0].required", is(8)).body("delivery[0].components[0].shortage", is(8))
                .body("delivery[0].components[0].readyDate", is(componentThere.toString()))
                .body("delivery[0].components[0].inTime", is(true));

        long dayShort = salesOrder(plant, buyer, product, "4", dayBefore);
        review(plant, dayShort).body("status", is("DATE_PROPOSAL")).body("materialAvailable", is(false))
                .body("earliestFeasibleDate", is(madeBy.toString()))
                .body("delivery[0].materialDate", is(madeBy.toString()))
                .body("delivery[0].components[0].readyDate", is(componentThere.toString()))
                .body("delivery[0].components[0].inTime", is(false));
    }

    @Test
    void aSubAssemblysOwnComponentShortOnThePromisedDateSendsTheOrderToThePlanner() {
        MasterData plant = new MasterData(TestEnterprise.create());
        LocalDate today = plantToday(plant);
        calendar(plant, List.of());
        long buyer = plant.partner("CUST", true, false);
        // three levels, nothing in stock: the raw material is bought in 3 working days, the sub-assembly made from it
        // in 2, the product from the sub-assembly in 1 — so the product is there 6 working days from today, although
        // the sub-assembly's own lead time alone (2) would have it there in 3
        long raw = plant.item("RAW").bought().cost("2").with("leadTimeDays", 3).create();
        long sub = plant.item("SUB").made().with("leadTimeDays", 2).create();
        long product = plant.item("PRD").made().with("leadTimeDays", 1).create();
        plant.bom(sub).line(raw, "3").create();
        plant.bom(product).line(sub, "2").create();
        LocalDate rawThere = mondayToFridayAfter(today, 3, List.of());
        LocalDate subThere = mondayToFridayAfter(rawThere, 2, List.of());
        LocalDate madeBy = mondayToFridayAfter(subThere, 1, List.of());
        LocalDate dayBefore = madeBy.minusDays(1);
        while (dayBefore.getDayOfWeek().getValue() > 5) {
            dayBefore = dayBefore.minusDays(1);
        }

        // a working day too early: the sub-assembly's raw material is not there when the sub-assembly must start
        long dayShort = salesOrder(plant, buyer, product, "1", dayBefore);
        review(plant, dayShort).body("status", is("DATE_PROPOSAL")).body("materialAvailable", is(false))
                .body("earliestFeasibleDate", is(madeBy.toString()))
                .body("delivery[0].materialDate", is(madeBy.toString()))
                .body("delivery[0].components.itemId", contains((int) sub, (int) raw))
                .body("delivery[0].components[0].level", is(1))
                .body("delivery[0].components[0].parentItemId", is((int) product))
                .body("delivery[0].components[0].required", is(2))
                .body("delivery[0].components[0].readyDate", is(subThere.toString()))
                .body("delivery[0].components[0].inTime", is(false))
                .body("delivery[0].components[1].level", is(2))
                .body("delivery[0].components[1].parentItemId", is((int) sub))
                .body("delivery[0].components[1].required", is(6))
                .body("delivery[0].components[1].shortage", is(6))
                .body("delivery[0].components[1].leadTimeDays", is(3))
                .body("delivery[0].components[1].readyDate", is(rawThere.toString()))
                .body("delivery[0].components[1].inTime", is(false));

        // on the day it can be made, the order is approved at once, every level in time
        long inTime = salesOrder(plant, buyer, product, "1", madeBy);
        review(plant, inTime).body("status", is("APPROVED")).body("materialAvailable", is(true))
                .body("promisedDate", is(madeBy.toString()))
                .body("delivery[0].components[1].neededBy", is(rawThere.toString()))
                .body("delivery[0].components.inTime", contains(true, true));
    }

    @Test
    void aHolidayOfTheEnterprisesCalendarInTheLeadTimeMovesTheDeliveryByAWorkingDay() {
        MasterData plant = new MasterData(TestEnterprise.create());
        LocalDate today = plantToday(plant);
        LocalDate holiday = mondayToFridayAfter(today, 1, List.of());
        calendar(plant, List.of(holiday));
        long buyer = plant.partner("CUST", true, false);
        long component = plant.item("CMP").bought().cost("2").with("leadTimeDays", 3).create();
        long product = plant.item("PRD").made().with("leadTimeDays", 2).create();
        plant.bom(product).line(component, "1").create();
        LocalDate withoutHoliday = mondayToFridayAfter(today, 5, List.of());
        LocalDate withHoliday = mondayToFridayAfter(today, 5, List.of(holiday));
        assertEquals(mondayToFridayAfter(today, 6, List.of()), withHoliday);

        long tooEarly = salesOrder(plant, buyer, product, "1", withoutHoliday);
        String id = review(plant, tooEarly).body("status", is("DATE_PROPOSAL")).body("materialAvailable", is(false))
                .body("earliestFeasibleDate", is(withHoliday.toString()))
                .body("delivery[0].components[0].readyDate", is(mondayToFridayAfter(today, 3, List.of(holiday))
                        .toString())).extract().path("id");
        // the check's journal entry says which calendar the working days were counted in
        plant.enterprise().as("manager").queryParam("subject", "process:" + id)
                .queryParam("kind", "sales-order-review-checked").get("/api/journal").then().statusCode(200)
                .body("items.text", hasItem(containsString("(working days of calendar PLANT)")));
        long inTime = salesOrder(plant, buyer, product, "1", withHoliday);
        review(plant, inTime).body("status", is("APPROVED")).body("promisedDate", is(withHoliday.toString()));
    }

    @Test
    void anOrderWantedOnAHolidayOrAWeekendCannotBePromisedForItAndTheNextWorkingDayIsProposed() {
        MasterData plant = new MasterData(TestEnterprise.create());
        LocalDate today = plantToday(plant);
        LocalDate holiday = mondayToFridayAfter(today, 15, List.of());
        calendar(plant, List.of(holiday));
        long buyer = plant.partner("CUST", true, false);
        long stock = plant.location(plant.warehouse("WH"), "FG");
        long valve = plant.item("VLV").bought().cost("3").with("leadTimeDays", 1).create();
        plant.planner().body(Map.of("type", "RECEIPT", "reason", "OPENING_BALANCE", "itemId", valve, "quantity", "100",
                "toLocationId", stock)).post("/api/stock/moves").then().statusCode(201);

        long onHoliday = salesOrder(plant, buyer, valve, "5", holiday);
        review(plant, onHoliday).body("status", is("DATE_PROPOSAL")).body("materialAvailable", is(true))
                .body("capacityAvailable", is(false)).body("delivery[0].requestedWorkingDay", is(false))
                .body("delivery[0].capacityNote", containsString("not a working day of calendar PLANT"))
                .body("earliestFeasibleDate", is(mondayToFridayAfter(holiday, 1, List.of()).toString()));
        LocalDate sunday = holiday.plusDays(7 - holiday.getDayOfWeek().getValue());
        long onSunday = salesOrder(plant, buyer, valve, "5", sunday);
        review(plant, onSunday).body("status", is("DATE_PROPOSAL")).body("capacityAvailable", is(false))
                .body("earliestFeasibleDate", is(sunday.plusDays(1).toString()));
        long onTheDayAfter = salesOrder(plant, buyer, valve, "5", mondayToFridayAfter(holiday, 1, List.of()));
        review(plant, onTheDayAfter).body("status", is("APPROVED")).body("delivery[0].requestedWorkingDay", is(true));
    }

    /** The enterprise's only calendar: Monday to Friday, 08:00–16:00, with these holidays. */
    private static void calendar(MasterData plant, List<LocalDate> holidays) {
        plant.planner().body(Map.of("code", "PLANT", "name", "Plant / 工厂日历", "shifts", List.of(Map.of("weekdays",
                        List.of(1, 2, 3, 4, 5), "name", "day", "start", "08:00", "end", "16:00")),
                "holidays", holidays.stream().map(d -> Map.of("day", d.toString(), "name", "holiday")).toList()))
                .post("/api/calendars").then().statusCode(201);
    }

    /** {@code days} working days (Monday to Friday, less the holidays) after {@code from}, counted from the day after. */
    private static LocalDate mondayToFridayAfter(LocalDate from, int days, List<LocalDate> holidays) {
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek().getValue() <= 5 && !holidays.contains(day)) {
                counted++;
            }
        }
        return day;
    }

    private static long salesOrder(MasterData plant, long customerId, long item, String quantity, LocalDate date) {
        return MasterData.id(plant.planner().body(Map.of("customerId", customerId, "lines", List.of(Map.of("itemId",
                item, "quantity", quantity, "unitPrice", "5", "date", date.toString())))).post("/api/sales-orders"));
    }

    private static ValidatableResponse review(MasterData plant, long orderId) {
        List<Map<String, Object>> found = plant.planner().queryParam("orderId", orderId).get(PATH).then()
                .statusCode(200).extract().path("$");
        assertEquals(1, found.size(), "reviews of order " + orderId);
        return plant.planner().get(PATH + "/" + found.get(0).get("id")).then().statusCode(200);
    }

    /**
     * A new made item with its lead time, routed through one operation of {@code runMinutes} a unit on a new work
     * centre without a calendar (round the clock) with a single unit: nothing else loads it.
     */
    private static long madeOnItsOwnUnit(String code, int leadTimeDays, String runMinutes) {
        long center = data.workCenter("WC" + (++counter), "60");
        data.workUnit(center, "U" + counter);
        long item = data.item(code + counter).made().with("leadTimeDays", leadTimeDays).create();
        data.routing(item, MasterData.operation(10, center, "0", runMinutes));
        return item;
    }

    private static ZoneId plantZone() {
        return ZoneId.of(Api.as("admin").get("/api/enterprises/" + data.enterprise().code).then()
                .extract().<String>path("timeZone"));
    }

    private static LocalDate plantToday() {
        return LocalDate.now(plantZone());
    }

    private static LocalDate plantToday(MasterData plant) {
        return LocalDate.now(ZoneId.of(Api.as("admin").get("/api/enterprises/" + plant.enterprise().code).then()
                .extract().<String>path("timeZone")));
    }

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String template() {
        try (InputStream in = SalesOrderReviewProcessTest.class.getClassLoader()
                .getResourceAsStream("bpmn/sales-order-review.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A working day of the enterprise's default calendar (Monday to Friday) at least {@code days} from today. */
    private static LocalDate later(int days) {
        return weekday(LocalDate.now(ZoneOffset.UTC).plusDays(days));
    }

    /** The day, or the Monday after it when it falls on a weekend: a requested date must be a working day. */
    private static LocalDate weekday(LocalDate day) {
        return day.getDayOfWeek().getValue() > 5 ? day.plusDays(8 - day.getDayOfWeek().getValue()) : day;
    }

    /** A new bought item with {@code onHand} in stock, bought in 30 working days (beyond the requested dates here). */
    private static long stocked(String onHand) {
        long item = data.item("V" + (++counter)).bought().cost("3").with("leadTimeDays", 30).create();
        if (!"0".equals(onHand)) {
            data.planner().body(Map.of("type", "RECEIPT", "reason", "OPENING_BALANCE", "itemId", item, "quantity", onHand,
                    "toLocationId", location)).post("/api/stock/moves").then().statusCode(201);
        }
        return item;
    }

    private static long salesOrder(long customerId, long item, String quantity, String price, LocalDate date) {
        Map<String, Object> line = new HashMap<>(Map.of("itemId", item, "quantity", quantity, "unitPrice", price,
                "date", date.toString()));
        return MasterData.id(data.planner().body(Map.of("customerId", customerId, "lines", List.of(line)))
                .post("/api/sales-orders"));
    }

    private static ValidatableResponse review(long orderId) {
        List<Map<String, Object>> found = data.planner().queryParam("orderId", orderId).get(PATH).then().statusCode(200)
                .extract().path("$");
        assertEquals(1, found.size(), "reviews of order " + orderId);
        return data.planner().get(PATH + "/" + found.get(0).get("id")).then().statusCode(200)
                .body("orderId", is((int) orderId));
    }

    private static ValidatableResponse journal(String id) {
        return data.enterprise().as("manager").queryParam("subject", "process:" + id).queryParam("size", 100)
                .get("/api/journal").then().statusCode(200);
    }

    private static String task(String role, String processId, String definitionKey) {
        List<Map<String, Object>> tasks = data.enterprise().as(role).get("/api/tasks").then().statusCode(200)
                .extract().path("$");
        return tasks.stream().filter(t -> processId.equals(t.get("processInstanceId"))
                        && definitionKey.equals(t.get("taskDefinitionKey"))).map(t -> (String) t.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + definitionKey + " for " + role + " in " + processId));
    }

    private static ValidatableResponse complete(String role, String taskId, Map<String, Object> variables, int status) {
        return data.enterprise().as(role).body(Map.of("variables", variables)).post("/api/tasks/" + taskId + "/complete")
                .then().statusCode(status);
    }
}
