package org.pilotline.kpi.programme;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.kpi.programme.ProgrammeViews.FollowUpRequest;
import org.pilotline.kpi.programme.ProgrammeViews.FollowUpsUpdate;
import org.pilotline.kpi.programme.ProgrammeViews.LoggedVisit;
import org.pilotline.kpi.programme.ProgrammeViews.VisitRequest;
import org.pilotline.kpi.programme.ProgrammeViews.VisitView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Visit logs: written by an expert for the enterprise they act for (chosen with {@code PilotLine-Enterprise}) and only
 * while the bureau pairs them with it; read by that enterprise's users with access to the programme and its paired
 * experts. Enterprise records: every query goes through Hibernate's tenant filter.
 */
@ApplicationScoped
public class VisitService {

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    PairingService pairings;

    /** The latest first unless the request sorts by {@code visitDate} or {@code id}. */
    public Page<VisitView> listVisits(PageRequest page) {
        tenant.requireEnterprise();
        return Lookups.page(Visit.<Visit>findAll(ProgrammeLists.sort(page, Map.of("visitDate", "visitDate", "id", "id"),
                Sort.descending("visitDate", "id"))), page, VisitView::of);
    }

    public VisitView getVisit(long id) {
        tenant.requireEnterprise();
        return VisitView.of(Lookups.require(Visit.class, "Visit", id));
    }

    /** Logs a visit once per requestId: a repeat returns the visit logged first. */
    @Transactional
    public LoggedVisit logVisit(VisitRequest r) {
        String enterprise = tenant.requireEnterprise();
        requirePaired(enterprise);
        return record(caller.username(), r);
    }

    /**
     * Logs a visit as the named expert without asking who is calling: for trusted set-up code (demo data) that runs
     * as the enterprise ({@code TenantContext.callAs}).
     */
    @Transactional
    public LoggedVisit provisionVisit(String expert, VisitRequest r) {
        tenant.requireEnterprise();
        return record(expert, r);
    }

    private LoggedVisit record(String expert, VisitRequest r) {
        Visit seen = Visit.find("requestId", r.requestId()).firstResult();
        if (seen != null) {
            return new LoggedVisit(VisitView.of(seen), true);
        }
        Visit visit = new Visit();
        visit.requestId = r.requestId();
        visit.expert = expert;
        visit.visitDate = r.visitDate();
        visit.topics = r.topics();
        visit.findings = r.findings();
        visit.createdAt = Instant.now();
        visit.followUps = followUps(r.followUps());
        visit.persist();
        Visit.flush();
        return new LoggedVisit(VisitView.of(visit), false);
    }

    /** The expert who logged a visit keeps its follow-ups current (done, due dates, new ones). */
    @Transactional
    public VisitView updateFollowUps(long id, FollowUpsUpdate r) {
        String enterprise = tenant.requireEnterprise();
        requirePaired(enterprise);
        Visit visit = Lookups.require(Visit.class, "Visit", id);
        if (!visit.expert.equals(caller.username())) {
            throw new DomainException(ProblemKind.FORBIDDEN, "not-author", "Only the author changes a visit log",
                    "Visit " + id + " was logged by another expert");
        }
        Versions.requireCurrent("Visit", id, r.version(), visit.version);
        visit.followUps.clear();
        visit.followUps.addAll(followUps(r.followUps()));
        Visit.flush();
        return VisitView.of(visit);
    }

    private void requirePaired(String enterprise) {
        if (!caller.has(Role.EXPERT) || !pairings.callerIsPairedToday(enterprise)) {
            throw new DomainException(ProblemKind.FORBIDDEN, "not-paired",
                    "Only an expert paired with the enterprise logs its visits",
                    "You are not paired with enterprise '" + enterprise + "' today");
        }
    }

    private static List<Visit.FollowUp> followUps(List<FollowUpRequest> requests) {
        return new java.util.ArrayList<>(requests == null ? List.of() : requests.stream()
                .map(f -> new Visit.FollowUp(f.action(), f.due(), Boolean.TRUE.equals(f.done()))).toList());
    }
}
