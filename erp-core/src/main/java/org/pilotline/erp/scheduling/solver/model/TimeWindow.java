package org.pilotline.erp.scheduling.solver.model;

/** A half-open span of time {@code [start, end)} in minutes from the horizon start; never empty. */
public record TimeWindow(long start, long end) {

    public TimeWindow {
        if (end <= start) {
            throw new IllegalArgumentException("a time window must end after it starts: [" + start + ", " + end + ")");
        }
    }

    public long length() {
        return end - start;
    }

    public boolean contains(long time) {
        return start <= time && time < end;
    }
}
