package org.pilotline.erp.scheduling.solver.schedule;

/**
 * Where and when one operation runs. The machine is occupied over {@code [start, end)}: first the setup, then the
 * processing, stretched over any break the machine's calendar lets it span.
 *
 * @param routingPosition the operation's index in its job's routing (0 = first)
 * @param pinned          whether the solver was told to keep it here
 */
public record ScheduledOperation(String jobId, String operationId, int routingPosition, String machineId, long start,
                                 long end, long setupMinutes, long processingMinutes, boolean pinned) {
}
