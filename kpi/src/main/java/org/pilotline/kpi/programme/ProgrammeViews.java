package org.pilotline.kpi.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.erp.enterprise.ManufacturingType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The programme's requests (commands) and views. */
public final class ProgrammeViews {

    private ProgrammeViews() {
    }

    // cohorts

    public record CohortRequest(@NotNull @Min(2000) @Max(2100) Integer year,
                                @NotBlank @Size(max = 200) String nameZh,
                                @NotBlank @Size(max = 200) String nameEn,
                                @NotNull CohortType type,
                                @NotNull @Size(max = 500) List<@NotBlank String> enterprises,
                                Long version) {
    }

    public record CohortView(long id, int year, String nameZh, String nameEn, CohortType type, List<String> enterprises,
                             long version) {
        static CohortView of(Cohort c) {
            return new CohortView(c.id, c.year, c.nameZh, c.nameEn, c.type, List.copyOf(c.enterprises), c.version);
        }
    }

    // pairings and visits

    public record PairingRequest(@NotBlank @Size(max = 64) String expert,
                                 @NotBlank @Size(max = 32) String enterprise,
                                 @NotNull LocalDate validFrom, LocalDate validTo, Long version) {
    }

    public record PairingView(long id, String expert, String enterprise, LocalDate validFrom, LocalDate validTo,
                              boolean current, long version) {
    }

    public record FollowUpRequest(@NotBlank @Size(max = 1000) String action, LocalDate due, Boolean done) {
    }

    public record VisitRequest(@NotBlank @Pattern(regexp = "\\S{1,64}", message = "must be 1-64 characters without spaces")
                               @Schema(description = "Chosen by the client; a repeated requestId returns the visit logged first")
                               String requestId,
                               @NotNull LocalDate visitDate,
                               @NotBlank @Size(max = 1000) String topics,
                               @NotBlank @Size(max = 20000) String findings,
                               @Size(max = 50) List<@Valid @NotNull FollowUpRequest> followUps) {
    }

    public record FollowUpsUpdate(@NotNull @Size(max = 50) List<@Valid @NotNull FollowUpRequest> followUps,
                                  @NotNull Long version) {
    }

    public record FollowUpView(String action, LocalDate due, boolean done) {
    }

    public record VisitView(long id, String enterprise, String requestId, String expert, LocalDate visitDate,
                            String topics, String findings, List<FollowUpView> followUps, Instant createdAt,
                            long version) {
        static VisitView of(Visit v) {
            return new VisitView(v.id, v.tenantId, v.requestId, v.expert, v.visitDate, v.topics, v.findings,
                    v.followUps.stream().map(f -> new FollowUpView(f.action, f.due, f.done)).toList(), v.createdAt,
                    v.version);
        }
    }

    /** A visit log entry as created: {@code replayed} when its requestId had been seen. */
    public record LoggedVisit(VisitView visit, boolean replayed) {
    }

    // research projects

    public record MilestoneRequest(@NotBlank @Size(max = 200) String title, @NotNull LocalDate due, LocalDate doneOn) {
    }

    public record ProjectRequest(@NotBlank @Size(max = 200) String titleZh,
                                 @NotBlank @Size(max = 200) String titleEn,
                                 @NotNull @Size(max = 100) List<@NotBlank String> enterprises,
                                 @NotNull @Size(max = 100) List<@NotBlank String> experts,
                                 @NotNull @Size(max = 100) List<@Valid @NotNull MilestoneRequest> milestones,
                                 @Size(max = 20000) String outcome,
                                 Long version) {
    }

    public record StatusChange(@NotNull ProjectStatus status, @Size(max = 20000) String outcome, @NotNull Long version) {
    }

    public record MilestoneUpdate(LocalDate doneOn, @NotNull Long version) {
    }

    public record MilestoneView(String title, LocalDate due, LocalDate doneOn) {
    }

