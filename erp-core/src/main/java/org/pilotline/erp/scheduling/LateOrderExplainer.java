package org.pilotline.erp.scheduling;

import org.pilotline.erp.scheduling.SchedulingDtos.ChainLink;
import org.pilotline.erp.scheduling.SchedulingDtos.GapView;
import org.pilotline.erp.scheduling.SchedulingDtos.MaterialWaitView;
import org.pilotline.erp.scheduling.SchedulingDtos.WaitedFor;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain.Reason;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Explains an order's completion from a stored schedule: starting from its last operation, each operation's hold as the
 * solve recorded it (the solver's {@link BindingChain}: the reason, the operation waited for, when it was ready, the gap
 * crossed) leads to the operation it waited for, possibly of another order, until an operation held by its release,
 * a pin or a material receipt. The links are named in ERP terms, times in the plant's zone.
 */
final class LateOrderExplainer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LateOrderExplainer() {
    }

    static List<ChainLink> chain(ZoneId zone, List<ScheduleOrder> orders, List<ScheduleOperation> operations,
                                 List<ScheduleMaterialWait> waits, ScheduleOrder target) {
        Map<String, ScheduleOperation> rows = new HashMap<>();
        operations.forEach(row -> rows.put(key(row.productionOrderId, row.operationNo), row));
        Map<String, List<ScheduleMaterialWait>> waitsOf = new HashMap<>();
        waits.forEach(wait -> waitsOf.computeIfAbsent(key(wait.productionOrderId, wait.operationNo),
                k -> new ArrayList<>()).add(wait));
        Map<Long, String> numbers = new HashMap<>();
        orders.forEach(order -> numbers.put(order.productionOrderId, order.orderNumber));
        ScheduleOperation current = operations.stream().filter(row -> row.productionOrderId == target.productionOrderId)
                .max(Comparator.comparingInt(row -> row.routingPosition)).orElse(null);
        List<ChainLink> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (current != null && current.heldBy != null && seen.add(current.id)) {
            ScheduleOperation waited = current.heldByOrderId == null ? null
                    : rows.get(key(current.heldByOrderId, current.heldByOperationNo));
            List<MaterialWaitView> material = current.heldBy == Reason.MATERIAL
                    ? material(current, waitsOf.getOrDefault(key(current.productionOrderId, current.operationNo),
                    List.of())) : List.of();
            chain.add(new ChainLink(current.id, current.productionOrderId, numbers.get(current.productionOrderId),
                    current.operationNo, current.workUnitId, current.workUnitCode, current.workCenterCode,
                    current.startAt, current.endAt, current.heldBy, current.readyAt,
                    waited == null ? null : new WaitedFor(waited.productionOrderId,
                            numbers.get(waited.productionOrderId), waited.operationNo),
                    material, gap(current), explanation(current, waited, material, numbers, zone)));
            current = waited;
        }
        Collections.reverse(chain);
        return chain;
    }

    static String summary(ScheduleOrder order, List<ChainLink> chain) {
        String machines = String.join(", ", chain.stream().map(ChainLink::workUnitCode).distinct().toList());
        String binding = chain.isEmpty() ? "" : " Its completion is bound by a chain of " + chain.size()
                + " operation(s) on " + machines + ", starting with " + chain.get(0).orderNumber() + " operation "
                + chain.get(0).operationNo() + " (" + describe(chain.get(0).reason()) + ").";
        if (order.tardinessMinutes > 0) {
            return order.orderNumber + " ends " + order.tardinessMinutes + " minute(s) after its due time "
                    + order.dueAt + "." + binding;
        }
        return order.orderNumber + " is on time (ends " + order.completionAt + ", due " + order.dueAt + ")." + binding;
    }

    /** The material that held it: from the order it waited for, or the receipts expected when it was ready. */
    private static List<MaterialWaitView> material(ScheduleOperation row, List<ScheduleMaterialWait> waits) {
        List<ScheduleMaterialWait> binding = waits.stream().filter(wait -> row.heldByOrderId != null
                ? wait.supplierKind == SchedulingInput.SupplierKind.PRODUCTION_ORDER
                && wait.supplierOrderId == row.heldByOrderId
                : Objects.equals(wait.availableAt, row.readyAt)).toList();
        return (binding.isEmpty() ? waits : binding).stream().map(MaterialWaitView::of).toList();
    }

    private static GapView gap(ScheduleOperation row) {
        return row.gap == null ? null : new GapView(row.gap, row.gapWindowEnd, row.startAt);
    }

    private static String explanation(ScheduleOperation row, ScheduleOperation waited, List<MaterialWaitView> material,
                                      Map<Long, String> numbers, ZoneId zone) {
        String other = waited == null ? "" : numbers.get(waited.productionOrderId) + " operation " + waited.operationNo;
        String ready = row.readyAt == null ? "" : at(row.readyAt, zone);
        String held = switch (row.heldBy) {
            case ROUTING_PREDECESSOR -> "waits for its routing predecessor, " + other + ", which lets it go at " + ready;
            case MACHINE_PREDECESSOR -> "waits for work unit " + row.workUnitCode + ", busy with " + other + " until "
                    + ready;
            case MATERIAL -> "waits for its material: " + String.join(", ", material.stream()
                    .map(wait -> describe(wait, zone)).toList());
            case RELEASE -> "waits for its order's release at " + ready;
            case PINNED -> "pinned here by the planner or the shop floor";
            case WORKING_TIME -> "starts later than anything it waits for requires (ready at " + ready + ")";
        };
        if (row.gap == null) {
            return held;
        }
        long minutes = row.setupMinutes + row.processingMinutes;
        return held + switch (row.gap) {
            case OUTSIDE_WORKING_TIME -> "; that is outside the working time of " + row.workUnitCode
                    + ", which resumes at " + at(row.startAt, zone);
            case TOO_SHORT_BEFORE_BREAK -> "; its " + minutes + " minute(s) may not be interrupted and do not fit"
                    + (row.gapWindowEnd == null ? "" : " before the break at " + at(row.gapWindowEnd, zone))
                    + ", so it starts in the next window it fits, at " + at(row.startAt, zone)
                    + " (" + Duration.between(row.readyAt, row.startAt).toMinutes() + " minute(s) later)";
            case TRANSFER_BATCH -> "; it starts at " + at(row.startAt, zone)
                    + " so as not to run ahead of the last transfer batch";
        };
    }

    private static String describe(MaterialWaitView wait, ZoneId zone) {
        String source = wait.kind() == SchedulingInput.SupplierKind.PRODUCTION_ORDER
                ? "made by " + wait.orderNumber() : "on purchase order " + wait.orderNumber() + " line " + wait.lineNo();
        return wait.itemCode() + " " + source + (wait.availableAt() == null ? "" : ", there at "
                + at(wait.availableAt(), zone));
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case ROUTING_PREDECESSOR -> "after its routing predecessor";
            case MACHINE_PREDECESSOR -> "after the machine's previous operation";
            case MATERIAL -> "when its material arrives";
            case RELEASE -> "at its order's release";
            case PINNED -> "pinned";
            case WORKING_TIME -> "later than it had to";
        };
    }

    private static String at(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    private static String key(long orderId, int operationNo) {
        return orderId + "/" + operationNo;
    }
}
