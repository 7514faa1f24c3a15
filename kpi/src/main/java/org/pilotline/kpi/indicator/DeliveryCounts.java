package org.pilotline.kpi.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * On-time delivery (ISO 22400's "shipped against promised dates"), counted for one enterprise or many in one
 * statement: sales order lines (confirmed or later, not cancelled) requested on a plant-local date of the period, and
 * of them those shipped in full no later than their requested date — each enterprise's dates in its own zone. The
 * enterprise KPI report asks it for the caller's enterprise, the bureau's comparison for all of them at once (it hands
 * out the two counts only).
 */
@ApplicationScoped
public class DeliveryCounts {

    /** An enterprise and its zone. */
    public record Plant(String code, ZoneId zone) {
    }

    @Inject
    EntityManager em;

    /**
     * One enterprise's counts per requested date in [first, last] (plant-local dates; dates without a line absent):
     * {lines due, lines shipped in full on time}. What the roll-ups' days, weeks and months add up. Call inside a
     * transaction.
     */
    public java.util.TreeMap<LocalDate, int[]> byDate(String tenant, ZoneId zone, LocalDate first, LocalDate last) {
        java.util.TreeMap<LocalDate, int[]> counts = new java.util.TreeMap<>();
        var query = em.createNativeQuery(LINES + " and l.tenant_id = ?1 and l.requested_date between ?2 and ?3")
                .setParameter(1, tenant).setParameter(2, first).setParameter(3, last);
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            int[] c = counts.computeIfAbsent(requested(r), d -> new int[2]);
            c[0]++;
            if (onTime(r, zone)) {
                c[1]++;
            }
        }
        return counts;
    }

    /** The counts of the dates in [first, last] of {@link #byDate}'s answer. */
    public static int[] sum(java.util.NavigableMap<LocalDate, int[]> byDate, LocalDate first, LocalDate last) {
        int[] sum = new int[2];
        byDate.subMap(first, true, last, true).values().forEach(c -> {
            sum[0] += c[0];
            sum[1] += c[1];
        });
        return sum;
    }

    /** A sales line: tenant, requested date, quantity, shipped quantity, the plant's time of its last shipment. */
    private static final String LINES = "select l.tenant_id, l.requested_date, l.quantity, l.shipped_quantity,"
            + " (select max(m.moved_at) from stock_move m where m.tenant_id = l.tenant_id"
            + " and m.reference = concat(o.number, '/', l.line_no)) from sales_order_line l"
            + " join sales_order o on o.id = l.order_id where o.status not in ('DRAFT', 'CANCELLED')";

    private static LocalDate requested(Object[] r) {
        return r[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[1];
    }

    /** Shipped in full, the last shipment on or before the requested date in the plant's zone. */
    private static boolean onTime(Object[] r, ZoneId zone) {
        boolean full = ((BigDecimal) r[3]).compareTo((BigDecimal) r[2]) >= 0;
        return full && r[4] != null && !instant(r[4]).atZone(zone).toLocalDate().isAfter(requested(r));
    }

    /** Per enterprise code: {lines due, lines shipped in full on time}. Call inside a transaction. */
    public Map<String, int[]> count(Instant from, Instant to, List<Plant> plants) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Plant> byCode = new HashMap<>();
        plants.forEach(p -> {
            counts.put(p.code(), new int[2]);
            byCode.put(p.code(), p);
        });
        for (int at = 0; at < plants.size(); at += 100) {
            List<Plant> part = plants.subList(at, Math.min(plants.size(), at + 100));
            StringBuilder sql = new StringBuilder(LINES + " and (");
            List<Object> parameters = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                Plant p = part.get(i);
                int n = parameters.size();
                sql.append(i == 0 ? "" : " or ").append("(l.tenant_id = ?").append(n + 1)
                        .append(" and l.requested_date between ?").append(n + 2).append(" and ?").append(n + 3)
                        .append(')');
                parameters.add(p.code());
                parameters.add(from.atZone(p.zone()).toLocalDate());
                parameters.add(to.minusNanos(1).atZone(p.zone()).toLocalDate());
            }
            sql.append(')');
            var query = em.createNativeQuery(sql.toString());
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                String code = (String) r[0];
                int[] c = counts.get(code);
                c[0]++;
                if (onTime(r, byCode.get(code).zone())) {
                    c[1]++;
                }
            }
        }
        return counts;
    }
}
