package org.pilotline.erp.scheduling.solver.model;

import java.util.Objects;

/**
 * An operation of another job that an operation waits for: the order that makes a component must finish (or pass its
 * first transfer batch) before the operation that consumes it starts. The same rules as a routing precedence: without
 * a transfer batch the operation starts after {@code operationId} ends; with one, as {@link TransferBatch} says.
 *
 * @param operationId the operation waited for (normally the last operation of the job making the component)
 * @param transfer    overlap allowed when the waited-for operation passes parts on in batches, or null for none
 */
public record Precedence(String operationId, TransferBatch transfer) {

    public Precedence {
        Objects.requireNonNull(operationId, "operationId");
    }

    public static Precedence after(String operationId) {
        return new Precedence(operationId, null);
    }
}
