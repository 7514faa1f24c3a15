package org.pilotline.plc.contract;

import java.time.Instant;

/**
 * Parts counted since the previous delta of the same machine: total, good and reject. Counter resets and rollovers
 * on the PLC are already accounted for; a delta is never negative.
 */
public record PartCountDelta(String machine, long sequence, long total, long good, long reject,
                             Instant sourceTime, Instant serverTime) implements MachineEvent {
}
