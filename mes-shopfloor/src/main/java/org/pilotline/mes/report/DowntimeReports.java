package org.pilotline.mes.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.erp.equipment.WorkUnit;
import org.pilotline.mes.reason.Reason;
import org.pilotline.mes.reason.ReasonPurpose;
import org.pilotline.mes.reason.Reasons;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;

import static org.pilotline.platform.persistence.SqlValues.instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Downtime with its reason: a stop an operator reports for a work unit, or the reason of a stop the machine reported
 * (a machine-state interval that is not Executing). A stop is annotated once; it is what ISO 22400's down time is
 * broken down by.
 */
@ApplicationScoped
public class DowntimeReports {

    @Inject
    EntityManager em;

    @Inject
    Reasons reasons;

    @Inject
    TenantContext tenant;

    /** The mes_downtime row written, with the work unit it concerns and the stop's start. */
    public record Recorded(long id, long workUnitId, Instant from) {
    }

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = DomainException.class)
    public Recorded record(Report report, ReportRequest r, Reporter who) {
        Reason reason = reasons.require(r.reasonCode(), EnumSet.of(ReasonPurpose.DOWNTIME), "reasonCode");
        long workUnitId;
        Instant from = r.from();
        Instant to = r.to();
        if (r.machineIntervalId() != null) {
            List<?> rows = em.createNativeQuery("select work_unit_id, state, started_at, ended_at from mes_machine_interval"
                    + " where id = ?1 and tenant_id = ?2").setParameter(1, r.machineIntervalId())
                    .setParameter(2, tenant.requireEnterprise()).getResultList();
            if (rows.isEmpty()) {
                throw DomainException.invalid("unknown-reference", "Machine interval not found",
                        new FieldError("machineIntervalId", "no machine-state interval has id " + r.machineIntervalId()));
            }
            Object[] interval = (Object[]) rows.get(0);
            if (interval[0] == null || "EXECUTING".equals(interval[1])) {
                throw DomainException.unprocessable("not-a-stop", "The interval is not a stop of a work unit",
                        "Machine interval " + r.machineIntervalId() + " is " + interval[1]
                                + (interval[0] == null ? " of a machine bound to no work unit" : ""),
                        new FieldError("machineIntervalId", "is not a stop"));
            }
            if (!em.createNativeQuery("select id from mes_downtime where tenant_id = ?2 and machine_interval_id = ?1")
                    .setParameter(1, r.machineIntervalId()).setParameter(2, tenant.requireEnterprise())
                    .getResultList().isEmpty()) {
                throw DomainException.conflict("already-annotated", "The stop already has a reason",
                        "Machine interval " + r.machineIntervalId() + " was annotated before",
                        new FieldError("machineIntervalId", "already has a reason"));
            }
            workUnitId = ((Number) interval[0]).longValue();
            from = instant(interval[2]);
            to = interval[3] == null ? null : instant(interval[3]);
        } else {
            workUnitId = r.workUnitId();
        }
        WorkUnit unit = em.createQuery("select u from WorkUnit u where u.id = :id", WorkUnit.class)
                .setParameter("id", workUnitId).getResultStream().findFirst()
                .orElseThrow(() -> DomainException.invalid("unknown-reference", "Work unit not found",
                        new FieldError("workUnitId", "no work unit has id " + r.workUnitId())));
        if (who.isTerminal() && !unit.workCenter.id.equals(who.terminalWorkCenterId())) {
            throw new DomainException(ProblemKind.FORBIDDEN, "wrong-terminal", "This terminal is at another work center",
                    "Work unit " + unit.code + " is not at this terminal's work center",
                    List.of(new FieldError("workUnitId", "is at another work center")), Map.of());
        }
        em.createNativeQuery("insert into mes_downtime (tenant_id, work_unit_id, reason_id, started_at, ended_at,"
                        + " machine_interval_id, report_id, planned, note) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, tenant.requireEnterprise()).setParameter(2, workUnitId).setParameter(3, reason.id)
                .setParameter(4, from).setParameter(5, to).setParameter(6, r.machineIntervalId())
                .setParameter(7, report.id).setParameter(8, reason.planned).setParameter(9, r.note()).executeUpdate();
        long id = ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
        return new Recorded(id, workUnitId, from);
    }
}
