package org.pilotline.kpi.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.kpi.programme.ProgrammeViews.Overview;
import org.pilotline.kpi.programme.ProgrammeViews.OverviewRow;
import org.pilotline.kpi.programme.ProgrammeViews.TrainingTotals;
import org.pilotline.kpi.programme.ProgrammeViews.VisitCounts;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bureau's view of the programme: per enterprise of a cohort, aggregates only — counts of visits and open
 * follow-ups, training person-hours by level, projects by status, CMMM levels and the usage signals of the year.
 * Read with plain SQL across enterprises (the bureau acts for none); never a visit's text.
 */
@ApplicationScoped
public class OverviewService {

    @Inject
    EntityManager em;

    @Inject
    UsageSignals usage;

    @Inject
    TrainingService training;

    @Inject
    PairingService pairings;

    @SuppressWarnings("unchecked")
    public Overview overview(int year) {
        CmmmService.requireYear(year);
        List<Object[]> members = em.createNativeQuery("select e.code, e.name, e.manufacturing_type, c.name_en, c.year,"
                + " e.time_zone from programme_cohort_enterprise ce join programme_cohort c on c.id = ce.cohort_id"
                + " join enterprise e on e.code = ce.enterprise_code order by c.year, e.code").getResultList();
        List<OverviewRow> rows = new ArrayList<>();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        for (Object[] m : members) {
            String code = (String) m[0];
            List<String> modelCases = em.createNativeQuery("select concat(manufacturing_type, ' ', year)"
                    + " from programme_model_case where enterprise_code = ?1 order by year, manufacturing_type")
                    .setParameter(1, code).getResultList();
            List<String> experts = em.createNativeQuery("select distinct u.username from programme_pairing p"
                    + " join app_user u on u.id = p.user_id where p.enterprise_code = ?1 and p.valid_from <= ?3"
                    + " and (p.valid_to is null or p.valid_to >= ?2) order by u.username")
                    .setParameter(1, code).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to))
                    .getResultList();
            VisitCounts visits = visitCounts(code, from, to);
            Map<TrainingLevel, BigDecimal> hours = new EnumMap<>(TrainingLevel.class);
            for (TrainingTotals t : training.totals(code, year)) {
                hours.put(t.level(), t.personHours());
            }
            Map<ProjectStatus, Long> projects = new EnumMap<>(ProjectStatus.class);
            for (Object[] p : (List<Object[]>) em.createNativeQuery("select p.status, count(*) from programme_project p"
                    + " join programme_project_enterprise pe on pe.project_id = p.id where pe.enterprise_code = ?1"
                    + " group by p.status").setParameter(1, code).getResultList()) {
                projects.put(ProjectStatus.valueOf((String) p[0]), ((Number) p[1]).longValue());
            }
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (Object[] l : (List<Object[]>) em.createNativeQuery("select l.domain, l.level from programme_cmmm_level l"
                    + " join programme_cmmm_assessment a on a.id = l.assessment_id where a.tenant_id = ?1 and a.year = ?2")
                    .setParameter(1, code).setParameter(2, year).getResultList()) {
                levels.put((String) l[0], ((Number) l[1]).intValue());
            }
            rows.add(new OverviewRow(code, (String) m[1], (String) m[2], (String) m[3], ((Number) m[4]).intValue(),
                    modelCases, experts, visits.visits(), visits.openFollowUps(), hours, projects, levels,
                    usage.year(code, ZoneId.of((String) m[5]), year)));
        }
        return new Overview(year, rows);
    }

    /** Visits to every enterprise that had one in the period, with their follow-ups still open: counts only. */
    @SuppressWarnings("unchecked")
    public List<VisitCounts> visitCounts(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw DomainException.invalid("invalid-period", "Give a period",
                    new FieldError(from == null ? "from" : "to", "is required"));
        }
        ProgrammeRules.periodProblem("to", from, to).ifPresent(p -> {
            throw DomainException.invalid("invalid-period", "The period ends before it starts", p);
        });
        List<String> codes = em.createNativeQuery("select distinct tenant_id from programme_visit where visit_date"
                + " between ?1 and ?2 order by tenant_id").setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to)).getResultList();
        return codes.stream().map(code -> visitCounts(code, from, to)).toList();
    }

    private VisitCounts visitCounts(String code, LocalDate from, LocalDate to) {
        long visits = ((Number) em.createNativeQuery("select count(*) from programme_visit where tenant_id = ?1"
                + " and visit_date between ?2 and ?3").setParameter(1, code).setParameter(2, Date.valueOf(from))
                .setParameter(3, Date.valueOf(to)).getSingleResult()).longValue();
        Object[] open = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(case when f.due < ?4 then 1"
                        + " else 0 end), 0) from programme_visit_follow_up f join programme_visit v on v.id = f.visit_id"
                        + " where v.tenant_id = ?1 and v.visit_date between ?2 and ?3 and not f.done")
                .setParameter(1, code).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to))
                .setParameter(4, Date.valueOf(pairings.today())).getSingleResult();
        return new VisitCounts(code, from, to, visits, ((Number) open[0]).longValue(), ((Number) open[1]).longValue());
    }
}
