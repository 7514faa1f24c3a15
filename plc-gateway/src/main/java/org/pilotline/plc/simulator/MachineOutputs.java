package org.pilotline.plc.simulator;

import java.time.Instant;

/** Where a simulated machine writes its tags: a node below the machine's folder, a value and its source time. */
@FunctionalInterface
interface MachineOutputs {

    void write(String machine, String relativeNode, Object value, Instant sourceTime);
}
