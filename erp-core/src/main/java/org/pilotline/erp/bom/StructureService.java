package org.pilotline.erp.bom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.bom.structure.CostRollup;
import org.pilotline.erp.bom.structure.Explosion;
import org.pilotline.erp.bom.structure.StructureCycles;
import org.pilotline.erp.bom.structure.StructureSource;
import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.erp.bom.structure.WhereUsed;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.erp.common.Effectivity;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.routing.RoutingService;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.erp.unit.UnitService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What BOMs and recipes together answer — explosion, where-used, cost roll-up — and the rules both must keep: no
 * cycle, and no two revisions of an item's structure effective on the same day.
 */
@ApplicationScoped
public class StructureService {

    @Inject
    TenantContext tenant;

    @Inject
    UnitService units;

    @Inject
    RoutingService routings;

    @Inject
    PlantClock clock;

    public List<Explosion.Row> explode(long itemId, BigDecimal quantity, LocalDate date) {
        tenant.requireEnterprise();
        Lookups.require(Item.class, "Item", itemId);
        return Explosion.of(itemId, quantity == null ? BigDecimal.ONE : quantity, dateOr(date), source());
    }

    public List<WhereUsed.Row> whereUsed(long itemId, LocalDate date, boolean multiLevel) {
        tenant.requireEnterprise();
        Lookups.require(Item.class, "Item", itemId);
        return WhereUsed.of(itemId, date, multiLevel, source());
    }

    public CostRollup.Cost rollUpCost(long itemId, LocalDate date) {
        tenant.requireEnterprise();
        Lookups.require(Item.class, "Item", itemId);
        return CostRollup.of(itemId, dateOr(date), source());
    }

    /**
     * The cost roll-up of one unit of the item on the date as if {@code proposedStructure} (when not null) were its
     * only BOM or recipe and {@code proposedOperationCost} (when not null) its routing's cost per unit: an
     * engineering change's proposed cost, by the same roll-up as the cost in force.
     */
    public CostRollup.Cost rollUpCostWith(long itemId, LocalDate date, StructureVersion proposedStructure,
                                          BigDecimal proposedOperationCost) {
        tenant.requireEnterprise();
        Lookups.require(Item.class, "Item", itemId);
        DatabaseStructureSource database = source();
        StructureSource proposed = new StructureSource() {
            @Override
            public ItemFacts item(long id) {
                return database.item(id);
            }

            @Override
            public List<StructureVersion> versionsOf(long id) {
                return id == itemId && proposedStructure != null ? List.of(proposedStructure) : database.versionsOf(id);
            }

            @Override
            public List<StructureVersion> versionsUsing(long id) {
                return database.versionsUsing(id);
            }

            @Override
            public java.util.Optional<StructureVersion> versionProducing(long id, LocalDate day) {
                return database.versionProducing(id, day);
            }

            @Override
            public BigDecimal operationCostPerUnit(long id, LocalDate day) {
                return id == itemId && proposedOperationCost != null ? proposedOperationCost
                        : database.operationCostPerUnit(id, day);
            }
        };
        return CostRollup.of(itemId, date, proposed);
    }

    /** Refuses giving {@code parent} these components if that closes a cycle, naming the cycle by item codes. */
    void requireNoCycle(Item parent, List<Long> componentIds, String field) {
        StructureCycles.cycleThrough(parent.id, componentIds, StructureService::componentsOfEveryVersion)
                .ifPresent(cycle -> {
                    Map<Long, String> codes = Item.<Item>list("id in ?1", new HashSet<>(cycle)).stream()
                            .collect(Collectors.toMap(i -> i.id, i -> i.code));
                    String named = cycle.stream().map(codes::get).collect(Collectors.joining(" → "));
                    throw DomainException.unprocessable("structure-cycle", "The structure would contain a cycle",
                            "Item " + codes.get(parent.id) + " would be made from itself: " + named,
                            new FieldError(field, "closes the cycle " + named));
                });
    }

    /**
     * Refuses a revision whose validity overlaps another BOM or recipe revision of the same item. The revision being
     * saved is left out by identity: a stored one is the very instance its queries return in this transaction.
     */
    void requireNoOverlap(StructureRevision saved, Item item, LocalDate from, LocalDate to) {
        Effectivity.problem(from, to).ifPresent(problem -> {
            throw DomainException.invalid("invalid-validity", "The validity is not valid", problem);
        });
        List<Effectivity.Span> others = new ArrayList<>();
        Bom.<Bom>list("item", item).stream().filter(b -> b != saved)
                .forEach(b -> others.add(new Effectivity.Span("BOM " + b.revision, b.validFrom, b.validTo)));
        Recipe.<Recipe>list("item", item).stream().filter(r -> r != saved)
                .forEach(r -> others.add(new Effectivity.Span("recipe " + r.revision, r.validFrom, r.validTo)));
        Effectivity.overlapping(from, to, others).ifPresent(clash -> {
            throw DomainException.conflict("overlapping-revision", "Revisions overlap",
                    clash.label() + " of '" + item.code + "' is effective in the same period",
                    new FieldError("validFrom", "overlaps " + clash.label()));
        });
    }

    DatabaseStructureSource source() {
        return new DatabaseStructureSource(units, routings);
    }

    private static Set<Long> componentsOfEveryVersion(long itemId) {
        Set<Long> components = new HashSet<>(Bom.getEntityManager().createQuery(
                "select l.component.id from BomLine l where l.bom.item.id = :item", Long.class)
                .setParameter("item", itemId).getResultList());
        components.addAll(Bom.getEntityManager().createQuery(
                "select i.item.id from RecipeIngredient i where i.recipe.item.id = :item", Long.class)
                .setParameter("item", itemId).getResultList());
        return components;
    }

    private LocalDate dateOr(LocalDate date) {
        return date == null ? clock.today() : date;
    }
}
