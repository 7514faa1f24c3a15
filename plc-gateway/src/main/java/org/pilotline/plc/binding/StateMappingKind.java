package org.pilotline.plc.binding;

/** Where the machine state comes from. */
public enum StateMappingKind {
    /** OPC 40001-1 MachineryItemState (and optionally MachineryOperationMode) nodes. */
    MACHINERY,
    /** A boolean running flag plus a boolean fault flag. */
    RUNNING_FAULT_FLAGS,
    /** A PackML (ISA-TR88.00.02) state number. */
    PACKML
}
