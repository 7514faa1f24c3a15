package org.pilotline.erp.mrp.engine.model;

/** Byte codes of supply, demand and exception kinds in the internal arrays (the ordinals of the public enums). */
public final class Kinds {

    public static final byte ON_HAND = 0;
    public static final byte PURCHASE_ORDER = 1;
    public static final byte PRODUCTION_ORDER = 2;
    public static final byte FIRMED_PLANNED_ORDER = 3;
    public static final byte CO_PRODUCT = 4;
    public static final byte PLANNED_ORDER = 5;

    public static final byte SALES_ORDER = 0;
    public static final byte RESERVATION = 1;
    public static final byte DEPENDENT = 2;
    public static final byte FORECAST = 3;
    public static final byte SAFETY_STOCK = 4;
    public static final byte STOCK_DEFICIT = 5;

    /** Indexed by demand kind: see {@link #demandPriority}. */
    private static final byte[] DEMAND_PRIORITY = {1, 2, 3, 4, 5, 0};

    public static final byte RELEASE_IN_PAST = 0;
    public static final byte EXPEDITE = 1;
    public static final byte DEFER = 2;
    public static final byte CANCEL = 3;
    public static final byte BELOW_SAFETY_STOCK = 4;
    public static final byte NO_VALID_FORMULA = 5;
    /** Added after planning (see ExceptionKind.LEAD_TIME_SHORT), never by the engine. */
    public static final byte LEAD_TIME_SHORT = 6;

    private Kinds() {
    }

    /**
     * Which demand is served first on the same date (lowest first): a stock deficit, sales orders, reservations,
     * dependent demand, forecast, safety stock.
     */
    public static int demandPriority(byte demandKind) {
        return DEMAND_PRIORITY[demandKind];
    }
}
