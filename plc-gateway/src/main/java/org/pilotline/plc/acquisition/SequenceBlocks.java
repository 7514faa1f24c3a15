package org.pilotline.plc.acquisition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durable reservation of sequence-number blocks per machine (hi/lo): every reservation returns a block number higher
 * than any returned before for that machine, also after a restart, so sequence numbers never repeat.
 */
public interface SequenceBlocks {

    /** Numbers per block. */
    long BLOCK_SIZE = 1_000_000L;

    long reserve(String tenant, String machine);

    /** For tests and benchmarks: not durable. */
    static SequenceBlocks inMemory() {
        Map<String, Long> blocks = new ConcurrentHashMap<>();
        return (tenant, machine) -> blocks.merge(tenant + "/" + machine, 1L, Long::sum);
    }

    /** One small file per machine under {@code directory}; for a gateway running alone at a plant's edge. */
    static SequenceBlocks inDirectory(Path directory) {
        return (tenant, machine) -> {
            synchronized (SequenceBlocks.class) {
                try {
                    Files.createDirectories(directory);
                    Path file = directory.resolve(tenant + "__" + machine.replaceAll("[^A-Za-z0-9._-]", "_") + ".seq");
                    long next = Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) + 1 : 1;
                    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.writeString(temporary, Long.toString(next));
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return next;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
