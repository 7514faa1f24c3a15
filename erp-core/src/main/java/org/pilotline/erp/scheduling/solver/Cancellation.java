package org.pilotline.erp.scheduling.solver;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets another thread stop a running solve; the solve then returns the best schedule found so far. Safe to cancel
 * before the solve starts, while it runs, or after it ended.
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Runnable stopper = () -> { };

    public void cancel() {
        cancelled.set(true);
        stopper.run();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Registers how to stop the search currently running (the solver calls this). */
    void whileRunning(Runnable stop) {
        stopper = stop;
        if (cancelled.get()) {
            stop.run();
        }
    }

    void finished() {
        stopper = () -> { };
    }
}
