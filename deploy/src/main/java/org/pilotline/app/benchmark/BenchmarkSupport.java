package org.pilotline.app.benchmark;

import org.pilotline.erp.enterprise.UnifiedSocialCreditCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** What the benchmark commands share: their {@code --name value} options, latency summaries, generated enterprises. */
final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    /** {@code --name value} and {@code --name=value} arguments. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else {
                options.put(name, args[++i]);
            }
        }
        return options;
    }

    /** Samples, p50, p95 and max of latencies given in nanoseconds, in milliseconds to one decimal. */
    static Map<String, Object> summary(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", sorted.length);
        m.put("p50", ms(sorted, 50));
        m.put("p95", ms(sorted, 95));
        m.put("max", sorted.length == 0 ? 0 : round(sorted[sorted.length - 1] / 1e6));
        return m;
    }

    /** The nearest-rank percentile p of sorted nanoseconds, in milliseconds. */
    static double ms(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(sorted.length * p / 100.0);
        return round(sorted[Math.max(0, rank - 1)] / 1e6);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A valid, random unified social credit code for a generated enterprise. */
    static String creditCode() {
        StringBuilder first17 = new StringBuilder("91330100MA");
        while (first17.length() < 17) {
            first17.append(ThreadLocalRandom.current().nextInt(10));
        }
        return UnifiedSocialCreditCode.withCheckCharacter(first17.toString());
    }

    /**
     * The suite's counters and gauges from {@code /q/metrics} whose names begin with the prefix (Prometheus names, e.g.
     * {@code pilotline_mes_reports_}), name → value; empty when the metrics cannot be read.
     */
    static Map<String, Double> metrics(String baseUrl, String prefix) {
        Map<String, Double> values = new java.util.TreeMap<>();
        try {
            java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/q/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith(prefix)) {
                    int space = line.lastIndexOf(' ');
                    values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            values.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return values;
    }
}
