package org.pilotline.bpm.salesreview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.bpm.common.EnterpriseCalendar;
import org.pilotline.erp.bom.StructureService;
import org.pilotline.erp.bom.structure.Explosion;
import org.pilotline.erp.calendar.WorkingCalendar;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.item.ItemService;
import org.pilotline.erp.item.ItemView;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.order.SalesOrderReviewService;
import org.pilotline.erp.scheduling.CapacityWhatIf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.pilotline.platform.quantity.Decimals.plain;

/**
 * The material and capacity check of an entered order, item by item ({@link DeliveryRules}), in working days of the
 * enterprise's calendar ({@link EnterpriseCalendar}): the MRP net change of the item (available to promise from on
 * hand + scheduled receipts − allocated, from erp-core) and its lead time; for what must be made, its components
 * (the first level of its structure on the day production must start at the latest: each available to promise then,
 * or there within its own lead time) and a what-if of the live schedule with that production added
 * ({@link CapacityWhatIf}, erp-core's solver with a short time limit). A requested date that is not a working day
 * cannot be met. The order can be promised for its requested dates when every item passes both.
 */
@ApplicationScoped
public class DeliveryCheck {

    /** How long the what-if schedule is solved: the order's entry waits for it. */
    static final Duration SOLVE_LIMIT = Duration.ofSeconds(2);

    /**
     * A component of what is made for the order: {@code required} for the production, {@code available} to promise on
     * {@code neededBy} (the latest day production can start), {@code readyDate} the day it is there (available, or a
     * new supply after its {@code leadTimeDays}), {@code inTime} when that is not after {@code neededBy}.
     */
    public record ComponentDelivery(long itemId, String itemCode, BigDecimal required, BigDecimal available,
                                    BigDecimal shortage, int leadTimeDays, LocalDate neededBy, LocalDate readyDate,
                                    boolean inTime) {
    }

    /**
     * One item of the order. {@code shortage} what is missing on the requested date; {@code materialDate} the first day
     * the material is there (available to promise, or a new supply after {@code leadTimeDays}, for what is made counted
     * from the day its {@code components} are there); {@code capacityDate} when what must be made would be done in the
     * what-if schedule (null: nothing to make, or not schedulable, see {@code capacityNote}); {@code
     * requestedWorkingDay} false when the requested date is not a working day of the calendar (then capacity is not
     * ok); {@code earliestDate} the first working day all allow.
     */
    public record ItemDelivery(long itemId, String itemCode, LocalDate requestedDate, BigDecimal required,
                               BigDecimal available, BigDecimal shortage, Sourcing sourcing, int leadTimeDays,
                               LocalDate materialDate, boolean materialOk, BigDecimal productionQuantity,
                               LocalDate capacityDate, boolean capacityOk, String capacityNote, LocalDate earliestDate,
                               Boolean requestedWorkingDay, List<ComponentDelivery> components) {
    }

    /**
     * The check of the whole order: both parts pass for every item, the first working day the whole order could ship,
     * and the code of the calendar the working days were counted in (null: Monday to Friday, the enterprise keeps
     * none).
     */
    public record Outcome(boolean materialOk, boolean capacityOk, LocalDate earliestFeasibleDate,
                          List<ItemDelivery> items, String calendar) {
    }

    @Inject
    ItemService items;

    @Inject
    CapacityWhatIf capacity;

    @Inject
    PlantClock clock;

    @Inject
    EnterpriseCalendar calendars;

    @Inject
    StructureService structures;

    @Inject
    SalesOrderReviewService reviews;

    public Outcome check(SalesOrderReviewService.Facts facts) {
        LocalDate today = clock.today();
        EnterpriseCalendar.Chosen chosen = calendars.current();
        List<ItemDelivery> checked = new ArrayList<>();
        for (SalesOrderReviewService.Availability a : facts.availability()) {
            checked.add(check(a, today, chosen));
        }
        boolean material = checked.stream().allMatch(ItemDelivery::materialOk);
        boolean fits = checked.stream().allMatch(ItemDelivery::capacityOk);
        LocalDate earliest = DeliveryRules.firstWorkingDay(chosen.calendar(),
                DeliveryRules.latest(today, checked.stream().map(ItemDelivery::earliestDate).toList()));
        return new Outcome(material, fits, material && fits ? facts.requestedDate() : earliest, checked,
                chosen.code());
    }

