package org.pilotline.erp.mrp.engine.plan;

/** What a planned order becomes when the planner converts it. */
public enum OrderType {
    PRODUCTION,
    PURCHASE
}
