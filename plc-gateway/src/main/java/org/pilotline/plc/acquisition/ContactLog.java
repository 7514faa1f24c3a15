package org.pilotline.plc.acquisition;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durable "last contact" per machine: the last moment the gateway knew the machine's state and every event before it
 * was delivered or durably queued. A gateway that starts (after a stop, a crash, or taking over from another replica)
 * reports the span from there to its first value as a {@code DataLossRecorded}, so its own downtime is never silent.
 * Contacts only move forward: recording an older one than stored keeps the stored one.
 */
public interface ContactLog {

    /** Every machine's recorded last contact. */
    Map<MachineId, Instant> lastContacts();

    /** Records newer contacts; must not throw for an unknown machine. */
    void record(Map<MachineId, Instant> contacts);

    /** For tests and benchmarks: not durable. */
    static ContactLog inMemory() {
        Map<MachineId, Instant> stored = new ConcurrentHashMap<>();
        return new ContactLog() {
            @Override
            public Map<MachineId, Instant> lastContacts() {
                return Map.copyOf(stored);
            }

            @Override
            public void record(Map<MachineId, Instant> contacts) {
                contacts.forEach((id, at) -> stored.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
            }
        };
    }

    /** One properties file under {@code directory}, replaced atomically; for a gateway running alone at the edge. */
    static ContactLog inDirectory(Path directory) {
        Path file = directory.resolve("last-contact.properties");
        return new ContactLog() {
            @Override
            public synchronized Map<MachineId, Instant> lastContacts() {
                Map<MachineId, Instant> result = new HashMap<>();
                read().forEach((key, value) -> {
                    String k = key.toString();
                    int slash = k.indexOf('/');
                    result.put(new MachineId(k.substring(0, slash), k.substring(slash + 1)), Instant.parse(value.toString()));
                });
                return result;
            }

            @Override
            public synchronized void record(Map<MachineId, Instant> contacts) {
                Properties stored = read();
                contacts.forEach((id, at) -> {
                    String previous = stored.getProperty(id.toString());
                    if (previous == null || Instant.parse(previous).isBefore(at)) {
                        stored.setProperty(id.toString(), at.toString());
                    }
                });
                try {
                    Files.createDirectories(directory);
                    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                    try (Writer out = Files.newBufferedWriter(temporary)) {
                        stored.store(out, "last contact per machine (tenant/machine), UTC");
                    }
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot record last contacts in " + file, e);
                }
            }

            private Properties read() {
                Properties stored = new Properties();
                if (Files.exists(file)) {
                    try (Reader in = Files.newBufferedReader(file)) {
                        stored.load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read last contacts from " + file, e);
                    }
                }
                return stored;
            }
        };
    }
}
