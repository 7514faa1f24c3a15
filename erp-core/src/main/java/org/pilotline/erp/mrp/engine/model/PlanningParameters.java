package org.pilotline.erp.mrp.engine.model;

/**
 * Settings of an MRP run (not master data).
 *
 * @param forecastBackwardWeeks how many weekly buckets before its own a sales order may consume forecast from
 * @param forecastForwardWeeks  how many weekly buckets after its own a sales order may consume forecast from (after
 *                              the backward ones)
 * @param expediteWindowDays    a scheduled receipt (purchase, production or firmed planned order) due at most this
 *                              many calendar days after a shortage covers it with an EXPEDITE message instead of a
 *                              new planned order
 * @param deferToleranceDays    a receipt due more than this many calendar days before it is first needed gets a
 *                              DEFER message
 * @param threads               worker threads for items of one low-level code (1: the caller's thread only); the
 *                              result does not depend on it
 */
public record PlanningParameters(int forecastBackwardWeeks, int forecastForwardWeeks, int expediteWindowDays,
                                 int deferToleranceDays, int threads) {

    public PlanningParameters {
        if (forecastBackwardWeeks < 0 || forecastForwardWeeks < 0 || expediteWindowDays < 0 || deferToleranceDays < 0) {
            throw new IllegalArgumentException("planning parameters must not be negative");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** One week back, one week forward, 14 days to expedite, 7 days of tolerance, one thread per core. */
    public static PlanningParameters defaults() {
        return new PlanningParameters(1, 1, 14, 7, Runtime.getRuntime().availableProcessors());
    }

    public PlanningParameters withForecastWindow(int backwardWeeks, int forwardWeeks) {
        return new PlanningParameters(backwardWeeks, forwardWeeks, expediteWindowDays, deferToleranceDays, threads);
    }

    public PlanningParameters withExpediteWindowDays(int days) {
        return new PlanningParameters(forecastBackwardWeeks, forecastForwardWeeks, days, deferToleranceDays, threads);
    }

    public PlanningParameters withDeferToleranceDays(int days) {
        return new PlanningParameters(forecastBackwardWeeks, forecastForwardWeeks, expediteWindowDays, days, threads);
    }

    public PlanningParameters withThreads(int count) {
        return new PlanningParameters(forecastBackwardWeeks, forecastForwardWeeks, expediteWindowDays,
                deferToleranceDays, count);
    }

    /** Whether plans made with these and with {@code other} parameters are the same (threads aside). */
    public boolean planLike(PlanningParameters other) {
        return forecastBackwardWeeks == other.forecastBackwardWeeks && forecastForwardWeeks == other.forecastForwardWeeks
                && expediteWindowDays == other.expediteWindowDays && deferToleranceDays == other.deferToleranceDays;
    }
}
