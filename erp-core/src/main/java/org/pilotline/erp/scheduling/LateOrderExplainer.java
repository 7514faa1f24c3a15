package org.pilotline.erp.scheduling;

import org.pilotline.erp.scheduling.SchedulingDtos.ChainLink;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.MachineOption;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.Pin;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.model.TransferBatch;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain;
import org.pilotline.erp.scheduling.solver.schedule.Schedule;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains an order's completion from a stored schedule with the solver's {@link BindingChain}: the stored orders and
 * operations are turned back into the solver's terms (minutes from the schedule's horizon start, the routing, transfer
 * batches, pins and releases recorded at the solve), and the chain's links are named in ERP terms.
 */
final class LateOrderExplainer {

    private LateOrderExplainer() {
    }

    static List<ChainLink> chain(Instant horizonStart, List<ScheduleOrder> orders, List<ScheduleOperation> operations,
                                 ScheduleOrder target) {
        if (horizonStart == null || operations.isEmpty()) {
            return List.of();
        }
        Horizon horizon = new Horizon(horizonStart, horizonStart);
        Map<Long, List<ScheduleOperation>> byOrder = new HashMap<>();
        operations.forEach(row -> byOrder.computeIfAbsent(row.productionOrderId, id -> new ArrayList<>()).add(row));
        Map<String, ScheduleOperation> rows = new HashMap<>();
        Map<String, Machine> machines = new LinkedHashMap<>();
        Map<Long, String> numbers = new HashMap<>();
        SchedulingProblem.Builder problem = SchedulingProblem.builder();
        List<ScheduledOperation> placed = new ArrayList<>();
        for (ScheduleOrder order : orders) {
            numbers.put(order.productionOrderId, order.orderNumber);
            List<ScheduleOperation> steps = byOrder.getOrDefault(order.productionOrderId, List.of());
            steps.sort(Comparator.comparingInt(row -> row.routingPosition));
            String jobId = String.valueOf(order.productionOrderId);
            Job.Builder job = Job.builder(jobId)
                    .release(Math.max(0, horizon.minutesAtOrAfter(order.releaseAt)))
                    .due(horizon.minutesAtOrBefore(order.dueAt)).weight(order.weight);
            for (int position = 0; position < steps.size(); position++) {
                ScheduleOperation row = steps.get(position);
                String id = row.productionOrderId + "/" + row.operationNo;
                String machine = String.valueOf(row.workUnitId);
                machines.putIfAbsent(machine, Machine.alwaysAvailable(machine));
                rows.put(id, row);
                long start = horizon.minutesAtOrBefore(row.startAt);
                TransferBatch batch = row.transferBatch == null ? null : new TransferBatch(row.transferBatch, row.transferLot);
                job.operation(new Operation(id, List.of(new MachineOption(machine, row.setupMinutes, row.processingMinutes)),
                        null, batch, row.pinned ? new Pin(machine, start) : null));
                placed.add(new ScheduledOperation(jobId, id, position, machine, start,
                        horizon.minutesAtOrBefore(row.endAt), row.setupMinutes, row.processingMinutes, row.pinned));
            }
            problem.job(job);
        }
        machines.values().forEach(problem::machine);
        List<BindingChain.Link> links = BindingChain.of(problem.build(), new Schedule(placed),
                String.valueOf(target.productionOrderId));
        List<ChainLink> chain = new ArrayList<>();
        ScheduleOperation previous = null;
        for (BindingChain.Link link : links) {
            ScheduleOperation row = rows.get(link.operationId());
            String number = numbers.get(row.productionOrderId);
            chain.add(new ChainLink(row.id, row.productionOrderId, number, row.operationNo, row.workUnitId,
                    row.workUnitCode, row.workCenterCode, row.startAt, row.endAt, link.reason(),
                    explanation(link.reason(), row, previous, numbers)));
            previous = row;
        }
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

    private static String explanation(BindingChain.Reason reason, ScheduleOperation row, ScheduleOperation before,
                                      Map<Long, String> numbers) {
        String other = before == null ? "" : numbers.get(before.productionOrderId) + " operation " + before.operationNo;
        return switch (reason) {
            case ROUTING_PREDECESSOR -> "waits for its routing predecessor, " + other;
            case MACHINE_PREDECESSOR -> "waits for machine " + row.workUnitCode + ", busy with " + other;
            case RELEASE -> "starts at its order's release";
            case PINNED -> "pinned here by the planner";
            case MATERIAL -> "waits for its material";
            case WORKING_TIME -> "waits for working time on " + row.workUnitCode + " (a break, night or holiday)";
        };
    }

    private static String describe(BindingChain.Reason reason) {
        return switch (reason) {
            case ROUTING_PREDECESSOR -> "after its routing predecessor";
            case MACHINE_PREDECESSOR -> "after the machine's previous operation";
            case RELEASE -> "at its order's release";
            case PINNED -> "pinned";
            case MATERIAL -> "after its material";
            case WORKING_TIME -> "at the machine's next working time";
        };
    }
}
