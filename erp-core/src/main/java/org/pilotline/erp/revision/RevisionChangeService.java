package org.pilotline.erp.revision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.bom.Bom;
import org.pilotline.erp.bom.BomService;
import org.pilotline.erp.bom.Recipe;
import org.pilotline.erp.bom.RecipeService;
import org.pilotline.erp.bom.StructureService;
import org.pilotline.erp.bom.structure.CostRollup;
import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.erp.bom.structure.WhereUsed;
import org.pilotline.erp.inventory.StockBalance;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.ItemRevision;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.erp.order.PurchaseOrderLine;
import org.pilotline.erp.order.PurchaseOrderStatus;
import org.pilotline.erp.routing.Routing;
import org.pilotline.erp.routing.RoutingService;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.pilotline.platform.quantity.Decimals.plain;

/**
 * Engineering changes to how an item is made, as erp-core carries them out: what a change would touch (where the
 * item is used, its open production orders, open purchase orders and stock of the items concerned, the unit cost in
 * force against the proposed one, by the same roll-up), and applying it — the new revision effective from the change's
 * date, the one in force closed the day before, and open production orders switched to it when the change says so,
 * all in the caller's transaction. Who approves a change is not erp-core's concern.
 */
@ApplicationScoped
public class RevisionChangeService {

    private static final Set<ProductionOrderStatus> OPEN_PRODUCTION = EnumSet.of(ProductionOrderStatus.PLANNED,
            ProductionOrderStatus.RELEASED);
    private static final Set<PurchaseOrderStatus> OPEN_PURCHASE = EnumSet.of(PurchaseOrderStatus.DRAFT,
            PurchaseOrderStatus.RELEASED, PurchaseOrderStatus.PARTIALLY_RECEIVED);

    public record UsedIn(int level, long parentId, String parentCode, String kind, String revision) {
    }

    public record OpenOrder(long id, String number, long itemId, String itemCode, BigDecimal openQuantity,
                            LocalDate dueDate, String status) {
    }

    public record Stock(long itemId, String itemCode, BigDecimal onHand) {
    }

    /**
     * What a change touches. {@code currentRevision} is the revision in force on the effective date (null: none);
     * unit costs are the roll-up of one unit of the item on that date, {@code costDifference} proposed minus current.
     */
    public record Impact(long itemId, String itemCode, String currentRevision, List<UsedIn> whereUsed,
                         List<OpenOrder> openProductionOrders, List<OpenOrder> openPurchaseOrders, List<Stock> stock,
                         BigDecimal currentUnitCost, BigDecimal proposedUnitCost, BigDecimal costDifference) {
    }

    /** The change carried out: the new revision, the one closed (null when none was in force), orders switched. */
    public record Applied(long revisionId, String revision, Long closedRevisionId, String closedRevision,
                          LocalDate closedValidTo, List<String> switchedOrders) {
    }

    @Inject
    TenantContext tenant;

    @Inject
    StructureService structures;

    @Inject
    BomService boms;

    @Inject
    RecipeService recipes;

    @Inject
    RoutingService routings;

