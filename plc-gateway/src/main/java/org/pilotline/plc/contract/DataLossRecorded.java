package org.pilotline.plc.contract;

import java.time.Instant;

/**
 * The gateway could not observe the machine between {@code from} and {@code to} (gateway clock, widened by one
 * publishing interval): state transitions in that span may be missing. Part counts are not lost when the PLC's
 * counters kept counting; the next delta covers them.
 */
public record DataLossRecorded(String machine, long sequence, Instant from, Instant to, String reason)
        implements MachineEvent {
}
