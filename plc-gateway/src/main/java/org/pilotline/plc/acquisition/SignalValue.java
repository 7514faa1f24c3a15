package org.pilotline.plc.acquisition;

import java.time.Instant;

/**
 * One value of one signal as the server reported it. {@code good} is false for a bad status; {@code overflow} is the
 * monitored item's queue-overflow bit (values before this one were discarded by the server).
 */
public record SignalValue(Signal signal, Object value, boolean good, boolean overflow, Instant sourceTime,
                          Instant serverTime) {
}
