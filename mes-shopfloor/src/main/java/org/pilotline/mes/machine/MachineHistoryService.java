package org.pilotline.mes.machine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.erp.equipment.WorkUnit;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.pilotline.platform.persistence.SqlValues.instant;

/** Reads a work unit's machine-state history for a span of time. */
@ApplicationScoped
public class MachineHistoryService {

    /** The longest span one request may read, so that an answer stays small. */
    static final Duration LONGEST_SPAN = Duration.ofDays(31);

    public record Interval(long id, String machine, String state, String operationMode, Instant start, Instant end,
                           Long operationId, Long downtimeReasonId) {
    }

    /**
     * {@code counting}: what became of the good parts at a work center counting by machine ({@link PartCountSettlement};
     * null where the terminal counts), and {@code reportId} the QUANTITY report that applied or refused them.
     */
    public record PartCount(String machine, long sequence, long total, long good, long reject, Instant at,
                            Long operationId, PartCountSettlement counting, Long reportId) {
    }

    public record DataLoss(String machine, Instant from, Instant to, String reason) {
    }

    public record History(long workUnitId, Instant from, Instant to, List<Interval> intervals, List<PartCount> partCounts,
                          List<DataLoss> dataLosses) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    public History history(long workUnitId, Instant from, Instant to) {
        String enterprise = tenant.requireEnterprise();
        Lookups.require(WorkUnit.class, "Work unit", workUnitId);
        if (from == null || to == null || !to.isAfter(from)) {
            throw DomainException.invalid("invalid-span", "Give a span of time", new FieldError("to",
                    "from and to are required, to after from"));
        }
        if (Duration.between(from, to).compareTo(LONGEST_SPAN) > 0) {
            throw DomainException.invalid("invalid-span", "The span is too long",
                    new FieldError("to", "at most " + LONGEST_SPAN.toDays() + " days after from"));
        }
        List<Interval> intervals = em.createNativeQuery("select i.id, i.machine_code, i.state, i.operation_mode,"
                        + " i.started_at, i.ended_at, i.operation_id, d.reason_id from mes_machine_interval i"
                        + " left join mes_downtime d on d.machine_interval_id = i.id"
                        + " where i.tenant_id = ?1 and i.work_unit_id = ?2 and i.started_at < ?4"
                        + " and (i.ended_at is null or i.ended_at > ?3) order by i.started_at, i.start_sequence")
                .setParameter(1, enterprise).setParameter(2, workUnitId).setParameter(3, from).setParameter(4, to)
                .getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new Interval(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                            instant(r[4]), instant(r[5]), r[6] == null ? null : ((Number) r[6]).longValue(),
                            r[7] == null ? null : ((Number) r[7]).longValue());
                }).toList();
        List<PartCount> parts = em.createNativeQuery("select machine_code, sequence_no, total, good, reject, counted_at,"
                        + " operation_id, counting, report_id from mes_part_count where tenant_id = ?1 and work_unit_id = ?2"
                        + " and counted_at >= ?3 and counted_at < ?4 order by counted_at, sequence_no")
                .setParameter(1, enterprise).setParameter(2, workUnitId).setParameter(3, from).setParameter(4, to)
                .getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new PartCount((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                            ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), instant(r[5]),
                            r[6] == null ? null : ((Number) r[6]).longValue(),
                            r[7] == null ? null : PartCountSettlement.valueOf((String) r[7]),
                            r[8] == null ? null : ((Number) r[8]).longValue());
                }).toList();
        List<DataLoss> losses = em.createNativeQuery("select machine_code, from_at, to_at, reason from mes_data_loss"
                        + " where tenant_id = ?1 and work_unit_id = ?2 and from_at < ?4 and to_at > ?3 order by from_at")
                .setParameter(1, enterprise).setParameter(2, workUnitId).setParameter(3, from).setParameter(4, to)
                .getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new DataLoss((String) r[0], instant(r[1]), instant(r[2]), (String) r[3]);
                }).toList();
        return new History(workUnitId, from, to, intervals, parts, losses);
    }
}
