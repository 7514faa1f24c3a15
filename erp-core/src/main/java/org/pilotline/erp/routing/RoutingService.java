package org.pilotline.erp.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.erp.common.Effectivity;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Routings of the caller's enterprise, and the operation cost they add to an item. */
@ApplicationScoped
public class RoutingService {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    @Inject
    TenantContext tenant;

    public Page<RoutingView> listRoutings(PageRequest page, Long itemId, Long workCenterId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "item.id = :item", "item", () -> itemId)
                .and(workCenterId != null, "exists (select o from RoutingOperation o where o.routing = r and "
                        + "(o.workCenter.id = :center or exists (select a from RoutingAlternative a where a.operation = o "
                        + "and a.workCenter.id = :center)))", "center", () -> workCenterId);
        var query = Routing.<Routing>find("from Routing r where " + filter.where(),
                page.toSort(Map.of("revision", "revision", "validFrom", "validFrom"), "id"), filter.parameters());
        return Lookups.page(query, page, RoutingView::of);
    }

    public RoutingView getRouting(long id) {
        tenant.requireEnterprise();
        return RoutingView.of(Lookups.require(Routing.class, "Routing", id));
    }

    @Transactional
    public RoutingView saveRouting(Long id, RoutingRequest r) {
        tenant.requireEnterprise();
        Routing routing = id == null ? new Routing() : Lookups.require(Routing.class, "Routing", id);
        if (id != null) {
            Versions.requireCurrent("Routing", id, r.version(), routing.version);
        }
        Item item = Lookups.reference(Item.class, "Item", r.itemId(), r.itemCode(), "itemId");
        List<FieldError> problems = new ArrayList<>();
        if (item.sourcing != Sourcing.MAKE) {
            problems.add(new FieldError("itemId", "item '" + item.code + "' is bought, not made"));
        }
        Effectivity.problem(r.validFrom(), r.validTo()).ifPresent(problems::add);
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < r.operations().size(); i++) {
            if (!numbers.add(r.operations().get(i).operationNo())) {
                problems.add(new FieldError("operations[" + i + "].operationNo", "is used twice"));
            }
        }
        refuseIfAny(problems);
        List<Routing> others = Routing.list("item = ?1 and id <> ?2", item, id == null ? -1L : id);
        Effectivity.overlapping(r.validFrom(), r.validTo(),
                others.stream().map(o -> new Effectivity.Span(o.revision, o.validFrom, o.validTo)).toList())
                .ifPresent(clash -> {
                    throw DomainException.conflict("overlapping-revision", "Revisions overlap",
                            "Routing revision " + clash.label() + " of '" + item.code + "' is effective in the same period",
                            new FieldError("validFrom", "overlaps revision " + clash.label()));
                });
        if (Routing.count("item = ?1 and revision = ?2 and id <> ?3", item, r.revision(), id == null ? -1L : id) > 0) {
            throw DomainException.conflict("duplicate-revision", "The revision exists",
                    "Item '" + item.code + "' already has routing revision " + r.revision(),
                    new FieldError("revision", "is already used for this item"));
        }
        routing.item = item;
        routing.revision = r.revision();
        routing.validFrom = r.validFrom();
        routing.validTo = r.validTo();
        routing.operations.clear();
        if (id != null) {
            Routing.flush();
        }
        for (int i = 0; i < r.operations().size(); i++) {
            routing.operations.add(operation(routing, r.operations().get(i), "operations[" + i + "]"));
        }
        routing.persist();
        if (id != null) {
            Versions.bump(routing);
        }
        Routing.flush();
        return RoutingView.of(routing);
    }

    @Transactional
    public void deleteRouting(long id) {
        tenant.requireEnterprise();
        Lookups.deleteUnlessReferenced(Lookups.require(Routing.class, "Routing", id), "Routing " + id);
    }

    /** The routing of the item effective on the date. */
    public Optional<Routing> effectiveRouting(long itemId, LocalDate date) {
        return Routing.<Routing>list("item.id = ?1", itemId).stream().filter(r -> r.effectiveOn(date)).findFirst();
    }

    /**
     * Setup and run cost of one unit of the item on its primary work centers: per operation
     * (setup minutes ÷ standard lot size + run minutes) ÷ 60 × hourly rate.
     */
    public BigDecimal operationCostPerUnit(Item item, LocalDate date) {
        Optional<Routing> routing = effectiveRouting(item.id, date);
        if (routing.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return costPerUnit(item, routing.get().operations);
    }

    /**
     * What the operations a routing request proposes would cost per unit of the item (work centers checked, 400
     * naming the field), without storing anything: an engineering change's proposed cost.
     */
    public BigDecimal operationCostPerUnit(Item item, RoutingRequest proposed) {
        tenant.requireEnterprise();
        Routing routing = new Routing();
        List<RoutingOperation> operations = new ArrayList<>();
        for (int i = 0; i < proposed.operations().size(); i++) {
            operations.add(operation(routing, proposed.operations().get(i), "operations[" + i + "]"));
        }
        return costPerUnit(item, operations);
    }

    private static BigDecimal costPerUnit(Item item, List<RoutingOperation> operations) {
        BigDecimal total = BigDecimal.ZERO;
        for (RoutingOperation operation : operations) {
            BigDecimal minutes = operation.setupMinutes.divide(item.standardLotSize, MathContext.DECIMAL128)
                    .add(operation.runMinutes);
            total = total.add(minutes.multiply(operation.workCenter.hourlyRate).divide(MINUTES_PER_HOUR, MathContext.DECIMAL128));
        }
        return total;
    }

    private static RoutingOperation operation(Routing routing, RoutingRequest.Operation o, String field) {
        RoutingOperation operation = new RoutingOperation();
        operation.routing = routing;
        operation.operationNo = o.operationNo();
        operation.name = o.name();
        operation.workCenter = Lookups.reference(WorkCenter.class, "Work center", o.workCenterId(), o.workCenterCode(),
                field + ".workCenterId");
        operation.setupMinutes = o.setupMinutes() == null ? BigDecimal.ZERO : o.setupMinutes();
        operation.runMinutes = o.runMinutes();
        operation.transferQuantity = o.transferQuantity();
        var alternatives = o.alternatives() == null ? List.<RoutingRequest.Alternative>of() : o.alternatives();
        Set<Long> centers = new HashSet<>(List.of(operation.workCenter.id));
        for (int a = 0; a < alternatives.size(); a++) {
            RoutingRequest.Alternative alt = alternatives.get(a);
            WorkCenter center = Lookups.reference(WorkCenter.class, "Work center", alt.workCenterId(),
                    alt.workCenterCode(), field + ".alternatives[" + a + "].workCenterId");
            if (!centers.add(center.id)) {
                throw DomainException.invalid("invalid-routing", "A work center is listed twice for one operation",
                        new FieldError(field + ".alternatives[" + a + "].workCenterId", "is already a work center of this operation"));
            }
            RoutingAlternative alternative = new RoutingAlternative();
            alternative.operation = operation;
            alternative.workCenter = center;
            alternative.setupMinutes = alt.setupMinutes() == null ? operation.setupMinutes : alt.setupMinutes();
            alternative.runMinutes = alt.runMinutes();
            operation.alternatives.add(alternative);
        }
        return operation;
    }

    private static void refuseIfAny(List<FieldError> problems) {
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-routing", "The routing is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
    }
}
