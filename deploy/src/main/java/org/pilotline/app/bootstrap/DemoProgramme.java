package org.pilotline.app.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.app.config.PilotLineConfig;
import org.pilotline.erp.enterprise.ManufacturingType;
import org.pilotline.erp.security.UserAccount;
import org.pilotline.kpi.programme.CmmmService;
import org.pilotline.kpi.programme.Cohort;
import org.pilotline.kpi.programme.CohortService;
import org.pilotline.kpi.programme.CohortType;
import org.pilotline.kpi.programme.ModelCaseService;
import org.pilotline.kpi.programme.PairingService;
import org.pilotline.kpi.programme.ProgrammeViews.AssessmentRequest;
import org.pilotline.kpi.programme.ProgrammeViews.AttendanceRequest;
import org.pilotline.kpi.programme.ProgrammeViews.CohortRequest;
import org.pilotline.kpi.programme.ProgrammeViews.FollowUpRequest;
import org.pilotline.kpi.programme.ProgrammeViews.MilestoneRequest;
import org.pilotline.kpi.programme.ProgrammeViews.ModelCaseRequest;
import org.pilotline.kpi.programme.ProgrammeViews.PairingRequest;
import org.pilotline.kpi.programme.ProgrammeViews.ProjectRequest;
import org.pilotline.kpi.programme.ProgrammeViews.ProjectView;
import org.pilotline.kpi.programme.ProgrammeViews.RatingRequest;
import org.pilotline.kpi.programme.ProgrammeViews.StatusChange;
import org.pilotline.kpi.programme.ProgrammeViews.TrainingRequest;
import org.pilotline.kpi.programme.ProgrammeViews.VisitRequest;
import org.pilotline.kpi.programme.ProjectService;
import org.pilotline.kpi.programme.ProjectStatus;
import org.pilotline.kpi.programme.TrainingLevel;
import org.pilotline.kpi.programme.TrainingService;
import org.pilotline.kpi.programme.VisitService;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Seeds a small programme around the demo enterprises (after {@link DemoData}): the 2026 pilot cohort, the demo
 * expert's pairings and a few visits, a research project, two training sessions, a model case and each enterprise's
 * CMMM self-assessment of 2026. Seeded once: a start that finds the demo cohort leaves the programme as users changed
 * it. Never enabled in prod.
 */
@ApplicationScoped
public class DemoProgramme {

    private static final Logger LOG = Logger.getLogger(DemoProgramme.class);
    private static final int YEAR = 2026;

    @Inject
    PilotLineConfig config;

    @Inject
    CohortService cohorts;

    @Inject
    PairingService pairings;

    @Inject
    VisitService visits;

    @Inject
    ProjectService projects;

    @Inject
    TrainingService trainings;

    @Inject
    ModelCaseService modelCases;

    @Inject
    CmmmService cmmm;

