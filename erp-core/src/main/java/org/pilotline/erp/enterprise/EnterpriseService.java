package org.pilotline.erp.enterprise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registers and maintains pilot enterprises. The platform administrator registers them; the bureau reads every
 * profile; everyone else sees only the enterprise they act for (and an expert those assigned).
 */
@ApplicationScoped
public class EnterpriseService {

    static final String DEFAULT_ZONE = "Asia/Shanghai";
    private static final Map<String, String> SORTABLE = Map.of(
            "code", "code", "name", "name", "industry", "industry", "pilotSince", "pilotSince", "status", "status");

    @Inject
    Caller caller;

    @Inject
    Event<EnterpriseRegistered> registered;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EnterpriseConfig config;

    /** Recently read statuses by enterprise code; see {@link #statusOf}. */
    private final Map<String, CachedStatus> statuses = new ConcurrentHashMap<>();
    /** Counts the status changes begun and ended on this replica: a read that overlaps one is not kept. */
    private final AtomicLong statusChanges = new AtomicLong();

    private record CachedStatus(EnterpriseStatus status, long readAt) {
    }

    @Transactional
    public EnterpriseView register(EnterpriseRequest request) {
        requirePlatformAdmin();
        return provision(request);
    }

    /** Registers an enterprise without asking who is calling: for trusted set-up code such as demo data. */
    @Transactional
    public EnterpriseView provision(EnterpriseRequest request) {
        String zone = request.timeZone() == null || request.timeZone().isBlank() ? DEFAULT_ZONE : request.timeZone();
        List<FieldError> problems = new ArrayList<>();
        UnifiedSocialCreditCode.problemWith(request.creditCode())
                .ifPresent(p -> problems.add(new FieldError("creditCode", p)));
        zoneProblem(zone).ifPresent(problems::add);
        refuseIfAny(problems);
        if (Enterprise.findByCode(request.code()).isPresent()) {
            throw DomainException.conflict("enterprise-code-taken", "The enterprise code is taken",
                    "There is already an enterprise '" + request.code() + "'", new FieldError("code", "is already taken"));
        }
        requireCreditCodeFree(request.creditCode(), null);
        Enterprise enterprise = new Enterprise();
        enterprise.code = request.code();
        enterprise.name = request.name();
        enterprise.creditCode = request.creditCode();
        enterprise.industry = request.industry();
        enterprise.manufacturingType = request.manufacturingType();
        enterprise.pilotSince = request.pilotSince();
        enterprise.status = EnterpriseStatus.ACTIVE;
        enterprise.timeZone = zone;
        enterprise.createdAt = Instant.now();
        enterprise.persist();
        registered.fire(new EnterpriseRegistered(enterprise.code));
        return EnterpriseView.of(enterprise);
    }

    /** The platform administrator changes any profile; an enterprise administrator its own, but not its status. */
    @Transactional
    public EnterpriseView update(String code, EnterpriseUpdate update) {
        Enterprise enterprise = visible(code);
        if (!caller.isPlatformAdmin() && !(caller.has(Role.ADMIN) && caller.enterprise().equals(Optional.of(code)))) {
            throw new DomainException(ProblemKind.FORBIDDEN, "forbidden", "You cannot change this enterprise",
                    "Only the platform administrator or the enterprise's own administrator changes its profile");
        }
        Versions.requireCurrent("Enterprise", code, update.version(), enterprise.version);
        List<FieldError> problems = new ArrayList<>();
        UnifiedSocialCreditCode.problemWith(update.creditCode())
                .ifPresent(p -> problems.add(new FieldError("creditCode", p)));
        zoneProblem(update.timeZone()).ifPresent(problems::add);
        if (update.status() != enterprise.status && !caller.isPlatformAdmin()) {
            problems.add(new FieldError("status", "only the platform administrator changes an enterprise's status"));
        }
        refuseIfAny(problems);
        requireCreditCodeFree(update.creditCode(), enterprise.id);
        enterprise.name = update.name();
        enterprise.creditCode = update.creditCode();
        enterprise.industry = update.industry();
        enterprise.manufacturingType = update.manufacturingType();
        enterprise.pilotSince = update.pilotSince();
        if (update.status() != enterprise.status) {
            forgetStatusesUntilCompletion();
        }
        enterprise.status = update.status();
        enterprise.timeZone = update.timeZone();
        Enterprise.flush();
        return EnterpriseView.of(enterprise);
    }

