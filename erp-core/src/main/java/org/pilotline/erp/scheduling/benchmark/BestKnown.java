package org.pilotline.erp.scheduling.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The best-known makespans of {@code bounds.csv} beside the instances (instance,jobs,machines,lower_bound,best_known,optimal). */
public final class BestKnown {

    private final Map<String, Long> bestKnown = new HashMap<>();

    private BestKnown() {
    }

    /** The values in {@code bounds.csv} of the instance's folder; empty when there is none. */
    public static BestKnown besideInstance(Path instance) throws IOException {
        BestKnown known = new BestKnown();
        Path parent = instance.toAbsolutePath().getParent();
        Path csv = parent == null ? null : parent.resolve("bounds.csv");
        if (csv == null || !Files.exists(csv)) {
            return known;
        }
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int name = header.indexOf("instance");
        int best = header.indexOf("best_known");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length > Math.max(name, best)) {
                known.bestKnown.put(cells[name].trim(), Long.parseLong(cells[best].trim()));
            }
        }
        return known;
    }

    public OptionalLong of(String instance) {
        Long value = bestKnown.get(instance);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
