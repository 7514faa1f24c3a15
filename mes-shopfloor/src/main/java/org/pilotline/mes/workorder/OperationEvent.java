package org.pilotline.mes.workorder;

/** What can happen to an operation: the terminal's reports and the flow of quantity from the predecessor. */
public enum OperationEvent {
    /** The predecessor passed the transfer quantity, or finished. */
    PREDECESSOR_PASSED,
    SETUP_START,
    SETUP_END,
    START,
    PAUSE,
    RESUME,
    FINISH
}
