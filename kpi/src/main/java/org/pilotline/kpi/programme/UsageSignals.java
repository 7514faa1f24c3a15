package org.pilotline.kpi.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.kpi.programme.ProgrammeViews.UsageView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * How much an enterprise uses the suite in a month (in its own zone), read with plain SQL from the tables of the
 * modules that record it, as kpi reads the MES history: erp-core's MRP runs ({@code mrp_run}), mes-shopfloor's
 * applied reports and how many came from a terminal ({@code mes_report}) and the machines with state history
 * ({@code mes_machine_interval}), plc-gateway's machine bindings ({@code plc_machine_binding}), and the process
 * instances Camunda started for the enterprise as its tenant (its history table {@code ACT_HI_PROCINST}). Every query
 * names the enterprise.
 */
@ApplicationScoped
public class UsageSignals {

    @Inject
    EntityManager em;

    private volatile String processHistoryTable;

    public UsageView month(String enterprise, ZoneId zone, YearMonth month) {
        return between(enterprise, month.toString(), month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    /** Each month of a year up to the given one. */
    public List<UsageView> months(String enterprise, ZoneId zone, int year, YearMonth upTo) {
        return java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(year, m))
                .filter(m -> !m.isAfter(upTo)).map(m -> month(enterprise, zone, m)).toList();
    }

    /** The year as a whole: machines as bound now and reporting at any time in the year. */
    public UsageView year(String enterprise, ZoneId zone, int year) {
        return between(enterprise, String.valueOf(year), YearMonth.of(year, 1).atDay(1).atStartOfDay(zone).toInstant(),
                YearMonth.of(year + 1, 1).atDay(1).atStartOfDay(zone).toInstant());
    }

    private UsageView between(String enterprise, String label, Instant from, Instant to) {
        long mrpRuns = count("select count(*) from mrp_run where tenant_id = ?1 and requested_at >= ?2"
                + " and requested_at < ?3", enterprise, from, to);
        long reports = count("select count(*) from mes_report where tenant_id = ?1 and status = 200"
                + " and received_at >= ?2 and received_at < ?3", enterprise, from, to);
        long terminalReports = count("select count(*) from mes_report where tenant_id = ?1 and status = 200"
                + " and terminal_id is not null and received_at >= ?2 and received_at < ?3", enterprise, from, to);
        long bound = ((Number) em.createNativeQuery("select count(*) from plc_machine_binding where tenant_id = ?1")
                .setParameter(1, enterprise).getSingleResult()).longValue();
        long reporting = count("select count(distinct machine_code) from mes_machine_interval where tenant_id = ?1"
                + " and started_at < ?3 and (ended_at is null or ended_at > ?2)", enterprise, from, to);
        String history = processHistoryTable();
        long processes = history == null ? 0 : count("select count(*) from " + history + " where TENANT_ID_ = ?1"
                + " and START_TIME_ >= ?2 and START_TIME_ < ?3", enterprise, from, to);
        BigDecimal share = reports == 0 ? null
                : BigDecimal.valueOf(terminalReports).divide(BigDecimal.valueOf(reports), 4, RoundingMode.HALF_EVEN);
        return new UsageView(label, mrpRuns, reports, terminalReports, share, bound, reporting, processes);
    }

    private long count(String sql, String enterprise, Instant from, Instant to) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, enterprise).setParameter(2, from)
                .setParameter(3, to).getSingleResult()).longValue();
    }

    /** Camunda creates its tables itself, in upper case; found once, so that a server without them counts none. */
    private String processHistoryTable() {
        String table = processHistoryTable;
        if (table == null) {
            List<?> found = em.createNativeQuery("select table_name from information_schema.tables"
                    + " where table_schema = database() and upper(table_name) = 'ACT_HI_PROCINST'").getResultList();
            table = found.isEmpty() ? "" : (String) found.get(0);
            processHistoryTable = table;
        }
        return table.isEmpty() ? null : table;
    }
}