    public Impact impact(RevisionChange change) {
        tenant.requireEnterprise();
        RevisionChange c = change.effectiveFromItsDate();
        Item item = Lookups.reference(Item.class, "Item", c.itemId(), null, "itemId");
        LocalDate date = c.effectiveDate();
        Optional<? extends ItemRevision> current = inForce(c.kind(), item, date);
        StructureVersion proposedStructure = switch (c.kind()) {
            case BOM -> boms.proposedVersion(c.bom());
            case RECIPE -> recipes.proposedVersion(c.recipe());
            case ROUTING -> null;
        };
        BigDecimal proposedOperations = c.kind() == RevisionChange.Kind.ROUTING
                ? routings.operationCostPerUnit(item, c.routing()) : null;
        CostRollup.Cost now = structures.rollUpCost(item.id, date);
        CostRollup.Cost then = structures.rollUpCostWith(item.id, date, proposedStructure, proposedOperations);

        Set<Long> concerned = new LinkedHashSet<>(List.of(item.id));
        now.lines().forEach(l -> concerned.add(l.itemId()));
        then.lines().forEach(l -> concerned.add(l.itemId()));
        List<UsedIn> usedIn = structures.whereUsed(item.id, date, true).stream()
                .map((WhereUsed.Row r) -> new UsedIn(r.level(), r.parentId(), r.parentCode(), r.kind().name(),
                        r.revision())).toList();
        List<OpenOrder> production = ProductionOrder.<ProductionOrder>list(
                        "item = ?1 and status in ?2 order by dueDate, id", item, OPEN_PRODUCTION).stream()
                .map(p -> new OpenOrder(p.id, p.number, item.id, item.code,
                        plain(p.quantity.subtract(p.completedQuantity).max(BigDecimal.ZERO)), p.dueDate,
                        p.status.name())).toList();
        List<OpenOrder> purchase = PurchaseOrderLine.<PurchaseOrderLine>list(
                        "item.id in ?1 and order.status in ?2 order by date, id", concerned, OPEN_PURCHASE).stream()
                .map(l -> new OpenOrder(l.order.id, l.order.number, l.item.id, l.item.code,
                        plain(l.quantity.subtract(l.fulfilledQuantity).max(BigDecimal.ZERO)), l.date,
                        l.order.status.name())).toList();
        List<Stock> stock = new ArrayList<>();
        for (Long id : concerned) {
            Item it = Item.findById(id);
            BigDecimal onHand = StockBalance.<StockBalance>list("item.id", id).stream().map(b -> b.quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            stock.add(new Stock(id, it.code, plain(onHand)));
        }
        return new Impact(item.id, item.code, current.map(r -> r.revision).orElse(null), usedIn, production, purchase,
                stock, plain(now.unitCost()), plain(then.unitCost()), plain(then.unitCost().subtract(now.unitCost())));
    }

    /**
     * Carries the change out in the caller's transaction: closes the revision in force on the effective date (its
     * {@code validTo}, exclusive, becomes that date, so it was last effective the day before), saves the new one from
     * that date on, and moves the open production orders that follow the closed revision and have reported nothing
     * to the new one when the change says so. A revision starting on or after the date is a 409; any refusal of the
     * save (a revision label taken, an invalid line) takes everything back.
     */
    @Transactional
    public Applied apply(RevisionChange change) {
        tenant.requireEnterprise();
        RevisionChange c = change.effectiveFromItsDate();
        Item item = Lookups.reference(Item.class, "Item", c.itemId(), null, "itemId");
        LocalDate date = c.effectiveDate();
        List<? extends ItemRevision> revisions = revisionsOf(c.kind(), item);
        revisions.stream().filter(r -> !r.validFrom.isBefore(date)).findFirst().ifPresent(later -> {
            throw DomainException.conflict("later-revision", "A revision starts on or after the effective date",
                    "Revision " + later.revision + " of '" + item.code + "' is effective from " + later.validFrom
                            + "; a change effective " + date + " would overlap it",
                    new FieldError("effectiveDate", "must be after " + later.validFrom));
        });
        Optional<? extends ItemRevision> current = revisions.stream().filter(r -> r.effectiveOn(date)).findFirst();
        current.ifPresent(r -> r.validTo = date);
        Item.flush();
        long newId = switch (c.kind()) {
            case BOM -> boms.saveRevision(null, c.bom()).id();
            case RECIPE -> recipes.saveRevision(null, c.recipe()).id();
            case ROUTING -> routings.saveRouting(null, c.routing()).id();
        };
        List<String> switched = new ArrayList<>();
        if (c.switchOpenOrders() && current.isPresent()) {
            for (ProductionOrder order : ProductionOrder.<ProductionOrder>list(
                    "item = ?1 and status in ?2 and completedQuantity = 0 order by id", item, OPEN_PRODUCTION)) {
                if (switchTo(order, c.kind(), current.get(), newId)) {
                    switched.add(order.number);
                }
            }
            Item.flush();
        }
        return new Applied(newId, c.revision(), current.map(r -> r.id).orElse(null),
                current.map(r -> r.revision).orElse(null), current.isPresent() ? date : null, switched);
    }

    private static boolean switchTo(ProductionOrder order, RevisionChange.Kind kind, ItemRevision closed, long newId) {
        switch (kind) {
            case BOM -> {
                if (order.bom != null && order.bom.id.equals(closed.id)) {
                    order.bom = Bom.findById(newId);
                    return true;
                }
            }
            case RECIPE -> {
                if (order.recipe != null && order.recipe.id.equals(closed.id)) {
                    order.recipe = Recipe.findById(newId);
                    return true;
                }
            }
            case ROUTING -> {
                if (order.routing != null && order.routing.id.equals(closed.id)) {
                    order.routing = Routing.findById(newId);
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<? extends ItemRevision> inForce(RevisionChange.Kind kind, Item item, LocalDate date) {
        return revisionsOf(kind, item).stream().filter(r -> r.effectiveOn(date)).findFirst();
    }

    /** The revisions a change of this kind succeeds: BOMs and recipes share one effectivity, routings have their own. */
    private static List<? extends ItemRevision> revisionsOf(RevisionChange.Kind kind, Item item) {
        if (kind == RevisionChange.Kind.ROUTING) {
            return Routing.<Routing>list("item = ?1 order by validFrom", item);
        }
        List<ItemRevision> structures = new ArrayList<>(Bom.<Bom>list("item = ?1 order by validFrom", item));
        structures.addAll(Recipe.<Recipe>list("item = ?1 order by validFrom", item));
        return structures;
    }
}
