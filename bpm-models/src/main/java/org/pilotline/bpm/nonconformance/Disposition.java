package org.pilotline.bpm.nonconformance;

/** What quality decides to do with a non-conforming quantity (the values of the disposition task's form). */
public enum Disposition {
    /** Issued from stock to scrap. */
    SCRAP,
    /** A rework operation is added to the work order for the quantity. */
    REWORK,
    /** Used as it is: a concession, granted by a manager. */
    USE_AS_IS,
    /** Issued from stock back to the supplier. */
    RETURN_TO_SUPPLIER
}
