package org.pilotline.erp.scheduling.solver.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A production order to schedule: its operations in routing order (each starts after the previous one ends, or
 * overlaps it by a {@link TransferBatch}).
 *
 * @param id          unique within the problem
 * @param releaseTime no operation starts before it (material availability, order release)
 * @param dueTime     when the last operation should end, or null when the order has no due date
 * @param weight      priority: the cost of one minute of tardiness in the weighted-tardiness objective (≥ 0)
 */
public record Job(String id, long releaseTime, Long dueTime, long weight, List<Operation> operations) {

    public Job {
        Objects.requireNonNull(id, "id");
        operations = List.copyOf(operations);
    }

    public OptionalLong due() {
        return dueTime == null ? OptionalLong.empty() : OptionalLong.of(dueTime);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a job: {@code Job.builder("PO-1").release(0).due(480).weight(3).operation(...).build()}. */
    public static final class Builder {
        private final String id;
        private long releaseTime;
        private Long dueTime;
        private long weight = 1;
        private final List<Operation> operations = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder release(long releaseTime) {
            this.releaseTime = releaseTime;
            return this;
        }

        public Builder due(long dueTime) {
            this.dueTime = dueTime;
            return this;
        }

        public Builder weight(long weight) {
            this.weight = weight;
            return this;
        }

        public Builder operation(Operation operation) {
            operations.add(operation);
            return this;
        }

        public Builder operation(Operation.Builder operation) {
            return operation(operation.build());
        }

        public Job build() {
            return new Job(id, releaseTime, dueTime, weight, operations);
        }
    }
}
