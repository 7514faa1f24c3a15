package org.pilotline.kpi.programme;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.kpi.programme.ProgrammeViews.CohortRequest;
import org.pilotline.kpi.programme.ProgrammeViews.CohortView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.util.List;
import java.util.Map;

/** The bureau's cohorts: one per year and type; an enterprise is selected into one cohort of the programme. */
@ApplicationScoped
public class CohortService {

    @Inject
    EntityManager em;

    /** Sorted by year and type unless the request sorts by {@code year}, {@code type} or {@code id}. */
    public Page<CohortView> listCohorts(PageRequest page) {
        return Lookups.page(Cohort.<Cohort>findAll(ProgrammeLists.sort(page, Map.of("year", "year", "type", "type",
                "id", "id"), Sort.by("year").and("type").and("id"))), page, CohortView::of);
    }

    public CohortView getCohort(long id) {
        return CohortView.of(Lookups.require(Cohort.class, "Cohort", id));
    }

    @Transactional
    public CohortView saveCohort(Long id, CohortRequest r) {
        Cohort cohort = id == null ? new Cohort() : Lookups.require(Cohort.class, "Cohort", id);
        if (id != null) {
            Versions.requireCurrent("Cohort", id, r.version(), cohort.version);
        }
        Enterprises.requireAll("enterprises", r.enterprises());
        Cohort same = Cohort.find("year = ?1 and type = ?2", r.year(), r.type()).firstResult();
        if (same != null && !same.id.equals(id)) {
            throw DomainException.conflict("duplicate-cohort", "There is already a cohort of that year and type",
                    "Cohort " + same.id + " is the " + r.type() + " cohort of " + r.year(),
                    new FieldError("year", "has a " + r.type() + " cohort already"));
        }
        for (int i = 0; i < r.enterprises().size(); i++) {
            String code = r.enterprises().get(i);
            List<?> other = em.createNativeQuery("select cohort_id from programme_cohort_enterprise"
                    + " where enterprise_code = ?1 and cohort_id <> ?2").setParameter(1, code)
                    .setParameter(2, id == null ? -1L : id).getResultList();
            if (!other.isEmpty()) {
                throw DomainException.conflict("enterprise-in-cohort", "The enterprise is in another cohort",
                        "Enterprise '" + code + "' is in cohort " + other.get(0) + " already",
                        new FieldError("enterprises[" + i + "]", "is in cohort " + other.get(0) + " already"));
            }
        }
        cohort.year = r.year();
        cohort.nameZh = r.nameZh();
        cohort.nameEn = r.nameEn();
        cohort.type = r.type();
        cohort.enterprises.clear();
        cohort.enterprises.addAll(r.enterprises());
        cohort.persist();
        Cohort.flush();
        return CohortView.of(cohort);
    }
}
