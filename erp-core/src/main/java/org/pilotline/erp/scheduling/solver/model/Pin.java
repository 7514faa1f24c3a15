package org.pilotline.erp.scheduling.solver.model;

import java.util.Objects;

/** An operation the solver must keep where it is: already started on the shop floor, or fixed by the planner. */
public record Pin(String machineId, long start) {

    public Pin {
        Objects.requireNonNull(machineId, "machineId");
    }
}
