package org.pilotline.kpi.rollup;

import java.time.Instant;

/** One roll-up bucket: [start, end) and how a person names it in the plant's zone (2026-03-02, 2026-W10, …). */
public record Bucket(Grain grain, Instant start, Instant end, String label) {
}
