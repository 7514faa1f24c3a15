package org.pilotline.mes.report;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.mes.MesConfig;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.pilotline.platform.persistence.Retry;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.ServerBusyException;
import org.pilotline.platform.tenancy.TenantContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies the reports that arrive together in groups: one transaction, one durable commit, one connection and one
 * Hibernate session for up to {@code pilotline.mes.reports.group-size} reports (default 64) of one enterprise, with at
 * most {@code pilotline.mes.reports.group-lanes} groups (default 4) being applied at once per enterprise. Nothing waits
 * for a group to fill: while a group is applied the next reports queue, and the next group takes all of them.
 * <p>
 * Each report of a group is applied exactly as alone ({@link ReportingService#applyNew}). A group is first applied
 * without savepoints (two statements per report saved: refusals are rare); when a report is refused, the group is
 * rolled back and applied again with each report inside a savepoint of the group's transaction: a refused report is
 * then rolled back to its savepoint, its refusal kept in the same transaction, and the group goes on. (The report
 * path's {@code MANDATORY} transactional methods are declared {@code dontRollbackOn = DomainException.class} for this:
 * a refusal must not mark the whole group's transaction rollback-only; a report applied alone has its transaction
 * rolled back on any exception anyway.)
 * <p>
 * <b>No report is answered before the group's commit</b>: an acknowledged report is durable. The group locks its work
 * orders in id order first, so that two groups wait for each other instead of deadlocking; a deadlock with other work
 * tries the whole group again (up to {@link #GROUP_ATTEMPTS} times). Anything else that is not a refusal of one report
 * (a lost connection, a failed commit, a client id that turns out to be taken) rolls the whole group back, and each of
 * its reports is then applied alone, as without groups — applied once, however the group ended, because nothing of a
 * rolled-back group remains. A report sent again is answered alone too (from its stored answer), and so is a second
 * copy of a report within the same group.
 * <p>
 * The thread that applies a group is one of the reports' own request threads (the first in the queue: "flat
 * combining"), so a group runs in a request of its enterprise and needs no thread of its own. A report that waited in
 * the queue longer than {@code pilotline.mes.reports.admission-timeout} is answered 503 {@code server-busy}, nothing of
 * it saved. Group size 1 turns grouping off: every report is applied alone through {@link ReportAdmission}.
 */
@ApplicationScoped
public class ReportGroups {

    private static final Logger LOG = Logger.getLogger(ReportGroups.class);

    @Inject
    MesConfig config;

    private int groupSize;
    private int lanes;
    private Duration timeout;

    @Inject
    ReportingService reporting;

    @Inject
    org.pilotline.erp.inventory.StockLedger ledger;

    @Inject
    org.pilotline.mes.material.MaterialBookings bookings;

    @Inject
    ReportAdmission admission;

    @Inject
    TenantContext tenant;

    @Inject
    EntityManager em;

    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong grouped = new AtomicLong();
    private final AtomicLong rolledBack = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    /** A group that meets a deadlock (or a lock wait timeout) is tried again, as a whole, this often in all. */
    private static final int GROUP_ATTEMPTS = 3;

    @Inject
    MeterRegistry meters;

    @PostConstruct
    void start() {
        groupSize = config.reports().groupSize();
        lanes = config.reports().groupLanes();
        timeout = config.reports().admissionTimeout();
        FunctionCounter.builder("pilotline.mes.reports.groups", groups, AtomicLong::get)
                .description("Groups of reports applied in one transaction (not counting those of replays only)")
                .register(meters);
        FunctionCounter.builder("pilotline.mes.reports.grouped", grouped, AtomicLong::get)
                .description("Reports applied or refused in groups (replays and reports applied alone not counted)")
                .register(meters);
        FunctionCounter.builder("pilotline.mes.reports.groups.rolled.back", rolledBack, AtomicLong::get)
                .description("Groups rolled back as a whole, their reports then applied alone").register(meters);
        FunctionCounter.builder("pilotline.mes.reports.groups.retried", retried, AtomicLong::get)
                .description("Groups tried again as a whole after a deadlock or lock wait timeout").register(meters);
        Gauge.builder("pilotline.mes.reports.waiting", queues, q -> q.values().stream().mapToInt(Queue::size).sum())
                .description("Reports waiting for a group").register(meters);
    }

    /** Applies one report, in a group with those that arrive with it; answers once the report is durable. */
    public ReportOutcome report(ReportRequest request, Reporter who) {
        reporting.check(request, who);
        if (groupSize <= 1) {
            return admission.admit(() -> reporting.applyAlone(request, who));
        }
        Member member = new Member(request, who);
        Queue queue = queues.computeIfAbsent(tenant.requireEnterprise(), t -> new Queue());
        queue.enter(member);
        member.await(queue);
        return switch (member.result) {
            case APPLIED -> member.outcome;
            case REFUSED -> throw member.refusal;
            case ALONE -> admission.admit(() -> reporting.applyAlone(request, who));
            case BUSY -> throw new ServerBusyException("More reports are being applied than the server takes at once;"
                    + " nothing of this one was saved, send it again");
            case WAITING -> throw new IllegalStateException("a report left its group unanswered");
        };
    }

    /** How many groups of an enterprise are applied at once. */
    public int lanes() {
        return Math.max(1, lanes);
    }

    /** How a report of a group ended. */
    private enum Result { WAITING, APPLIED, REFUSED, ALONE, BUSY }

    /** One report waiting in its enterprise's queue, then in a group. */
    private final class Member {
        final ReportRequest request;
        final Reporter who;
        final long deadline;
        Result result = Result.WAITING;
        boolean lead;
        ReportOutcome outcome;
        DomainException refusal;

        Member(ReportRequest request, Reporter who) {
            this.request = request;
            this.who = who;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        /**
         * Waits until the report has its result, applying a group whenever the turn to lead one is handed to it (the
         * turn is taken before the result is looked at, so a turn is never lost).
         */
        void await(Queue queue) {
            boolean mayLeave = true; // until its time is up, or a group has it
            boolean interrupted = false;
            try {
                while (true) {
                    synchronized (this) {
                        while (!lead && result == Result.WAITING) {
                            long left = mayLeave ? deadline - System.nanoTime() : Long.MAX_VALUE;
                            if (left <= 0) {
                                break;
                            }
                            try {
                                wait(mayLeave ? Math.max(1, left / 1_000_000) : 0);
                            } catch (InterruptedException e) {
                                interrupted = true; // a report in a group is answered as the group ends, not before
                            }
                        }
                        if (!lead && result != Result.WAITING) {
                            return;
                        }
                    }
                    if (isLeading()) {
                        queue.lead();
                    } else {
                        mayLeave = false;
                        if (queue.leave(this)) {
                            finish(Result.BUSY);
                            return;
                        }
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private synchronized boolean isLeading() {
            if (lead) {
                lead = false;
                return true;
            }
            return false;
        }

        synchronized void handLead() {
            lead = true;
            notifyAll();
        }

        synchronized void finish(Result how) {
            result = how;
            notifyAll();
        }
    }

    /** The reports of one enterprise waiting for a group, and how many groups are being applied. */
    private final class Queue {
        private final ArrayDeque<Member> waiting = new ArrayDeque<>();
        private int leading;

        /** Queues the report; if fewer groups than lanes are being applied, its thread leads the next one. */
        void enter(Member member) {
            boolean lead;
            synchronized (this) {
                waiting.add(member);
                lead = leading < lanes();
                if (lead) {
                    leading++;
                }
            }
            if (lead) {
                member.handLead();
            }
        }

        synchronized int size() {
            return waiting.size();
        }

        /** Takes a waiting report out (its time is up); false if a group has it already. */
        synchronized boolean leave(Member member) {
            return waiting.remove(member);
        }

        /** Applies one group of what is waiting, then hands the turn to the first report still waiting, if any. */
        void lead() {
            List<Member> group = new ArrayList<>();
            synchronized (this) {
                while (group.size() < groupSize && !waiting.isEmpty()) {
                    group.add(waiting.poll());
                }
            }
            try {
                if (!group.isEmpty()) {
                    apply(group);
                }
            } finally {
                Member next;
                synchronized (this) {
                    next = waiting.peek();
                    if (next == null) {
                        leading--;
                    }
                }
                if (next != null) {
                    next.handLead();
                }
            }
        }
    }

    /**
     * One group in one transaction. Reports sent before, and second copies within the group, are left to be answered
     * alone; a group that cannot commit as a whole leaves all its reports to be applied alone.
     */
    private void apply(List<Member> group) {
        List<Member> members = new ArrayList<>(group.size());
        List<Member> alone = new ArrayList<>();
        Set<String> clientIds = new HashSet<>();
        Set<String> sequences = new HashSet<>();
        for (Member m : group) {
            boolean twin = !clientIds.add(m.request.clientId())
                    || m.who.isTerminal() && !sequences.add(m.who.terminalId() + "/" + m.request.sequence());
            (twin ? alone : members).add(m);
        }
        boolean[] savepoints = {false}; // first without: refusals are rare, and two statements per report are not
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (Member m : members) {
                        m.result = Result.WAITING;
                    }
                    List<ReportRequest> requests = new ArrayList<>(members.size());
                    members.forEach(m -> requests.add(m.request));
                    GroupReads reads = reporting.startReads(requests); // locks the work orders first, in id order
                    Set<String> stored = storedClientIds(members);
                    List<ReportApplied> done = new ArrayList<>(members.size());
                    List<Long> terminals = new ArrayList<>();
                    for (Member m : members) {
                        if (m.who.isTerminal()) {
                            terminals.add(m.who.terminalId());
                        }
                    }
                    GroupWrites writes = reporting.startWrites(terminals);
                    List<ReportRequest> fresh = new ArrayList<>(members.size());
                    List<Reporter> whos = new ArrayList<>(members.size());
                    for (Member m : members) {
                        if (!stored.contains(m.request.clientId())) {
                            fresh.add(m.request);
                            whos.add(m.who);
                        }
                    }
                    reporting.insertRows(fresh, whos, writes); // the unique keys decide here, for all of them
                    for (Member m : members) {
                        if (stored.contains(m.request.clientId())) {
                            m.result = Result.ALONE; // a replay: answered from its stored answer, alone
                            continue;
                        }
                        if (savepoints[0]) {
                            applyInSavepoint(m, done, writes, reads);
                        } else {
                            applyOrRefuseGroup(m, done, writes, reads);
                        }
                    }
                    reporting.finish(writes, done, reads);
                });
                long inGroup = members.stream().filter(m -> m.result == Result.APPLIED || m.result == Result.REFUSED)
                        .count();
                if (inGroup > 0) {
                    groups.incrementAndGet();
                    grouped.addAndGet(inGroup);
                }
                break;
            } catch (RuntimeException e) {
                if (e == REFUSED_IN_GROUP && !savepoints[0]) {
                    savepoints[0] = true; // a report was refused: the group again, each report in a savepoint
                    attempt--;
                    continue;
                }
                if (Retry.isLockConflict(e) && attempt < GROUP_ATTEMPTS) {
                    retried.incrementAndGet();
                    Retry.pause(attempt);
                    continue; // a deadlock with other work: the group again, as it was
                }
                rolledBack.incrementAndGet();
                LOG.debugf(e, "A group of %d reports was rolled back; each is applied alone", members.size());
                for (Member m : members) {
                    m.result = Result.ALONE;
                }
                break;
            }
        }
        for (Member m : members) {
            m.finish(m.result == Result.WAITING ? Result.ALONE : m.result);
        }
        for (Member m : alone) {
            m.finish(Result.ALONE);
        }
    }

    /** Thrown to roll back a group applied without savepoints in which a report was refused. */
    private static final RuntimeException REFUSED_IN_GROUP = new RuntimeException("a report of the group was refused",
            null, false, false) {
    };

    /**
     * One report inside the group's transaction, without a savepoint: a refusal rolls the whole group back, to be
     * applied again with a savepoint for each report.
     */
    private void applyOrRefuseGroup(Member m, List<ReportApplied> done, GroupWrites writes, GroupReads reads) {
        try {
            m.outcome = reporting.applyNew(m.request, m.who, done, writes, reads);
        } catch (DomainException refused) {
            throw REFUSED_IN_GROUP;
        }
        em.flush();
        em.clear(); // the next report starts from the database, as alone, and the session stays small
        m.result = Result.APPLIED;
    }

    /**
     * One report inside the group's transaction. A refusal rolls back to the report's savepoint and keeps the refusal;
     * anything else rolls back the whole group (thrown on).
     */
    private void applyInSavepoint(Member m, List<ReportApplied> done, GroupWrites writes, GroupReads reads) {
        Session session = em.unwrap(Session.class);
        // what the reports before changed of their work orders and stock is written before the savepoint: rolling
        // back to it must take only this report's changes (plain statements: the pool refuses JDBC's savepoint calls
        // on a connection enlisted in a transaction)
        reporting.writeUnwritten(reads);
        session.doWork(c -> execute(c, "savepoint report"));
        int links = bookings.deferredLinks();
        try {
            m.outcome = reporting.applyNew(m.request, m.who, done, writes, reads);
            em.flush();
            em.clear(); // the next report starts from the database, as alone, and the session stays small
            session.doWork(c -> execute(c, "release savepoint report"));
            m.result = Result.APPLIED;
        } catch (DomainException refused) {
            em.clear(); // what the refused report changed in the session is dropped with its rows
            session.doWork(c -> execute(c, "rollback to savepoint report"));
            ledger.forgetHeld(); // and what the ledger remembers of the stock it holds is read again
            bookings.dropLinksSince(links); // and the report's genealogy, gathered for the group's end, is dropped
            Report row = writes.rowOf(m.request.clientId()); // inserted at the group's start, before the savepoint
            if (ReportingService.isKept(refused)) {
                if (row != null) {
                    reporting.keepRefusalOn(row, refused, writes);
                } else {
                    reporting.keepRefusalHere(m.request, m.who, refused);
                    em.clear();
                }
                m.refusal = refused;
                m.result = Result.REFUSED;
            } else {
                if (row != null) {
                    writes.drop(row); // applied alone after the group, from nothing
                }
                m.result = Result.ALONE;
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The client ids of the group that are stored already (sent before): one look-up for the whole group. */
    private Set<String> storedClientIds(List<Member> members) {
        if (members.isEmpty()) {
            return Set.of();
        }
        String tenantId = tenant.requireEnterprise();
        StringBuilder sql = new StringBuilder("select client_id from mes_report where tenant_id = ? and client_id in (");
        for (int i = 0; i < members.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<String> stored = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                select.setString(1, tenantId);
                for (int i = 0; i < members.size(); i++) {
                    select.setString(i + 2, members.get(i).request.clientId());
                }
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        stored.add(r.getString(1));
                    }
                }
            }
            return stored;
        });
    }
}
