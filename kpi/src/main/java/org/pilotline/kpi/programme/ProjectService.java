package org.pilotline.kpi.programme;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.security.UserAccount;
import org.pilotline.kpi.programme.ProgrammeViews.MilestoneUpdate;
import org.pilotline.kpi.programme.ProgrammeViews.ProjectRequest;
import org.pilotline.kpi.programme.ProgrammeViews.ProjectView;
import org.pilotline.kpi.programme.ProgrammeViews.StatusChange;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Research projects: the bureau manages them; the experts on a project record its milestones as done. */
@ApplicationScoped
public class ProjectService {

    @Inject
    Caller caller;

    /** The bureau sees every project; an expert the projects they work on. */
    public Page<ProjectView> listProjects(PageRequest page) {
        Sort sort = ProgrammeLists.sort(page, Map.of("id", "id", "status", "status"), Sort.by("id"));
        if (caller.has(Role.EXPERT)) {
            return Lookups.page(Project.<Project>find("?1 member of experts", sort, caller.username()), page,
                    ProjectView::of);
        }
        return Lookups.page(Project.<Project>findAll(sort), page, ProjectView::of);
    }

    public ProjectView getProject(long id) {
        Project project = Lookups.require(Project.class, "Project", id);
        if (!visible(project)) {
            throw DomainException.notFound("Project", id);
        }
        return ProjectView.of(project);
    }

    @Transactional
    public ProjectView saveProject(Long id, ProjectRequest r) {
        Project project = id == null ? new Project() : Lookups.require(Project.class, "Project", id);
        if (id != null) {
            Versions.requireCurrent("Project", id, r.version(), project.version);
        } else {
            project.status = ProjectStatus.PROPOSED;
        }
        Enterprises.requireAll("enterprises", r.enterprises());
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < r.experts().size(); i++) {
            String name = r.experts().get(i);
            if (UserAccount.findByUsername(name).filter(u -> u.roles.contains(Role.EXPERT)).isEmpty()) {
                problems.add(new FieldError("experts[" + i + "]", "no expert account has the user name '" + name + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid("unknown-reference", "The project names unknown experts",
                    problems.toArray(FieldError[]::new));
        }
        project.titleZh = r.titleZh();
        project.titleEn = r.titleEn();
        project.outcome = r.outcome();
        project.enterprises.clear();
        project.enterprises.addAll(r.enterprises());
        project.experts.clear();
        project.experts.addAll(r.experts());
        project.milestones.clear();
        r.milestones().forEach(m -> project.milestones.add(new Project.Milestone(m.title(), m.due(), m.doneOn())));
        project.persist();
        Project.flush();
        return ProjectView.of(project);
    }

    /** Moves a project along its life (PROPOSED → ACTIVE → COMPLETED, or CANCELLED); a refused move is 409. */
    @Transactional
    public ProjectView changeStatus(long id, StatusChange r) {
        Project project = Lookups.require(Project.class, "Project", id);
        Versions.requireCurrent("Project", id, r.version(), project.version);
        if (!ProgrammeRules.mayMove(project.status, r.status())) {
            throw new DomainException(ProblemKind.CONFLICT, "invalid-transition", "The project cannot move there",
                    "Project " + id + " is " + project.status + "; it may move to " + project.status.allowedTargets(),
                    List.of(new FieldError("status", "cannot follow " + project.status)),
                    Map.of("currentStatus", project.status.name()));
        }
        project.status = r.status();
        if (r.outcome() != null) {
            project.outcome = r.outcome();
        }
        Project.flush();
        return ProjectView.of(project);
    }

    /** An expert on the project (or the bureau) records a milestone as done, or clears it. */
    @Transactional
    public ProjectView updateMilestone(long id, int index, MilestoneUpdate r) {
        Project project = Lookups.require(Project.class, "Project", id);
        if (!visible(project)) {
            throw DomainException.notFound("Project", id);
        }
        if (index < 0 || index >= project.milestones.size()) {
            throw DomainException.notFound("Milestone", id + "/" + index);
        }
        Versions.requireCurrent("Project", id, r.version(), project.version);
        Project.Milestone m = project.milestones.get(index);
        project.milestones.set(index, new Project.Milestone(m.title, m.due, r.doneOn()));
        Project.flush();
        return ProjectView.of(project);
    }

    private boolean visible(Project project) {
        return !caller.has(Role.EXPERT) || project.experts.contains(caller.username());
    }
}
