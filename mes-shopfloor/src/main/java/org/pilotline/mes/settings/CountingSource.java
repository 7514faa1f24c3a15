package org.pilotline.mes.settings;

/** Who counts the pieces a work center produces. */
public enum CountingSource {
    /** Operators report quantities at the terminal. */
    TERMINAL,
    /** The machines' PLC part counters report good quantity; operators still report scrap and rework. */
    MACHINE
}
