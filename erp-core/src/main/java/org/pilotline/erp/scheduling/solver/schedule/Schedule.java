package org.pilotline.erp.scheduling.solver.schedule;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A placement of every operation: the Gantt data, per machine and per job. */
public record Schedule(List<ScheduledOperation> operations) {

    public Schedule {
        operations = List.copyOf(operations);
    }

    /** When the last operation ends (0 for an empty schedule). */
    public long makespan() {
        return operations.stream().mapToLong(ScheduledOperation::end).max().orElse(0);
    }

    public Optional<ScheduledOperation> operation(String operationId) {
        return operations.stream().filter(operation -> operation.operationId().equals(operationId)).findFirst();
    }

    /** The operations of each machine in time order (machines in order of first appearance). */
    public Map<String, List<ScheduledOperation>> byMachine() {
        return group(Comparator.comparingLong(ScheduledOperation::start), ScheduledOperation::machineId);
    }

    /** The operations of each job in routing order. */
    public Map<String, List<ScheduledOperation>> byJob() {
        return group(Comparator.comparingInt(ScheduledOperation::routingPosition), ScheduledOperation::jobId);
    }

    private Map<String, List<ScheduledOperation>> group(Comparator<ScheduledOperation> order,
                                                        java.util.function.Function<ScheduledOperation, String> key) {
        return operations.stream().sorted(order).collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.toList()));
    }
}
