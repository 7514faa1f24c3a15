package org.pilotline.mes.machine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.pilotline.mes.report.ReportKind;
import org.pilotline.mes.report.ReportOutcome;
import org.pilotline.mes.report.ReportRequest;
import org.pilotline.mes.report.Reporter;
import org.pilotline.mes.report.ReportingService;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where a work center counts by machine, the good parts its PLCs count become the operation's good quantity, each count
 * exactly once. The ingest transaction stores the count PENDING ({@link PartCountSettlement}); settling it sends it as
 * a QUANTITY report under the id "machine:&lt;code&gt;:&lt;sequence&gt;" — stock booked the same way as a terminal's,
 * a refusal (the operation in setup or finished meanwhile, stock short) kept with the report — and marks the count
 * APPLIED or REFUSED with that report.
 * <p>
 * Once: the report's client id is the guard. ReportingService writes the report row under its unique key first, in the
 * report's transaction, so a count sent again (after a crash between the report's commit and the mark, by two replicas
 * at once) gets the first answer and applies nothing. The count's row is locked while it is settled ({@code for update
 * skip locked}), so that a second settler does not even try. The mark is bookkeeping on top: it lets the sweep find
 * what is left, and says what became of each count.
 * <p>
 * Not lost: the after-commit delivery is the fast path; a sweep — at start-up and every
 * {@code pilotline.mes.machine-counting.sweep-interval} — settles whatever is still PENDING (the server stopped, the
 * database failed the report, a lock timed out). A refusal is final (kept, not retried); "try again" refusals and
 * errors leave the count PENDING for the next sweep.
 */
@ApplicationScoped
public class MachineCounting {

    private static final Logger LOG = Logger.getLogger(MachineCounting.class);

    /** A part count stored PENDING by one ingest transaction (its unique key). */
    public record CountedParts(String tenant, String machine, long sequence) {
    }

    /** A PENDING count as the sweep's page lists it: its row id orders the pages. */
    private record Listed(long id, CountedParts parts) {
    }

    /** The counts of one stored batch, handed on once it committed. */
    public record Counted(List<CountedParts> parts) {
    }

    /** A pending count as read (and locked) for settling. */
    private record Pending(long id, long operationId, long good, Instant at) {
    }

    @Inject
    Event<Counted> counted;

    @Inject
    ReportingService reporting;

    @Inject
    EntityManager em;

    /** How often the sweep looks for counts left PENDING; it also runs once at start-up. */
    @Inject
    org.pilotline.mes.MesConfig config;

    private ScheduledExecutorService sweeper;

    void countedAfterCommit(List<CountedParts> parts) {
        counted.fire(new Counted(parts));
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Counted batch) {
        for (CountedParts parts : batch.parts()) {
            settleQuietly(parts);
        }
    }

