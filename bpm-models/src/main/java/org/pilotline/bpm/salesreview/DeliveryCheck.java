package org.pilotline.bpm.salesreview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.List;

/**
 * The material and capacity check of an entered order, item by item ({@link DeliveryRules}): the MRP net change of
 * the item (available to promise from on hand + scheduled receipts − allocated, from erp-core) and its lead time; for
 * what must be made, a what-if of the live schedule with that production added ({@link CapacityWhatIf}, erp-core's
 * solver with a short time limit). The order can be promised for its requested dates when every item passes both.
 */
@ApplicationScoped
public class DeliveryCheck {

    /** How long the what-if schedule is solved: the order's entry waits for it. */
    static final Duration SOLVE_LIMIT = Duration.ofSeconds(2);

    /**
     * One item of the order. {@code shortage} what is missing on the requested date; {@code materialDate} the first day
     * the material is there (available to promise, or a new supply after {@code leadTimeDays}); {@code capacityDate}
     * when what must be made would be done in the what-if schedule (null: nothing to make, or not schedulable, see
     * {@code capacityNote}); {@code earliestDate} the first day both allow.
     */
    public record ItemDelivery(long itemId, String itemCode, LocalDate requestedDate, BigDecimal required,
                               BigDecimal available, BigDecimal shortage, Sourcing sourcing, int leadTimeDays,
                               LocalDate materialDate, boolean materialOk, BigDecimal productionQuantity,
                               LocalDate capacityDate, boolean capacityOk, String capacityNote, LocalDate earliestDate) {
    }

    /** The check of the whole order: both parts pass for every item, and the first day the whole order could ship. */
    public record Outcome(boolean materialOk, boolean capacityOk, LocalDate earliestFeasibleDate,
                          List<ItemDelivery> items) {
    }

    @Inject
    ItemService items;

    @Inject
    CapacityWhatIf capacity;

    @Inject
    PlantClock clock;

    public Outcome check(SalesOrderReviewService.Facts facts) {
        LocalDate today = clock.today();
        List<ItemDelivery> checked = new ArrayList<>();
        for (SalesOrderReviewService.Availability a : facts.availability()) {
            checked.add(check(a, today));
        }
        boolean material = checked.stream().allMatch(ItemDelivery::materialOk);
        boolean fits = checked.stream().allMatch(ItemDelivery::capacityOk);
        LocalDate earliest = DeliveryRules.latest(today, checked.stream().map(ItemDelivery::earliestDate).toList());
        return new Outcome(material, fits, material && fits ? facts.requestedDate() : earliest, checked);
    }

    private ItemDelivery check(SalesOrderReviewService.Availability a, LocalDate today) {
        ItemView item = items.getItem(a.itemId());
        BigDecimal shortage = DeliveryRules.shortage(a.required(), a.available());
        LocalDate replenished = DeliveryRules.replenishedBy(today, item.leadTimeDays());
        LocalDate materialDate = DeliveryRules.materialDate(a.requestedDate(), shortage, a.earliestDate(), replenished);
        boolean materialOk = !materialDate.isAfter(a.requestedDate());
        BigDecimal production = BigDecimal.ZERO;
        LocalDate capacityDate = null;
        boolean capacityOk = true;
        String note = "nothing to make";
        if (DeliveryRules.madeForTheOrder(shortage, a.earliestDate(), replenished, item.sourcing() == Sourcing.MAKE)) {
            production = shortage;
            CapacityWhatIf.Fit fit = capacity.fit(a.itemId(), shortage, a.requestedDate(), SOLVE_LIMIT);
            capacityDate = fit.finishDate();
            capacityOk = fit.fits();
            note = fit.note();
        }
        return new ItemDelivery(a.itemId(), a.itemCode(), a.requestedDate(), a.required(), a.available(), shortage,
                item.sourcing(), item.leadTimeDays(), materialDate, materialOk, production, capacityDate, capacityOk,
                note, DeliveryRules.latest(a.requestedDate(), java.util.Arrays.asList(materialDate, capacityDate)));
    }
}