    public EnterpriseView get(String code) {
        return EnterpriseView.of(visible(code));
    }

    public Page<EnterpriseView> list(PageRequest page) {
        var query = seesAll()
                ? Enterprise.<Enterprise>findAll(page.toSort(SORTABLE, "id"))
                : Enterprise.<Enterprise>find("code in ?1", page.toSort(SORTABLE, "id"), visibleCodes());
        long total = query.count();
        return new Page<>(query.page(page.page(), page.size()).list().stream().map(EnterpriseView::of).toList(),
                page.page(), page.size(), total);
    }

    /**
     * The status of an enterprise, for rules that depend on whether its pilot is active. Answered from memory when this
     * replica read it within {@code pilotline.enterprise.status-cache} (5 s): a process start asks for it every time
     * (one select of fourteen statements per start, docs/benchmarks/processes.md). A status change on this replica is
     * seen at once: {@link #update} forgets every remembered status when it changes one, and again once its
     * transaction has ended (committed or not), and a read that overlapped a change is not remembered — so a suspended
     * pilot is refused from the moment the suspension commits.
     */
    public EnterpriseStatus statusOf(String code) {
        long now = System.nanoTime();
        long ttl = config.statusCache().toNanos();
        CachedStatus cached = statuses.get(code);
        if (cached != null && now - cached.readAt() < ttl) {
            return cached.status();
        }
        long changes = statusChanges.get();
        EnterpriseStatus status = Enterprise.findByCode(code).map(e -> e.status)
                .orElseThrow(() -> DomainException.notFound("Enterprise", code));
        if (ttl > 0) {
            CachedStatus read = new CachedStatus(status, now);
            statuses.put(code, read);
            // a change began or ended while this was read (the read may hold the old status): not kept
            if (statusChanges.get() != changes) {
                statuses.remove(code, read);
            }
        }
        return status;
    }

    /** Forgets the remembered statuses now and once the current transaction has ended, whether it commits or not. */
    private void forgetStatusesUntilCompletion() {
        forgetStatuses();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forgetStatuses();
            }
        });
    }

    private void forgetStatuses() {
        statusChanges.incrementAndGet();
        statuses.clear();
    }

    private Enterprise visible(String code) {
        Enterprise enterprise = Enterprise.findByCode(code).orElseThrow(() -> DomainException.notFound("Enterprise", code));
        if (!seesAll() && !visibleCodes().contains(code)) {
            throw DomainException.notFound("Enterprise", code);
        }
        return enterprise;
    }

    private boolean seesAll() {
        return caller.isPlatformAdmin() || caller.has(Role.BUREAU);
    }

    private List<String> visibleCodes() {
        List<String> codes = new ArrayList<>(caller.assignedEnterprises());
        caller.enterprise().ifPresent(codes::add);
        return codes.isEmpty() ? List.of("") : codes;
    }

    private void requirePlatformAdmin() {
        if (!caller.isPlatformAdmin()) {
            throw new DomainException(ProblemKind.FORBIDDEN, "forbidden", "Only the platform administrator registers enterprises",
                    "Registering a pilot enterprise needs an administrator who belongs to no enterprise");
        }
    }

    private static void requireCreditCodeFree(String creditCode, Long exceptId) {
        Optional<Enterprise> holder = Enterprise.find("creditCode", creditCode).firstResultOptional();
        if (holder.isPresent() && !holder.get().id.equals(exceptId)) {
            throw DomainException.conflict("credit-code-taken", "The credit code is registered already",
                    "Enterprise '" + holder.get().code + "' has this unified social credit code",
                    new FieldError("creditCode", "is already registered"));
        }
    }

    private static Optional<FieldError> zoneProblem(String zone) {
        try {
            ZoneId.of(zone);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of(new FieldError("timeZone", "'" + zone + "' is not an IANA time zone"));
        }
    }

    private static void refuseIfAny(List<FieldError> problems) {
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-enterprise", "The enterprise is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
    }
}
