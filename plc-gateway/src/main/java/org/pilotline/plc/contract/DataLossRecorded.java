package org.pilotline.plc.contract;

import java.time.Instant;

/**
 * The gateway could not observe the machine between {@code from} and {@code to} (gateway clock, widened by one
 * publishing interval): state transitions in that span may be missing. Part counts are not lost when the PLC's
 * counters kept counting while the same gateway process went on (the next delta covers them); after the gateway itself
 * was down they are not back-filled.
 */
public record DataLossRecorded(String machine, long sequence, Instant from, Instant to, String reason)
        implements MachineEvent {
}
