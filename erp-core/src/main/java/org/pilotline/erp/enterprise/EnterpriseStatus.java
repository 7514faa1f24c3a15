package org.pilotline.erp.enterprise;

/** Where an enterprise stands in the pilot programme. */
public enum EnterpriseStatus {
    /** Taking part: its users work and its KPIs are reviewed. */
    ACTIVE,
    /** Paused by the programme: processes that require an active pilot refuse to start. */
    SUSPENDED,
    /** Finished the programme; its data stays. */
    GRADUATED
}
