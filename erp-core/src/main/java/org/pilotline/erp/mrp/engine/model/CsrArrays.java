package org.pilotline.erp.mrp.engine.model;

/**
 * Lists per owner in compressed sparse rows: one array of entries grouped by owner and one of start offsets, so
 * that the entries of owner {@code i} are {@code [start[i], start[i + 1])} — no object per owner or per entry.
 */
final class CsrArrays {

    private CsrArrays() {
    }

    /** Turns per-owner counts held at {@code start[owner + 1]} into the start offsets. */
    static void prefixSums(int[] start) {
        for (int owner = 0; owner + 1 < start.length; owner++) {
            start[owner + 1] += start[owner];
        }
    }
}
