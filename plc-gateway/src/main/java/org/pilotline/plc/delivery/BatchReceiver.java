package org.pilotline.plc.delivery;

import org.pilotline.plc.contract.MachineEventBatch;

/** Where batches go: in-process to the suite's observers, or over HTTP to the centre. Throws when not accepted. */
@FunctionalInterface
public interface BatchReceiver {

    void deliver(MachineEventBatch batch) throws Exception;
}