    public record ProjectView(long id, String titleZh, String titleEn, ProjectStatus status, List<String> enterprises,
                              List<String> experts, List<MilestoneView> milestones, String outcome, long version) {
        static ProjectView of(Project p) {
            return new ProjectView(p.id, p.titleZh, p.titleEn, p.status, List.copyOf(p.enterprises),
                    List.copyOf(p.experts), p.milestones.stream().map(m -> new MilestoneView(m.title, m.due, m.doneOn))
                    .toList(), p.outcome, p.version);
        }
    }

    // training

    public record AttendanceRequest(@NotBlank String enterprise,
                                    @NotNull @Min(0) @Max(10000) Integer attendees,
                                    @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal personHours) {
    }

    public record TrainingRequest(@NotNull TrainingLevel level,
                                  @NotBlank @Size(max = 200) String topic,
                                  @NotNull LocalDate date,
                                  @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 4, fraction = 2) BigDecimal hours,
                                  @NotBlank @Size(max = 200) String trainer,
                                  @NotNull @Size(max = 500) List<@Valid @NotNull AttendanceRequest> attendance,
                                  Long version) {
    }

    public record AttendanceView(String enterprise, int attendees, BigDecimal personHours) {
    }

    public record TrainingView(long id, TrainingLevel level, String topic, LocalDate date, BigDecimal hours,
                               String trainer, List<AttendanceView> attendance, long version) {
        static TrainingView of(Training t) {
            return new TrainingView(t.id, t.level, t.topic, t.sessionDate, t.hours, t.trainer, t.attendance.stream()
                    .map(a -> new AttendanceView(a.enterpriseCode, a.attendees, a.personHours)).toList(), t.version);
        }
    }

    /** Training an enterprise took part in, per level: sessions, attendees and person-hours. */
    public record TrainingTotals(TrainingLevel level, long sessions, long attendees, BigDecimal personHours) {
    }

    // model cases

    public record ModelCaseRequest(@NotBlank @Size(max = 32) String enterprise,
                                   @NotNull ManufacturingType manufacturingType,
                                   @NotNull @Min(2000) @Max(2100) Integer year,
                                   @NotBlank @Size(max = 2000) String citation,
                                   Long version) {
    }

    public record ModelCaseView(long id, String enterprise, ManufacturingType manufacturingType, int year,
                                String citation, long version) {
        static ModelCaseView of(ModelCase m) {
            return new ModelCaseView(m.id, m.enterpriseCode, m.manufacturingType, m.year, m.citation, m.version);
        }
    }

    // CMMM

    public record DomainView(String domain, String factor, String nameZh, String nameEn) {
    }

    public record RatingRequest(String domain, Integer level) {
    }

    public record AssessmentRequest(@NotNull List<RatingRequest> levels, Long version) {
    }

    public record RatingView(String domain, String nameZh, String nameEn, int level) {
    }

    public record AssessmentView(long id, String enterprise, int year, List<RatingView> levels, String submittedBy,
                                 Instant submittedAt, long version) {
    }

    /** The suite's own usage signals of an enterprise for a month (in the enterprise's zone). */
    public record UsageView(String month, long mrpRuns, long reports, long terminalReports,
                            @Schema(description = "terminalReports / reports, 4 decimals; null without reports")
                            BigDecimal terminalShare, long machinesBound, long machinesReporting,
                            long processesStarted) {
    }

    /** An enterprise's self-assessment of a year beside the usage the suite measured in each of its months. */
    public record AssessmentWithUsage(String enterprise, int year, AssessmentView assessment, List<UsageView> usage) {
    }

    // the bureau's overview

    public record OverviewRow(String enterprise, String name, String manufacturingType, String cohort,
                              Integer cohortYear, List<String> modelCases, List<String> experts, long visits,
                              long openFollowUps, Map<TrainingLevel, BigDecimal> trainingPersonHours,
                              Map<ProjectStatus, Long> projects, Map<String, Integer> cmmmLevels, UsageView usage) {
    }

    public record Overview(int year, List<OverviewRow> enterprises) {
    }

    /** Visits per enterprise in a period and the follow-ups still open: counts only, never the entries. */
    public record VisitCounts(String enterprise, LocalDate from, LocalDate to, long visits, long openFollowUps,
                              long overdueFollowUps) {
    }
}
