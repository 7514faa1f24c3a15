package org.pilotline.mes.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.mes.material.Backflush;
import org.pilotline.mes.material.OrderStructure;
import org.pilotline.mes.settings.ShopFloorSettings;
import org.pilotline.mes.settings.WorkCenterSettings;
import org.pilotline.mes.workorder.Operation;
import org.pilotline.mes.workorder.OperationState;
import org.pilotline.mes.workorder.WorkOrderState;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.quantity.Decimals;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A work center's (or work unit's) dispatch list: the operations still to do, in the live schedule's order, with what is
 * left to make, whether their components are staged, and whether they are late.
 */
@ApplicationScoped
public class DispatchService {

    public enum Readiness {
        /** Every component the rest of the operation consumes is on hand at the staging location. */
        STAGED,
        /** Something is short; see the lines. */
        SHORT,
        /** The operation consumes nothing. */
        NONE_NEEDED,
        /** The work center has no staging location, so readiness cannot be told. */
        UNKNOWN
    }

    public record MaterialLine(long itemId, String itemCode, BigDecimal required, BigDecimal onHand) {
    }

    public record DispatchLine(long operationId, int operationNo, String operationName, long workOrderId,
                               String workOrderNumber, long itemId, String itemCode, OperationState state,
                               Long workUnitId, Instant plannedStart, Instant plannedEnd, LocalDate dueDate,
                               BigDecimal quantityToGo, Readiness material, List<MaterialLine> materialLines,
                               boolean late, String lateBecause) {
    }

    private static final Set<OperationState> OPEN = Set.of(OperationState.WAITING, OperationState.READY,
            OperationState.SETUP, OperationState.RUNNING, OperationState.PAUSED);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    OrderStructure structures;

    @Inject
    ShopFloorSettings settings;

    @Inject
    org.pilotline.erp.enterprise.PlantClock clock;

    public List<DispatchLine> dispatchList(Long workCenterId, Long workUnitId) {
        tenant.requireEnterprise();
        if (workCenterId == null && workUnitId == null) {
            throw DomainException.invalid("invalid-filter", "Name a work center or a work unit",
                    new FieldError("workCenterId", "workCenterId or workUnitId is required"));
        }
        var query = em.createQuery("select o from Operation o join fetch o.workOrder w"
                        + " where o.state in :open and w.state in :active"
                        + (workCenterId != null ? " and o.workCenterId = :wc" : "")
                        + (workUnitId != null ? " and o.workUnitId = :wu" : ""), Operation.class)
                .setParameter("open", OPEN).setParameter("active", Set.of(WorkOrderState.RELEASED, WorkOrderState.IN_PROGRESS));
        if (workCenterId != null) {
            query.setParameter("wc", workCenterId);
        }
        if (workUnitId != null) {
            query.setParameter("wu", workUnitId);
        }
        List<Operation> operations = new ArrayList<>(query.getResultList());
        operations.sort(Comparator.comparing((Operation o) -> o.plannedStart, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(o -> o.workOrder.dueDate).thenComparing(o -> o.workOrder.number)
                .thenComparingInt(o -> o.operationNo));
        Map<Long, Set<Integer>> operationNos = new HashMap<>();
        Map<Long, Integer> lastOperationNo = new HashMap<>();
        ZoneId zone = clock.zone();
        Instant now = Instant.now();
        List<DispatchLine> lines = new ArrayList<>();
        for (Operation o : operations) {
            long wo = o.workOrder.id;
            if (!operationNos.containsKey(wo)) {
                List<Integer> numbers = em.createQuery("select x.operationNo from Operation x where x.workOrder.id = :wo",
                        Integer.class).setParameter("wo", wo).getResultList();
                operationNos.put(wo, new HashSet<>(numbers));
                lastOperationNo.put(wo, numbers.stream().max(Integer::compare).orElse(o.operationNo));
            }
            BigDecimal toGo = o.workOrder.quantity.subtract(o.goodQuantity).max(BigDecimal.ZERO);
            Item item = em.find(Item.class, o.workOrder.itemId);
            List<MaterialLine> material = material(o, toGo, operationNos.get(wo), lastOperationNo.get(wo) == o.operationNo);
            Readiness readiness = readiness(o, material);
            String lateBecause = null;
            Instant dueEnd = o.workOrder.dueDate.plusDays(1).atStartOfDay(zone).toInstant();
            if (o.plannedEnd != null && o.plannedEnd.isBefore(now)) {
                lateBecause = "planned to end " + o.plannedEnd + ", not finished";
            } else if (o.plannedEnd != null && o.plannedEnd.isAfter(dueEnd)) {
                lateBecause = "planned to end after the order's due date " + o.workOrder.dueDate;
            } else if (o.plannedEnd == null && now.isAfter(dueEnd)) {
                lateBecause = "the order was due " + o.workOrder.dueDate;
            }
            lines.add(new DispatchLine(o.id, o.operationNo, o.name, wo, o.workOrder.number, item.id, item.code, o.state,
                    o.workUnitId, o.plannedStart, o.plannedEnd, o.workOrder.dueDate, Decimals.plain(toGo), readiness,
                    material, lateBecause != null, lateBecause));
        }
        return lines;
    }

    private List<MaterialLine> material(Operation o, BigDecimal toGo, Set<Integer> operationNos, boolean last) {
        ProductionOrder order = em.find(ProductionOrder.class, o.workOrder.productionOrderId);
        List<Backflush.Requirement> requirements = Backflush.requirements(structures.of(order).components(),
                o.operationNo, last, operationNos, toGo);
        WorkCenterSettings center = settings.workCenter(o.workCenterId).orElse(null);
        List<MaterialLine> lines = new ArrayList<>();
        for (Backflush.Requirement r : requirements) {
            Item component = em.find(Item.class, r.itemId());
            BigDecimal onHand = center == null || center.stagingLocationId == null ? null
                    : em.createQuery("select coalesce(sum(b.quantity), 0) from StockBalance b where b.item.id = :item"
                            + " and b.location.id = :location", BigDecimal.class)
                    .setParameter("item", r.itemId()).setParameter("location", center.stagingLocationId).getSingleResult();
            lines.add(new MaterialLine(component.id, component.code, Decimals.plain(r.quantity()), Decimals.plain(onHand)));
        }
        return lines;
    }

    private static Readiness readiness(Operation o, List<MaterialLine> lines) {
        if (lines.isEmpty()) {
            return Readiness.NONE_NEEDED;
        }
        if (lines.stream().anyMatch(l -> l.onHand() == null)) {
            return Readiness.UNKNOWN;
        }
        return lines.stream().allMatch(l -> l.onHand().compareTo(l.required()) >= 0) ? Readiness.STAGED : Readiness.SHORT;
    }
}
