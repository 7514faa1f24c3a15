package org.pilotline.plc.contract;

import java.time.Instant;

/**
 * The machine's MachineryItemState or operation mode changed. {@code from} equals {@code to} when only the operation
 * mode changed. {@code sourceTime} is the PLC's timestamp of the change, {@code serverTime} the OPC UA server's.
 */
public record MachineStateChanged(String machine, long sequence, MachineryItemState from, MachineryItemState to,
                                  MachineryOperationMode operationMode, Instant sourceTime, Instant serverTime)
        implements MachineEvent {
}
