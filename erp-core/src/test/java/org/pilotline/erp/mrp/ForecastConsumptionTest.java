package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.plan.Demand;
import org.pilotline.erp.mrp.engine.plan.DemandKind;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.fixtures.Plants;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.day;
import static org.pilotline.erp.mrp.fixtures.Plants.plan;

/** Sales orders consume forecast of their own week, then of earlier weeks, then of later ones, within the window. */
class ForecastConsumptionTest {

    private static PlanningInput forecastOfHundredAWeek() {
        return aPlant().item(Item.buy("F", 1))
                .forecast("F", day("03-09"), 100)
                .forecast("F", day("03-16"), 100)
                .forecast("F", day("03-23"), 100)
                .salesOrder("SO-1", "F", day("03-11"), 30)
                .salesOrder("SO-2", "F", day("03-18"), 120)
                .build();
    }

    private static List<String> forecastLeft(MrpPlan plan) {
        return plan.demandsOf("F").stream().filter(d -> d.kind() == DemandKind.FORECAST)
                .map(d -> d.date() + "=" + d.quantity().stripTrailingZeros().toPlainString()).toList();
    }

    @Test
    void anOrderBeyondItsWeeksForecastConsumesTheWeekBeforeWithinAOneWeekWindow() {
        MrpPlan plan = plan(forecastOfHundredAWeek(), Plants.parameters().withForecastWindow(1, 1));

        // SO-1 takes 30 of the week of the 9th; SO-2 takes all 100 of its own week, then 20 of the week before.
        assertEquals(List.of("2026-03-09=50", "2026-03-23=100"), forecastLeft(plan));
    }

    @Test
    void withoutAWindowAnOrderOnlyConsumesItsOwnWeek() {
        MrpPlan plan = plan(forecastOfHundredAWeek(), Plants.parameters().withForecastWindow(0, 0));

        assertEquals(List.of("2026-03-09=70", "2026-03-23=100"), forecastLeft(plan));
    }

    @Test
    void forwardConsumptionComesAfterBackwardConsumption() {
        PlanningInput input = aPlant().item(Item.buy("F", 1))
                .forecast("F", day("03-09"), 10)
                .forecast("F", day("03-23"), 50)
                .salesOrder("SO-1", "F", day("03-18"), 40)   // the week of the 16th has no forecast
                .build();

        MrpPlan plan = plan(input, Plants.parameters().withForecastWindow(1, 1));

        // 10 from the week before, then 30 from the week after.
        assertEquals(List.of("2026-03-23=20"), forecastLeft(plan));
    }

    @Test
    void forecastOfTheCurrentWeekIsDueTodayAndPlannedLikeAnyOtherDemand() {
        PlanningInput input = aPlant().item(Item.buy("F", 0)).forecast("F", day("03-02"), 25).build();

        MrpPlan plan = plan(input, Plants.parameters());

        Demand forecast = plan.demandsOf("F").get(0);
        assertEquals(day("03-02"), forecast.date());
        assertEquals(0, forecast.quantity().compareTo(java.math.BigDecimal.valueOf(25)));
        assertEquals(1, plan.plannedOrdersOf("F").size());
    }
}
