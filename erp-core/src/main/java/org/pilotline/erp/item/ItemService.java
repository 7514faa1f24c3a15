package org.pilotline.erp.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.erp.unit.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Items of the caller's enterprise. */
@ApplicationScoped
public class ItemService {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name", "type", "type",
            "sourcing", "sourcing", "leadTimeDays", "leadTimeDays", "standardCost", "standardCost");

    @Inject
    TenantContext tenant;

    public Page<ItemView> listItems(PageRequest page, String text, ItemType type, Sourcing sourcing, Boolean active) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().text(text, "code", "name")
                .and(type != null, "type = :type", "type", () -> type)
                .and(sourcing != null, "sourcing = :sourcing", "sourcing", () -> sourcing)
                .and(active != null, "active = :active", "active", () -> active);
        return Lookups.page(Item.find(filter.where(), page.toSort(SORTABLE, "id"), filter.parameters()), page, ItemView::of);
    }

    public ItemView getItem(long id) {
        tenant.requireEnterprise();
        return ItemView.of(Lookups.require(Item.class, "Item", id));
    }

    @Transactional
    public ItemView createItem(ItemRequest request) {
        tenant.requireEnterprise();
        Lookups.requireFree(Item.find("code", request.code()), "Item", request.code(), null);
        Item item = new Item();
        apply(item, request);
        item.persist();
        return ItemView.of(item);
    }

    @Transactional
    public ItemView updateItem(long id, ItemRequest request) {
        tenant.requireEnterprise();
        Item item = Lookups.require(Item.class, "Item", id);
        Versions.requireCurrent("Item", id, request.version(), item.version);
        Lookups.requireFree(Item.find("code", request.code()), "Item", request.code(), id);
        Unit unit = stockUnit(request);
        if (!item.stockUnit.id.equals(unit.id) && hasStock(item)) {
            throw DomainException.conflict("stock-unit-locked", "The stock unit cannot change",
                    "Item '" + item.code + "' has stock moves in " + item.stockUnit.code + "; its stock unit stays",
                    new FieldError("stockUnitId", "cannot change once stock has moved"));
        }
        apply(item, request);
        Item.flush();
        return ItemView.of(item);
    }

    /** Deletes an item nothing refers to; one that is in use can be made inactive instead. */
    @Transactional
    public void deleteItem(long id) {
        tenant.requireEnterprise();
        Item item = Lookups.require(Item.class, "Item", id);
        Lookups.deleteUnlessReferenced(item, "Item '" + item.code + "'");
    }

    private static boolean hasStock(Item item) {
        return Item.getEntityManager().createQuery("select count(m) from StockMove m where m.item = :item", Long.class)
                .setParameter("item", item).getSingleResult() > 0;
    }

    private static Unit stockUnit(ItemRequest r) {
        return Lookups.reference(Unit.class, "Unit", r.stockUnitId(), r.stockUnitCode(), "stockUnitId");
    }

    private static void apply(Item item, ItemRequest r) {
        Unit unit = stockUnit(r);
        LotSizing policy = r.lotSizing() == null ? LotSizing.LOT_FOR_LOT : r.lotSizing();
        Tracking tracking = r.tracking() == null ? Tracking.NONE : r.tracking();
        boolean allowNegative = Boolean.TRUE.equals(r.allowNegativeStock());
        List<FieldError> problems = new ArrayList<>(ItemRules.lotSizingProblems(new ItemRules.LotSizingSettings(
                policy, r.lotSizeQuantity(), r.lotSizeMinimum(), r.lotSizeMaximum(), r.lotSizeMultiple(), r.periodsOfSupply())));
        problems.addAll(ItemRules.trackingProblems(tracking, unit.decimals, allowNegative));
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-item", "The item is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
        item.code = r.code();
        item.name = r.name();
        item.description = r.description();
        item.type = r.type();
        item.sourcing = r.sourcing();
        item.stockUnit = unit;
        item.leadTimeDays = r.leadTimeDays();
        item.lotSizing = policy;
        item.lotSizeQuantity = r.lotSizeQuantity();
        item.lotSizeMinimum = r.lotSizeMinimum();
        item.lotSizeMaximum = r.lotSizeMaximum();
        item.lotSizeMultiple = r.lotSizeMultiple();
        item.periodsOfSupply = r.periodsOfSupply();
        item.safetyStock = r.safetyStock() == null ? BigDecimal.ZERO : r.safetyStock();
        item.standardCost = r.standardCost() == null ? BigDecimal.ZERO : r.standardCost();
        item.standardLotSize = r.standardLotSize() == null ? BigDecimal.ONE : r.standardLotSize();
        item.tracking = tracking;
        item.allowNegativeStock = allowNegative;
        item.active = r.active() == null || r.active();
    }
}
