package org.pilotline.erp.scheduling.solver.validation;

/**
 * Why a scheduling problem cannot be solved as given, naming what is wrong so a REST layer can answer 422 with it.
 *
 * @param kind        what is wrong, a stable value a client may switch on
 * @param jobId       the job concerned, or null
 * @param operationId the operation concerned, or null
 * @param machineId   the machine concerned, or null
 * @param message     a human sentence naming the offending element
 */
public record InputProblem(Kind kind, String jobId, String operationId, String machineId, String message) {

    public enum Kind {
        DUPLICATE_MACHINE_ID,
        DUPLICATE_JOB_ID,
        DUPLICATE_OPERATION_ID,
        JOB_WITHOUT_OPERATIONS,
        NEGATIVE_RELEASE_TIME,
        NEGATIVE_WEIGHT,
        NO_ELIGIBLE_MACHINE,
        UNKNOWN_MACHINE,
        NEGATIVE_DURATION,
        NO_WORKING_TIME_FOR_OPERATION,
        INVALID_TRANSFER_BATCH,
        PIN_ON_INELIGIBLE_MACHINE,
        PIN_OUTSIDE_WORKING_TIME,
        PIN_BEFORE_RELEASE,
        PINS_OVERLAP,
        PINS_CONTRADICT_ROUTING,
        /** An operation waits for an operation that does not exist. */
        UNKNOWN_OPERATION_WAITED_FOR,
        /** Operations wait for each other in a circle (through routings and waits for other jobs). */
        WAITS_IN_A_CIRCLE
    }

    static InputProblem ofOperation(Kind kind, String jobId, String operationId, String machineId, String message) {
        return new InputProblem(kind, jobId, operationId, machineId, message);
    }
}
