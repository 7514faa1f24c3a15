package org.pilotline.mes.machine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.mes.report.ReportKind;
import org.pilotline.mes.report.ReportRequest;
import org.pilotline.mes.report.Reporter;
import org.pilotline.mes.report.ReportingService;
import org.pilotline.mes.settings.CountingSource;
import org.pilotline.mes.settings.ShopFloorSettings;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Where a work center counts by machine, the good parts its PLCs count become the operation's good quantity: once the
 * machine events are stored, each count is sent as a QUANTITY report under the id "machine:&lt;code&gt;:&lt;sequence&gt;" —
 * applied exactly once like any terminal report, stock booked the same way, and a refusal (the operation paused,
 * stock short) kept with the report instead of holding up the machine history.
 */
@ApplicationScoped
public class MachineCounting {

    private static final Logger LOG = Logger.getLogger(MachineCounting.class);

    /** Good parts a machine counted while an operation was under way on its work unit. */
    public record CountedParts(String tenant, String machine, long sequence, long operationId, long good, Instant at) {
    }

    /** The counts of one stored batch, handed on once it committed. */
    public record Counted(List<CountedParts> parts) {
    }

    @Inject
    Event<Counted> counted;

    @Inject
    ReportingService reporting;

    @Inject
    ShopFloorSettings settings;

    @Inject
    jakarta.persistence.EntityManager em;

    void countedAfterCommit(List<CountedParts> parts) {
        counted.fire(new Counted(parts));
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Counted batch) {
        for (CountedParts parts : batch.parts()) {
            try {
                TenantContext.runAs(parts.tenant(), () -> reportIfCountedByMachine(parts));
            } catch (DomainException refused) {
                LOG.debugf("machine count %s:%d not applied: %s", parts.machine(), parts.sequence(), refused.detail());
            } catch (RuntimeException e) {
                LOG.warnf(e, "machine count %s:%d not applied", parts.machine(), parts.sequence());
            }
        }
    }

    private void reportIfCountedByMachine(CountedParts parts) {
        Long workCenter = em.createQuery("select o.workCenterId from Operation o where o.id = :id", Long.class)
                .setParameter("id", parts.operationId()).getResultStream().findFirst().orElse(null);
        if (workCenter == null || settings.workCenter(workCenter).map(s -> s.countingSource)
                .orElse(CountingSource.TERMINAL) != CountingSource.MACHINE) {
            return;
        }
        reporting.report(new ReportRequest(clientId(parts), null, ReportKind.QUANTITY,
                parts.operationId(), null, BigDecimal.valueOf(parts.good()), null, null, null, parts.at(), null, null,
                null, null, null, null, null, null, null), new Reporter(null, null, bounded("machine:" + parts.machine())));
    }

    /** "machine:&lt;code&gt;:&lt;sequence&gt;", or a name-based UUID of it where a long machine code would not fit 64 characters. */
    static String clientId(CountedParts parts) {
        String readable = "machine:" + parts.machine() + ":" + parts.sequence();
        return readable.length() <= 64 ? readable
                : "machine:" + java.util.UUID.nameUUIDFromBytes(readable.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String bounded(String username) {
        return username.length() <= 64 ? username : username.substring(0, 64);
    }
}
