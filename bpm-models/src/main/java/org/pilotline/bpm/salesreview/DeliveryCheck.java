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
 * (its structure on the day production must start at the latest: each available to promise then, or there within
 * its own lead time — for a sub-assembly made for the order, after its own components, level by level) and a what-if of the live schedule with that production added
 * ({@link CapacityWhatIf}, erp-core's solver with a short time limit). A requested date that is not a working day
 * cannot be met. The order can be promised for its requested dates when every item passes both.
 */
@ApplicationScoped
public class DeliveryCheck {

    /** How long the what-if schedule is solved: the order's entry waits for it. */
    static final Duration SOLVE_LIMIT = Duration.ofSeconds(2);

    /**
     * A component of what is made for the order, at {@code level} of the structure (1: of the ordered item; 2: of a
     * sub-assembly of level 1 made for the order; …), going into {@code parentItemId}: {@code required} for the production of its parent's
     * shortage, {@code available} to promise on {@code neededBy} (the latest day its parent's production can start),
     * {@code readyDate} the day it is there (available, or a new supply: bought, after its {@code leadTimeDays}; made,
     * its lead time after its own components are there), {@code inTime} when that is not after {@code neededBy}.
     */
    public record ComponentDelivery(long itemId, String itemCode, int level, long parentItemId, BigDecimal required,
                                    BigDecimal available, BigDecimal shortage, int leadTimeDays, LocalDate neededBy,
                                    LocalDate readyDate, boolean inTime) {
    }

    /** How deep the structure is followed: deeper than any real one, a guard against a structure that loops. */
    static final int MAX_LEVELS = 25;

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
        List<ComponentDelivery> components = new ArrayList<>();
        List<LocalDate> ready = made && shortage.signum() > 0
                ? components(item, shortage, a.requestedDate(), today, calendar, 1, components) : List.of();
        LocalDate replenished = made
                ? DeliveryRules.madeBy(calendar, today, ready, item.leadTimeDays())
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
     * The components (phantoms left out) of making {@code quantity} of the item, added to {@code into} level by level
     * (each followed by its own components): each needed on the latest day production can start and still be done by
     * {@code requested}. A made component short then is made for it: its own components, needed on the latest day its
     * production can start, are checked the same way, and it is ready its lead time after the last of them is. Returns
     * the ready dates of the item's direct components.
     */
    private List<LocalDate> components(ItemView item, BigDecimal quantity, LocalDate requested, LocalDate today,
                                       WorkingCalendar calendar, int level, List<ComponentDelivery> into) {
        if (level > MAX_LEVELS) {
            throw new IllegalStateException("the structure of item " + item.code() + " is deeper than " + MAX_LEVELS
                    + " levels");
        }
        LocalDate neededBy = DeliveryRules.latest(today,
                List.of(DeliveryRules.latestStart(calendar, requested, item.leadTimeDays())));
        List<LocalDate> ready = new ArrayList<>();
        for (Explosion.Row row : structures.explode(item.id(), quantity, neededBy)) {
            if (row.level() != 1 || row.phantom()) {
                continue;
            }
            ItemView component = items.getItem(row.itemId());
            BigDecimal required = plain(row.extendedQuantity());
            SalesOrderReviewService.Availability atp = reviews.availabilityOf(row.itemId(), neededBy, required);
            BigDecimal shortage = DeliveryRules.shortage(required, atp.available());
            int at = into.size();
            LocalDate replenished;
            if (component.sourcing() == Sourcing.MAKE && shortage.signum() > 0) {
                into.add(null); // its place, before its own components
                replenished = DeliveryRules.madeBy(calendar, today,
                        components(component, shortage, neededBy, today, calendar, level + 1, into),
                        component.leadTimeDays());
            } else {
                replenished = DeliveryRules.workingDaysAfter(calendar, today, component.leadTimeDays());
            }
            LocalDate there = DeliveryRules.componentReady(today, atp.covered(), atp.earliestDate(), replenished);
            ComponentDelivery delivery = new ComponentDelivery(row.itemId(), row.code(), level,
                    item.id(), required, plain(atp.available()), plain(shortage),
                    component.leadTimeDays(), neededBy, there, !there.isAfter(neededBy));
            if (at < into.size() && into.get(at) == null) {
                into.set(at, delivery);
            } else {
                into.add(delivery);
            }
            ready.add(there);
        }
        return ready;
    }
}
