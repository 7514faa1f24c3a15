package org.pilotline.kpi.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the delivery counts of the roll-ups current. erp-core announces neither a shipment nor a changed sales line, so
 * the roll-up worker compares, every {@code pilotline.kpi.rollup.delivery-check} (5 s; not every round of 1 s), the
 * sales order lines with what the roll-ups last counted of them
 * ({@code kpi_delivery_line}: requested date, quantity, shipped quantity, the order's status) — one statement over all
 * enterprises —, and for each enterprise with a difference recounts, under its roll-up lock, the days, weeks and months
 * of the old and the new requested date of every line that differs (a shipment, a changed promise or quantity, an
 * order confirmed, cancelled or deleted), then notes the lines as counted. A recount is the same count
 * {@link RollupWriter#aggregate} makes when it writes a bucket, so the rows stay what a recomputation gives.
 */
@ApplicationScoped
public class DeliveryWatch {

    /** The lines that differ from what was counted (or were never counted), from "from" on. */
    private static final String CHANGED = " from sales_order_line l join sales_order o on o.id = l.order_id"
            + " left join kpi_delivery_line s on s.tenant_id = l.tenant_id and s.line_id = l.id"
            + " where (s.line_id is null or s.requested_date <> l.requested_date or s.quantity <> l.quantity"
            + " or s.shipped_quantity <> l.shipped_quantity or s.order_status <> o.status)";

    /** The lines counted that no longer exist (a deleted draft or line), from "from" on. */
    private static final String GONE = " from kpi_delivery_line s where not exists (select 1 from sales_order_line l"
            + " where l.id = s.line_id)";

    @Inject
    EntityManager em;

    @Inject
    RollupStore store;

    @Inject
    RollupWriter writer;

    @Inject
    TenantContext tenant;

    /** The enterprises with a sales line that differs from what the roll-ups counted (read across enterprises). */
    @Transactional
    public Set<String> changedTenants() {
        Set<String> tenants = new TreeSet<>();
        store.rows("select distinct l.tenant_id" + CHANGED).forEach(r -> tenants.add((String) r[0]));
        store.rows("select distinct s.tenant_id" + GONE).forEach(r -> tenants.add((String) r[0]));
        return tenants;
    }

    /**
     * Recounts the caller's enterprise's buckets its changed lines reach and notes the lines as counted, in one
     * transaction under the enterprise's roll-up lock. Returns the roll-up rows recounted.
     */
    @Transactional
    public int apply() {
        String t = tenant.requireEnterprise();
        store.lock(t);
        Set<LocalDate> dates = new TreeSet<>();
        List<Object[]> changed = store.rows("select l.tenant_id, l.id, l.requested_date, l.quantity,"
                + " l.shipped_quantity, o.status, s.requested_date" + CHANGED + " and l.tenant_id = ?1", t);
        List<Object[]> gone = store.rows("select s.tenant_id, s.line_id, s.requested_date" + GONE
                + " and s.tenant_id = ?1", t);
        if (changed.isEmpty() && gone.isEmpty()) {
            return 0;
        }
        for (Object[] r : changed) {
            dates.add(date(r[2]));
            if (r[6] != null) {
                dates.add(date(r[6]));
            }
        }
        List<Long> goneIds = new ArrayList<>();
        for (Object[] r : gone) {
            dates.add(date(r[2]));
            goneIds.add(((Number) r[1]).longValue());
        }
        int recounted = writer.recountDeliveries(t, dates);
        noteCounted(t, changed);
        for (int i = 0; i < goneIds.size(); i += 500) {
            em.createNativeQuery("delete from kpi_delivery_line where tenant_id = ?1 and line_id in (?2)")
                    .setParameter(1, t).setParameter(2, goneIds.subList(i, Math.min(goneIds.size(), i + 500)))
                    .executeUpdate();
        }
        return recounted;
    }

    /** Notes the lines as counted: one JDBC batch on the transaction's connection (the first round notes them all). */
    private void noteCounted(String t, List<Object[]> lines) {
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement upsert = c.prepareStatement("insert into kpi_delivery_line (tenant_id,"
                    + " line_id, requested_date, quantity, shipped_quantity, order_status) values (?, ?, ?, ?, ?, ?)"
                    + " on duplicate key update requested_date = values(requested_date), quantity = values(quantity),"
                    + " shipped_quantity = values(shipped_quantity), order_status = values(order_status)")) {
                int inBatch = 0;
                for (Object[] r : lines) {
                    upsert.setString(1, t);
                    upsert.setLong(2, ((Number) r[1]).longValue());
                    upsert.setObject(3, date(r[2]));
                    upsert.setBigDecimal(4, (java.math.BigDecimal) r[3]);
                    upsert.setBigDecimal(5, (java.math.BigDecimal) r[4]);
                    upsert.setString(6, (String) r[5]);
                    upsert.addBatch();
                    if (++inBatch == 500) {
                        upsert.executeBatch();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    upsert.executeBatch();
                }
            }
        });
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
