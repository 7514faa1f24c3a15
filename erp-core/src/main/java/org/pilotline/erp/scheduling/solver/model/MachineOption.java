package org.pilotline.erp.scheduling.solver.model;

import java.util.Objects;

/**
 * One machine an operation may run on, with its own times there. The machine is occupied for
 * {@code setupMinutes + processingMinutes} of working time: the sequence-independent setup comes first, then the
 * processing. (Sequence-dependent changeovers between operations come from the machine's {@link ChangeoverTimes}.)
 */
public record MachineOption(String machineId, long setupMinutes, long processingMinutes) {

    public MachineOption {
        Objects.requireNonNull(machineId, "machineId");
    }

    public static MachineOption on(String machineId, long processingMinutes) {
        return new MachineOption(machineId, 0, processingMinutes);
    }

    /** Working minutes the machine is busy with this operation. */
    public long occupationMinutes() {
        return setupMinutes + processingMinutes;
    }
}
