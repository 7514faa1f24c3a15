package org.pilotline.erp.scheduling.solver.schedule;

/** When a job's last operation ends and how late that is against its due date (0 when on time or undated). */
public record JobCompletion(String jobId, long completion, Long dueTime, long weight, long tardiness) {

    public boolean isLate() {
        return tardiness > 0;
    }
}
