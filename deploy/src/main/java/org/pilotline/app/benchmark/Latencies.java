package org.pilotline.app.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every latency of a run, in microseconds, kept exactly (a run has at most a few hundred thousand). */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int size;

    void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    int size() {
        return size;
    }

    /** p50, p99, p99.9, max and mean in milliseconds (0.1 ms resolution). */
    Map<String, Object> summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", millis(percentile(sorted, 50)));
        m.put("p99", millis(percentile(sorted, 99)));
        m.put("p999", millis(percentile(sorted, 99.9)));
        m.put("max", millis(size == 0 ? 0 : sorted[size - 1]));
        m.put("mean", millis(size == 0 ? 0 : (long) Arrays.stream(sorted).average().orElse(0)));
        return m;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(sorted.length * p / 100.0);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