    @ActivateRequestContext
    void onStart(@Observes @Priority(31) StartupEvent event) {
        if (!config.demo().enabled() || Cohort.count("year = ?1 and type = ?2", YEAR, CohortType.PILOT) > 0) {
            return;
        }
        cohorts.saveCohort(null, new CohortRequest(YEAR, "2026年度智能制造试点企业", "2026 pilot enterprises",
                CohortType.PILOT, List.of("demo", "demo2"), null));
        boolean expert = UserAccount.findByUsername("expert").isPresent();
        if (expert) {
            pairings.savePairing(null, new PairingRequest("expert", "demo", LocalDate.of(YEAR, 3, 1), null, null));
            pairings.savePairing(null, new PairingRequest("expert", "demo2", LocalDate.of(YEAR, 5, 1), null, null));
            TenantContext.runAs("demo", () -> {
                visits.provisionVisit("expert", new VisitRequest("demo-visit-1", LocalDate.of(YEAR, 3, 20),
                        "物料主数据与BOM / item master and BOMs",
                        "阀体BOM缺少密封圈版本；计划员仍用表格排产。 The body BOM lacks the seat revision; planners still"
                                + " schedule in spreadsheets.",
                        List.of(new FollowUpRequest("补全阀体BOM / complete the body BOM", LocalDate.of(YEAR, 4, 3), true),
                                new FollowUpRequest("每周运行MRP / run MRP weekly", LocalDate.of(YEAR, 4, 30), false))));
                visits.provisionVisit("expert", new VisitRequest("demo-visit-2", LocalDate.of(YEAR, 6, 12),
                        "车间终端报工 / terminal reporting on the shop floor",
                        "车削与装配已用终端报工；试压仍手工记录。 Turning and assembly report from terminals; pressure"
                                + " testing is still recorded by hand.",
                        List.of(new FollowUpRequest("试压工位配终端 / a terminal at pressure testing",
                                LocalDate.of(YEAR, 7, 15), false))));
            });
            TenantContext.runAs("demo2", () -> visits.provisionVisit("expert", new VisitRequest("demo2-visit-1",
                    LocalDate.of(YEAR, 5, 28), "配方与批次追溯 / recipes and batch genealogy",
                    "配方得率已维护；批次追溯到原料批号。 Recipe yields are kept; batches trace back to ingredient lots.",
                    List.of(new FollowUpRequest("混料机接入网关 / connect the mixers to the gateway",
                            LocalDate.of(YEAR, 6, 30), false)))));
        }
        ProjectView project = projects.saveProject(null, new ProjectRequest("阀门装配有限产能排产研究",
                "Finite-capacity scheduling of valve assembly", List.of("demo"), expert ? List.of("expert") : List.of(),
                List.of(new MilestoneRequest("基线测量 / baseline measured", LocalDate.of(YEAR, 4, 30), LocalDate.of(YEAR, 4, 28)),
                        new MilestoneRequest("排产上线 / live schedule in use", LocalDate.of(YEAR, 9, 30), null)),
                null, null));
        projects.changeStatus(project.id(), new StatusChange(ProjectStatus.ACTIVE, null, project.version()));
        trainings.saveTraining(null, new TrainingRequest(TrainingLevel.ENGINEERING, "MRP与车间终端 / MRP and shop-floor terminals",
                LocalDate.of(YEAR, 4, 10), new BigDecimal("4"), "专家组 / expert team", List.of(
                new AttendanceRequest("demo", 6, new BigDecimal("24")),
                new AttendanceRequest("demo2", 4, new BigDecimal("16"))), null));
        trainings.saveTraining(null, new TrainingRequest(TrainingLevel.MANAGEMENT, "业务流程再造 / business process reengineering",
                LocalDate.of(YEAR, 6, 5), new BigDecimal("3"), "市科技局 / city technology bureau", List.of(
                new AttendanceRequest("demo", 2, new BigDecimal("6")),
                new AttendanceRequest("demo2", 2, new BigDecimal("6"))), null));
        modelCases.saveModelCase(null, new ModelCaseRequest("demo", ManufacturingType.DISCRETE, YEAR,
                "离散型智能制造示范：阀门数字化车间 / discrete model case: the valve digital workshop", null));
        assess("demo", List.of(2, 2, 2, 2, 3, 2, 1, 1));
        assess("demo2", List.of(2, 1, 2, 1, 2, 2, 2, 1));
        LOG.info("Demo programme seeded: the 2026 pilot cohort, pairings, visits, a project, training, a model case, CMMM");
    }

    private void assess(String enterprise, List<Integer> levels) {
        List<String> domains = List.of("PERSONNEL", "TECHNOLOGY", "RESOURCES", "DESIGN", "PRODUCTION", "LOGISTICS",
                "SALES", "SERVICE");
        List<RatingRequest> ratings = java.util.stream.IntStream.range(0, domains.size())
                .mapToObj(i -> new RatingRequest(domains.get(i), levels.get(i))).toList();
        TenantContext.runAs(enterprise, () -> cmmm.provisionAssessment(enterprise + "-admin", YEAR,
                new AssessmentRequest(ratings, null)));
    }
}
