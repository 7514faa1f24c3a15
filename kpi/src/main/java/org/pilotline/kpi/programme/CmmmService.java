package org.pilotline.kpi.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.kpi.programme.ProgrammeViews.AssessmentRequest;
import org.pilotline.kpi.programme.ProgrammeViews.AssessmentView;
import org.pilotline.kpi.programme.ProgrammeViews.AssessmentWithUsage;
import org.pilotline.kpi.programme.ProgrammeViews.DomainView;
import org.pilotline.kpi.programme.ProgrammeViews.RatingView;
import org.pilotline.kpi.programme.ProgrammeViews.UsageView;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * CMMM (GB/T 39116-2020) self-assessments: one per enterprise and year, written by its manager or administrator; a
 * re-submission replaces the levels (with the version it read). Read beside the usage the suite measured.
 */
@ApplicationScoped
public class CmmmService {

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    UsageSignals usage;

    public List<DomainView> domains() {
        return Arrays.stream(CmmmDomain.values())
                .map(d -> new DomainView(d.name(), d.factor(), d.nameZh(), d.nameEn())).toList();
    }

    public record Submitted(AssessmentView assessment, boolean created) {
    }

    @Transactional
    public Submitted submitAssessment(int year, AssessmentRequest r) {
        return submit(caller.username(), year, r);
    }

    /**
     * Submits as the named user without asking who is calling: for trusted set-up code (demo data) that runs as the
     * enterprise ({@code TenantContext.callAs}).
     */
    @Transactional
    public Submitted provisionAssessment(String submittedBy, int year, AssessmentRequest r) {
        return submit(submittedBy, year, r);
    }

    private Submitted submit(String submittedBy, int year, AssessmentRequest r) {
        String enterprise = tenant.requireEnterprise();
        requireYear(year);
        List<ProgrammeRules.Rating> ratings = r.levels().stream()
                .map(l -> l == null ? null : new ProgrammeRules.Rating(l.domain(), l.level())).toList();
        List<FieldError> problems = ProgrammeRules.cmmmProblems(ratings);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("invalid-assessment", "The self-assessment is not valid",
                    problems.toArray(FieldError[]::new));
        }
        CmmmAssessment assessment = CmmmAssessment.find("year", year).firstResult();
        boolean created = assessment == null;
        if (created) {
            assessment = new CmmmAssessment();
            assessment.year = year;
        } else {
            Versions.requireCurrent("Assessment", enterprise + "/" + year, r.version(), assessment.version);
        }
        assessment.submittedBy = submittedBy;
        assessment.submittedAt = Instant.now();
        assessment.levels.clear();
        for (ProgrammeRules.Rating rating : ratings) {
            assessment.levels.put(rating.domain(), rating.level());
        }
        assessment.persist();
        CmmmAssessment.flush();
        return new Submitted(view(assessment), created);
    }

    /** The caller's enterprise's assessment of a year (or none) beside each month's usage up to now. */
    public AssessmentWithUsage assessmentWithUsage(int year) {
        String enterprise = tenant.requireEnterprise();
        requireYear(year);
        ZoneId zone = zone(enterprise);
        CmmmAssessment assessment = CmmmAssessment.find("year", year).firstResult();
        return new AssessmentWithUsage(enterprise, year, assessment == null ? null : view(assessment),
                usage.months(enterprise, zone, year, YearMonth.now(zone)));
    }

    /** The caller's enterprise's usage signals of a month. */
    public UsageView usageOfMonth(YearMonth month) {
        String enterprise = tenant.requireEnterprise();
        return usage.month(enterprise, zone(enterprise), month);
    }

    static ZoneId zone(String enterprise) {
        return Enterprise.findByCode(enterprise).map(e -> ZoneId.of(e.timeZone)).orElse(ZoneId.of("UTC"));
    }

    static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw DomainException.invalid("invalid-year", "Give a year", new FieldError("year", "must be from 2000 to 2100"));
        }
    }

    static AssessmentView view(CmmmAssessment a) {
        List<RatingView> levels = a.levels.entrySet().stream().map(e -> {
            CmmmDomain d = CmmmDomain.valueOf(e.getKey());
            return new RatingView(d.name(), d.nameZh(), d.nameEn(), e.getValue());
        }).sorted(java.util.Comparator.comparing(v -> CmmmDomain.valueOf(v.domain()).ordinal())).toList();
        return new AssessmentView(a.id, a.tenantId, a.year, levels, a.submittedBy, a.submittedAt, a.version);
    }
}
