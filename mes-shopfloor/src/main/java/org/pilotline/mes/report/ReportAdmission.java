package org.pilotline.mes.report;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.mes.MesConfig;
import org.pilotline.platform.problem.ServerBusyException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the reports applied at once ({@code pilotline.mes.reports.concurrency}, default 16): a hundred terminals
 * reporting at the same moment would otherwise hold every connection of the pool and every thread of the database
 * server, and the suite's other work — planners, the bureau, the KPI roll-ups, the gateway's machine events — would
 * queue behind them. A report waits for its turn in arrival order; one that waits longer than
 * {@code pilotline.mes.reports.admission-timeout} (default 10 s) is answered 503 {@code server-busy} without anything
 * saved, and the terminal sends it again (it is applied once, however often it is sent).
 */
@ApplicationScoped
public class ReportAdmission {

    @Inject
    MesConfig config;

    private Duration timeout;

    private Semaphore turns;

    @PostConstruct
    void configure() {
        configure(config.reports().concurrency(), config.reports().admissionTimeout());
    }

    /** At most {@code concurrency} reports at once; a report waits at most {@code timeout} for its turn. */
    void configure(int concurrency, Duration timeout) {
        this.timeout = timeout;
        this.turns = new Semaphore(Math.max(1, concurrency), true);
    }

    public <T> T admit(Supplier<T> report) {
        boolean admitted;
        try {
            admitted = turns.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerBusyException("The report was interrupted while waiting for its turn; nothing was saved,"
                    + " send it again");
        }
        if (!admitted) {
            throw new ServerBusyException("More reports are being applied than the server takes at once; nothing of"
                    + " this one was saved, send it again");
        }
        try {
            return report.get();
        } finally {
            turns.release();
        }
    }
}
