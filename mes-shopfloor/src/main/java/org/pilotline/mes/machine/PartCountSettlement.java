package org.pilotline.mes.machine;

/**
 * What became of a part count at a work center that counts by machine ({@code mes_part_count.counting}; null where the
 * terminal counts). Decided when the count is stored, then settled once: PENDING → APPLIED or REFUSED.
 */
public enum PartCountSettlement {
    /** Stored, to become the running operation's good quantity; the after-commit delivery or the sweep applies it. */
    PENDING,
    /** Applied as a QUANTITY report (its id kept with the count). */
    APPLIED,
    /** Refused as a QUANTITY report — the operation in setup or finished, stock short, more than ordered — kept so. */
    REFUSED,
    /** Counted while no operation was under way on the machine's work unit: kept in the history, counted for none. */
    NO_OPERATION
}
