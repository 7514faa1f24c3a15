package org.pilotline.kpi.bureau;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.kpi.rollup.RollupStore;

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
 * On-time delivery counts of many enterprises for one period in one statement (the bureau's comparison; it hands out
 * the two counts only): the same lines and the same rule as {@code KpiService.deliveries} — sales order lines
 * (confirmed or later, not cancelled) requested on a plant-local date of the period, and of them those shipped in full
 * no later than their requested date — each enterprise's dates in its own zone.
 */
@ApplicationScoped
public class DeliveryCounts {

    /** An enterprise and its zone. */
    public record Plant(String code, ZoneId zone) {
    }

    @Inject
    RollupStore store;

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
            StringBuilder sql = new StringBuilder("select l.tenant_id, l.requested_date, l.quantity,"
                    + " l.shipped_quantity, (select max(m.moved_at) from stock_move m where m.tenant_id = l.tenant_id"
                    + " and m.reference = concat(o.number, '/', l.line_no)) from sales_order_line l"
                    + " join sales_order o on o.id = l.order_id where o.status not in ('DRAFT', 'CANCELLED') and (");
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
            for (Object[] r : store.rows(sql.toString(), parameters.toArray())) {
                String code = (String) r[0];
                int[] c = counts.get(code);
                c[0]++;
                LocalDate requested = r[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[1];
                boolean full = ((BigDecimal) r[3]).compareTo((BigDecimal) r[2]) >= 0;
                if (full && r[4] != null
                        && !instant(r[4]).atZone(byCode.get(code).zone()).toLocalDate().isAfter(requested)) {
                    c[1]++;
                }
            }
        }
        return counts;
    }
}
