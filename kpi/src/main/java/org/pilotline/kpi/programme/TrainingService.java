package org.pilotline.kpi.programme;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.kpi.programme.ProgrammeViews.TrainingRequest;
import org.pilotline.kpi.programme.ProgrammeViews.TrainingTotals;
import org.pilotline.kpi.programme.ProgrammeViews.TrainingView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Training sessions the bureau runs, at engineering and management level, with each enterprise's attendance. */
@ApplicationScoped
public class TrainingService {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /** Sorted by date unless the request sorts by {@code sessionDate}, {@code level} or {@code id}. */
    public Page<TrainingView> listTrainings(PageRequest page) {
        return Lookups.page(Training.<Training>findAll(ProgrammeLists.sort(page, Map.of("sessionDate", "sessionDate",
                "level", "level", "id", "id"), Sort.by("sessionDate").and("id"))), page,
                TrainingView::of);
    }

    public TrainingView getTraining(long id) {
        return TrainingView.of(Lookups.require(Training.class, "Training", id));
    }

    @Transactional
    public TrainingView saveTraining(Long id, TrainingRequest r) {
        Training training = id == null ? new Training() : Lookups.require(Training.class, "Training", id);
        if (id != null) {
            Versions.requireCurrent("Training", id, r.version(), training.version);
        }
        Enterprises.requireAll("attendance", ".enterprise", r.attendance().stream().map(a -> a.enterprise()).toList());
        training.level = r.level();
        training.topic = r.topic();
        training.sessionDate = r.date();
        training.hours = r.hours();
        training.trainer = r.trainer();
        training.attendance.clear();
        r.attendance().forEach(a -> training.attendance.add(
                new Training.Attendance(a.enterprise(), a.attendees(), a.personHours())));
        training.persist();
        Training.flush();
        return TrainingView.of(training);
    }

    /** The caller's enterprise's training of a year, per level (zero rows for a level it had none of). */
    public List<TrainingTotals> totalsOfCallersEnterprise(int year) {
        return totals(tenant.requireEnterprise(), year);
    }

    public List<TrainingTotals> totals(String enterprise, int year) {
        List<TrainingTotals> totals = new ArrayList<>();
        for (TrainingLevel level : TrainingLevel.values()) {
            Object[] row = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(a.attendees), 0),"
                            + " coalesce(sum(a.person_hours), 0) from programme_training t join programme_training_attendance a"
                            + " on a.training_id = t.id where a.enterprise_code = ?1 and t.level = ?2"
                            + " and year(t.session_date) = ?3")
                    .setParameter(1, enterprise).setParameter(2, level.name()).setParameter(3, year).getSingleResult();
            totals.add(new TrainingTotals(level, ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    plain((BigDecimal) row[2])));
        }
        return totals;
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
