package org.pilotline.plc.delivery;

import org.pilotline.plc.contract.MachineEventBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The edge gateway's store-and-forward queue: one JSON file per batch, named by a growing number, written to a
 * temporary file, forced to disk and renamed, so a batch is either wholly there or not at all and the queue survives
 * a restart of the gateway. Bounded: when full, the oldest waiting batch (not the one being delivered) is replaced by
 * its data-loss events.
 */
public final class DiskBatchQueue implements BatchQueue {

    private final Path directory;
    private final int capacity;
    private final TreeSet<Long> numbers = new TreeSet<>();

    public DiskBatchQueue(Path directory, int capacity) {
        this.directory = directory;
        this.capacity = Math.max(2, capacity);
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(f -> {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".json")) {
                        numbers.add(Long.parseLong(name.substring(0, name.length() - 5)));
                    } else if (name.endsWith(".tmp")) {
                        f.toFile().delete();
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the store-and-forward queue " + directory, e);
        }
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public synchronized void append(MachineEventBatch batch) {
        if (numbers.size() >= capacity) {
            Long second = numbers.higher(numbers.first());
            MachineEventBatch dropped = read(second);
            numbers.remove(second);
            delete(second);
            write(BatchQueue.lossFor(dropped));
        }
        write(batch);
    }

    @Override
    public synchronized Optional<MachineEventBatch> head() {
        return numbers.isEmpty() ? Optional.empty() : Optional.of(read(numbers.first()));
    }

    @Override
    public synchronized void removeHead() {
        if (!numbers.isEmpty()) {
            delete(numbers.pollFirst());
        }
    }

    @Override
    public synchronized int size() {
        return numbers.size();
    }

    private void write(MachineEventBatch batch) {
        long number = numbers.isEmpty() ? 1 : numbers.last() + 1;
        Path file = file(number);
        Path temporary = directory.resolve(number + ".tmp");
        try {
            Files.write(temporary, EventJson.MAPPER.writeValueAsBytes(batch), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            numbers.add(number);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a batch in " + directory, e);
        }
    }

    private MachineEventBatch read(long number) {
        try {
            return EventJson.MAPPER.readValue(file(number).toFile(), MachineEventBatch.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stored batch " + file(number), e);
        }
    }

    private void delete(long number) {
        try {
            Files.deleteIfExists(file(number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(long number) {
        return directory.resolve(number + ".json");
    }
}
