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
 * @param releaseTime             the operation does not start before it (its material arrives then), in addition to
 *                                its job's release; 0 for none. A pin overrides it
 * @param waitsFor                operations of other jobs it does not start before (they make its material)
 */
public record Operation(String id, List<MachineOption> machineOptions, String setupFamily,
                        TransferBatch transferFromPredecessor, Pin pin, long releaseTime, List<Precedence> waitsFor) {

    public Operation {
        Objects.requireNonNull(id, "id");
        machineOptions = List.copyOf(machineOptions);
        waitsFor = List.copyOf(waitsFor);
    }

    /** An operation bound only by its routing and its job's release. */
    public Operation(String id, List<MachineOption> machineOptions, String setupFamily,
                     TransferBatch transferFromPredecessor, Pin pin) {
        this(id, machineOptions, setupFamily, transferFromPredecessor, pin, 0, List.of());
    }

    public Optional<Pin> pinned() {
        return Optional.ofNullable(pin);
    }

    public Optional<MachineOption> optionOn(String machineId) {
        return machineOptions.stream().filter(option -> option.machineId().equals(machineId)).findFirst();
    }

    public Operation pinnedAt(String machineId, long start) {
        return new Operation(id, machineOptions, setupFamily, transferFromPredecessor, new Pin(machineId, start),
                releaseTime, waitsFor);
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
        private long releaseTime;
        private final List<Precedence> waitsFor = new ArrayList<>();

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

        /** Its material arrives at {@code time}: it does not start earlier. */
        public Builder releasedAt(long time) {
            this.releaseTime = time;
            return this;
        }

        /** It does not start before {@code operationId} (of another job) ends. */
        public Builder after(String operationId) {
            waitsFor.add(Precedence.after(operationId));
            return this;
        }

        /** It may start once {@code batchQuantity} of {@code lotQuantity} have passed {@code operationId}. */
        public Builder after(String operationId, long batchQuantity, long lotQuantity) {
            waitsFor.add(new Precedence(operationId, new TransferBatch(batchQuantity, lotQuantity)));
            return this;
        }

        public Operation build() {
            return new Operation(id, options, setupFamily, transferBatch, pin, releaseTime, waitsFor);
        }
    }
}
