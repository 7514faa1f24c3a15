package org.pilotline.plc.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the gateway tells the rest of the suite about a machine. Every event carries the machine's code and a
 * per-machine sequence number that only grows (also across gateway restarts): {@code (machine, sequence)} is the
 * idempotency key, since delivery is at least once.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MachineStateChanged.class, name = "state-changed"),
        @JsonSubTypes.Type(value = PartCountDelta.class, name = "part-count"),
        @JsonSubTypes.Type(value = DataLossRecorded.class, name = "data-loss")})
public sealed interface MachineEvent permits MachineStateChanged, PartCountDelta, DataLossRecorded {

    /** The binding's machine code, unique within its enterprise. */
    String machine();

    /** Per-machine sequence number, strictly increasing. */
    long sequence();
}
