package org.pilotline.plc.simulator;

import java.time.Instant;

/** A change the simulator made to a machine's item state or operation mode, with the source timestamp it wrote. */
public record Transition(String machine, Kind kind, String value, Instant at) {

    public enum Kind { ITEM_STATE, OPERATION_MODE }
}
