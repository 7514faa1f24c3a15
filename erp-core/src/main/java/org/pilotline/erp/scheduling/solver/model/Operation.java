package org.pilotline.erp.scheduling.solver.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a job's routing.
 *
 * @param id                      unique within the problem; problems and results name operations by it
 * @param machineOptions          the eligible machines, each with its own durations (alternatives)
 * @param setupFamily             the setup family for sequence-dependent changeovers, or null
 * @param transferFromPredecessor overlap with the previous operation of the routing, or null for none
 * @param pin                     where the operation is pinned, or null when the solver may place it
 */
public record Operation(String id, List<MachineOption> machineOptions, String setupFamily,
                        TransferBatch transferFromPredecessor, Pin pin) {

    public Operation {
        Objects.requireNonNull(id, "id");
        machineOptions = List.copyOf(machineOptions);
    }

    public Optional<Pin> pinned() {
        return Optional.ofNullable(pin);
    }

    public Optional<MachineOption> optionOn(String machineId) {
        return machineOptions.stream().filter(option -> option.machineId().equals(machineId)).findFirst();
    }

    public Operation pinnedAt(String machineId, long start) {
        return new Operation(id, machineOptions, setupFamily, transferFromPredecessor, new Pin(machineId, start));
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds an operation: {@code Operation.builder("10").on("M1", 30).on("M2", 45).build()}. */
    public static final class Builder {
        private final String id;
        private final List<MachineOption> options = new ArrayList<>();
        private String setupFamily;
        private TransferBatch transferBatch;
        private Pin pin;

        private Builder(String id) {
            this.id = id;
        }

        public Builder on(String machineId, long processingMinutes) {
            options.add(MachineOption.on(machineId, processingMinutes));
            return this;
        }

        public Builder on(String machineId, long setupMinutes, long processingMinutes) {
            options.add(new MachineOption(machineId, setupMinutes, processingMinutes));
            return this;
        }

        public Builder setupFamily(String family) {
            this.setupFamily = family;
            return this;
        }

        public Builder transferBatch(long batchQuantity, long lotQuantity) {
            this.transferBatch = new TransferBatch(batchQuantity, lotQuantity);
            return this;
        }

        public Builder pinnedAt(String machineId, long start) {
            this.pin = new Pin(machineId, start);
            return this;
        }

        public Operation build() {
            return new Operation(id, options, setupFamily, transferBatch, pin);
        }
    }
}