    void startSweeping(@Observes StartupEvent event) {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mes-machine-counting");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 0, config.machineCounting().sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stopSweeping(@Observes ShutdownEvent event) {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    /**
     * Settles the counts still PENDING, oldest first, every enterprise's (each under its own tenant), a page at a time
     * through all of them: a count that keeps failing is tried again every round but holds up no count after it. Any
     * replica may run it at the same time as another: a count being settled elsewhere is skipped, one settled meanwhile
     * is no longer PENDING. Returns how many it settled.
     */
    public int sweep() {
        int settled = 0;
        int failed = 0;
        CountedParts firstFailed = null;
        Exception firstFailure = null;
        try {
            int page = Math.max(1, config.machineCounting().sweepPage());
            long after = 0;
            List<Listed> listed;
            do {
                long from = after;
                listed = TenantContext.callAs(TenantContext.ALL_TENANTS, () -> pending(from, page));
                for (Listed count : listed) {
                    try {
                        if (settle(count.parts())) {
                            settled++;
                        }
                    } catch (Exception e) {
                        // one warning per round, not one per count and round: a count that keeps failing would
                        // otherwise fill the log
                        failed++;
                        if (firstFailure == null) {
                            firstFailed = count.parts();
                            firstFailure = e;
                        }
                    }
                    after = count.id();
                }
            } while (listed.size() == page);
        } catch (RuntimeException e) {
            LOG.warn("machine counting: sweep failed; tried again next round", e);
        }
        if (settled > 0) {
            LOG.infof("machine counting: %d part count(s) left pending settled by the sweep", settled);
        }
        if (failed > 0) {
            LOG.warnf(firstFailure, "machine counting: %d pending part count(s) not applied by the sweep (the first: %s:%d);"
                    + " tried again next round", failed, firstFailed.machine(), firstFailed.sequence());
        }
        return settled;
    }

    /** The next page of PENDING counts after row {@code after}, in id order. */
    private List<Listed> pending(long after, int page) {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("select id, tenant_id, machine_code, sequence_no"
                    + " from mes_part_count where counting = ? and id > ? order by id limit ?")) {
                select.setString(1, PartCountSettlement.PENDING.name());
                select.setLong(2, after);
                select.setInt(3, page);
                List<Listed> found = new ArrayList<>();
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        found.add(new Listed(r.getLong(1), new CountedParts(r.getString(2), r.getString(3), r.getLong(4))));
                    }
                }
                return found;
            }
        }));
    }

    /** Settles one count; a failure is logged and leaves it PENDING for the sweep. Whether it was settled now. */
    private boolean settleQuietly(CountedParts parts) {
        try {
            return settle(parts);
        } catch (Exception e) {
            LOG.warnf(e, "machine count %s:%d not applied now; the sweep tries again", parts.machine(), parts.sequence());
            return false;
        }
    }

    /** Settles one count in a transaction of its own, under its enterprise; whether it was settled now. */
    private boolean settle(CountedParts parts) {
        return TenantContext.callAs(parts.tenant(), () -> QuarkusTransaction.requiringNew().call(() -> settleHeld(parts)));
    }

    /**
     * In a transaction holding the count's row: sends it as a QUANTITY report (in the report's own transaction) and
     * marks it with the outcome. Nothing to do when the count is settled already or another settler holds it.
     */
    private boolean settleHeld(CountedParts parts) {
        Session session = em.unwrap(Session.class);
        Pending count = session.doReturningWork(c -> lock(c, parts));
        if (count == null) {
            return false;
        }
        Settled settled = send(parts, count, session);
        if (settled == null) {
            return false;
        }
        session.doWork(c -> mark(c, count.id(), parts.tenant(), settled));
        return true;
    }

    /** How a count was settled: the outcome and the report that carries it. */
    private record Settled(PartCountSettlement settlement, Long reportId) {
    }

    /** The count as a QUANTITY report, in the report's own transaction; null: not settled now (no answer to keep). */
    private Settled send(CountedParts parts, Pending count, Session session) {
        String clientId = clientId(parts);
        try {
            ReportOutcome outcome = reporting.report(new ReportRequest(clientId, null, ReportKind.QUANTITY,
                    count.operationId(), null, BigDecimal.valueOf(count.good()), null, null, null, count.at(), null,
                    null, null, null, null, null, null, null, null), Reporter.machine(parts.machine()));
            return new Settled(PartCountSettlement.APPLIED, outcome.reportId());
        } catch (DomainException refused) {
            // a refusal is kept with its report; one that is not ("try again": other changes held the rows) is no
            // answer, and the count stays PENDING for the sweep
            Long reportId = session.doReturningWork(c -> reportOf(c, parts.tenant(), clientId));
            if (reportId == null) {
                LOG.debugf("machine count %s:%d not applied now: %s", parts.machine(), parts.sequence(), refused.detail());
                return null;
            }
            LOG.debugf("machine count %s:%d refused: %s", parts.machine(), parts.sequence(), refused.detail());
            return new Settled(PartCountSettlement.REFUSED, reportId);
        }
    }

    private static Pending lock(Connection c, CountedParts parts) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select id, operation_id, good, counted_at from mes_part_count"
                + " where tenant_id = ? and machine_code = ? and sequence_no = ? and counting = ?"
                + " for update skip locked")) {
            select.setString(1, parts.tenant());
            select.setString(2, parts.machine());
            select.setLong(3, parts.sequence());
            select.setString(4, PartCountSettlement.PENDING.name());
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                return new Pending(r.getLong(1), r.getLong(2), r.getLong(3),
                        r.getObject(4, java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC)); // stored in UTC
            }
        }
    }

    private static Long reportOf(Connection c, String tenant, String clientId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select id from mes_report where tenant_id = ?"
                + " and client_id = ?")) {
            select.setString(1, tenant);
            select.setString(2, clientId);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private static void mark(Connection c, long id, String tenant, Settled settled) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update mes_part_count set counting = ?, report_id = ?"
                + " where id = ? and tenant_id = ?")) {
            update.setString(1, settled.settlement().name());
            update.setObject(2, settled.reportId(), Types.BIGINT);
            update.setLong(3, id);
            update.setString(4, tenant);
            update.executeUpdate();
        }
    }

    /** "machine:&lt;code&gt;:&lt;sequence&gt;", or a name-based UUID of it where a long machine code would not fit 64 characters. */
    static String clientId(CountedParts parts) {
        String readable = "machine:" + parts.machine() + ":" + parts.sequence();
        return readable.length() <= 64 ? readable
                : "machine:" + java.util.UUID.nameUUIDFromBytes(readable.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