    private ItemDelivery check(SalesOrderReviewService.Availability a, LocalDate today,
                               EnterpriseCalendar.Chosen chosen) {
        WorkingCalendar calendar = chosen.calendar();
        ItemView item = items.getItem(a.itemId());
        BigDecimal shortage = DeliveryRules.shortage(a.required(), a.available());
        boolean made = item.sourcing() == Sourcing.MAKE;
        List<ComponentDelivery> components = made && shortage.signum() > 0
                ? components(item, shortage, a.requestedDate(), today, calendar) : List.of();
        LocalDate replenished = made
                ? DeliveryRules.madeBy(calendar, today, components.stream().map(ComponentDelivery::readyDate).toList(),
                item.leadTimeDays())
                : DeliveryRules.workingDaysAfter(calendar, today, item.leadTimeDays());
        LocalDate materialDate = DeliveryRules.materialDate(a.requestedDate(), shortage, a.earliestDate(), replenished);
        boolean materialOk = !materialDate.isAfter(a.requestedDate());
        BigDecimal production = BigDecimal.ZERO;
        LocalDate capacityDate = null;
        boolean capacityOk = true;
        String note = "nothing to make";
        if (DeliveryRules.madeForTheOrder(shortage, a.earliestDate(), replenished, made)) {
            production = shortage;
            CapacityWhatIf.Fit fit = capacity.fit(a.itemId(), shortage, a.requestedDate(), SOLVE_LIMIT);
            capacityDate = fit.finishDate();
            capacityOk = fit.fits();
            note = fit.note();
        }
        boolean workingDay = calendar.isWorkingDay(a.requestedDate());
        if (!workingDay) {
            capacityOk = false;
            note = a.requestedDate() + " is not a working day"
                    + (chosen.code() == null ? " (Monday to Friday)" : " of calendar " + chosen.code()) + "; " + note;
        }
        LocalDate earliest = DeliveryRules.firstWorkingDay(calendar,
                DeliveryRules.latest(a.requestedDate(), Arrays.asList(materialDate, capacityDate)));
        return new ItemDelivery(a.itemId(), a.itemCode(), a.requestedDate(), a.required(), a.available(), shortage,
                item.sourcing(), item.leadTimeDays(), materialDate, materialOk, production, capacityDate, capacityOk,
                note, earliest, workingDay, components);
    }

    /**
     * The first-level components (phantoms left out) of making {@code quantity} of the item: each needed on the latest
     * day production can start and still be done by {@code requested}.
     */
    private List<ComponentDelivery> components(ItemView item, BigDecimal quantity, LocalDate requested, LocalDate today,
                                               WorkingCalendar calendar) {
        LocalDate neededBy = DeliveryRules.latest(today,
                List.of(DeliveryRules.latestStart(calendar, requested, item.leadTimeDays())));
        List<ComponentDelivery> result = new ArrayList<>();
        for (Explosion.Row row : structures.explode(item.id(), quantity, neededBy)) {
            if (row.level() != 1 || row.phantom()) {
                continue;
            }
            ItemView component = items.getItem(row.itemId());
            BigDecimal required = plain(row.extendedQuantity());
            SalesOrderReviewService.Availability atp = reviews.availabilityOf(row.itemId(), neededBy, required);
            BigDecimal shortage = DeliveryRules.shortage(required, atp.available());
            LocalDate ready = DeliveryRules.componentReady(today, atp.covered(), atp.earliestDate(),
                    DeliveryRules.workingDaysAfter(calendar, today, component.leadTimeDays()));
            result.add(new ComponentDelivery(row.itemId(), row.code(), required, plain(atp.available()), plain(shortage),
                    component.leadTimeDays(), neededBy, ready, !ready.isAfter(neededBy)));
        }
        return result;
    }
}
