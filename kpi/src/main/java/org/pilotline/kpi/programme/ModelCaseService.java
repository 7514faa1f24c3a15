package org.pilotline.kpi.programme;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.pilotline.kpi.programme.ProgrammeViews.ModelCaseRequest;
import org.pilotline.kpi.programme.ProgrammeViews.ModelCaseView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.util.List;
import java.util.Map;

/** 示范样板: the bureau flags enterprises as model cases of a manufacturing type and year, with a citation. */
@ApplicationScoped
public class ModelCaseService {

    /** Sorted by year and enterprise unless the request sorts by {@code year}, {@code enterprise} or {@code id}. */
    public Page<ModelCaseView> listModelCases(PageRequest page) {
        return Lookups.page(ModelCase.<ModelCase>findAll(ProgrammeLists.sort(page, Map.of("year", "year",
                "enterprise", "enterpriseCode", "id", "id"), Sort.by("year").and("enterpriseCode").and("id"))), page,
                ModelCaseView::of);
    }

    public ModelCaseView getModelCase(long id) {
        return ModelCaseView.of(Lookups.require(ModelCase.class, "Model case", id));
    }

    @Transactional
    public ModelCaseView saveModelCase(Long id, ModelCaseRequest r) {
        ModelCase modelCase = id == null ? new ModelCase() : Lookups.require(ModelCase.class, "Model case", id);
        if (id != null) {
            Versions.requireCurrent("Model case", id, r.version(), modelCase.version);
        }
        Enterprises.require("enterprise", r.enterprise());
        ModelCase same = ModelCase.find("enterpriseCode = ?1 and manufacturingType = ?2 and year = ?3",
                r.enterprise(), r.manufacturingType(), r.year()).firstResult();
        if (same != null && !same.id.equals(id)) {
            throw DomainException.conflict("duplicate-model-case", "The enterprise is a model case of that type and year already",
                    "Model case " + same.id + " cites '" + r.enterprise() + "' for " + r.manufacturingType() + " in " + r.year(),
                    new FieldError("enterprise", "is a model case of that type and year already"));
        }
        modelCase.enterpriseCode = r.enterprise();
        modelCase.manufacturingType = r.manufacturingType();
        modelCase.year = r.year();
        modelCase.citation = r.citation();
        modelCase.persist();
        ModelCase.flush();
        return ModelCaseView.of(modelCase);
    }

    @Transactional
    public void deleteModelCase(long id) {
        Lookups.require(ModelCase.class, "Model case", id).delete();
    }
}
