package org.pilotline.kpi.rollup;

/**
 * Fired in a transaction that noted roll-up touches of {@code tenant}: the roll-up worker observes it after the commit
 * and gives the enterprise a lane at once, instead of finding the touches at its next round.
 */
public record TouchesNoted(String tenant) {
}
