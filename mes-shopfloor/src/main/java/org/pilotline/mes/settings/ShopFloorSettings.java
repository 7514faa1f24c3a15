package org.pilotline.mes.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Reads the enterprise's and the work centers' shop-floor settings, with their defaults. Every quantity report reads
 * them, so they are read with SQL naming the tenant (Hibernate translates a query anew on every call while the tenant
 * filter is enabled; a native query it does not translate).
 */
@ApplicationScoped
public class ShopFloorSettings {

    /** Without a setting of its own an enterprise accepts no more than it ordered. */
    public static final BigDecimal DEFAULT_OVER_DELIVERY_TOLERANCE = BigDecimal.ZERO;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    public Optional<EnterpriseSettings> enterprise() {
        return first(em.createNativeQuery("select * from mes_enterprise_settings where tenant_id = ?1", EnterpriseSettings.class)
                .setParameter(1, tenant.requireEnterprise()), EnterpriseSettings.class);
    }

    /** Where a work center's components are staged and its output received (either may be null). */
    public record Locations(Long stagingLocationId, Long receiptLocationId) {
    }

    public BigDecimal overDeliveryTolerance() {
        return enterpriseValue("over_delivery_tolerance").orElse(DEFAULT_OVER_DELIVERY_TOLERANCE);
    }

    public Optional<BigDecimal> scrapNcrThreshold() {
        return enterpriseValue("scrap_ncr_threshold");
    }

    /**
     * What a quantity report reads of the settings: the enterprise's over-delivery tolerance, the work center's
     * locations, and those locations themselves (unmanaged instances with their warehouses, by id) for the stock moves;
     * and whether the work center's machines count its good pieces ({@link CountingSource#MACHINE}).
     */
    public record ForQuantity(BigDecimal overDeliveryTolerance, Locations locations,
                              java.util.Map<Long, org.pilotline.erp.inventory.Location> locationRows,
                              boolean countsByMachine) {
    }

    /**
     * {@link #overDeliveryTolerance()}, the work center's locations and their rows (with their warehouses) in one
     * statement: every quantity report needs all three, and the stock booking read the locations with a statement of its
     * own (mesperf5). Plain JDBC, no entity: a native query that maps an entity still costs Hibernate an auto-flush check
     * of everything the report's session holds, on every report. No derived table, no sort: nothing the server has to
     * materialise. A work center without settings has both locations null and counts by terminal (then the tolerance
     * alone is read).
     */
    public ForQuantity forQuantity(long workCenterId) {
        return forQuantity(java.util.List.of(workCenterId)).get(workCenterId);
    }

    /**
     * {@link #forQuantity(long)} of several work centers with one statement (the reports of a group: their work
     * centers' settings are read at the group's start), by work center id; a second statement only where a work
     * center has no settings and the enterprise's tolerance is needed on its own.
     */
    public java.util.Map<Long, ForQuantity> forQuantity(java.util.Collection<Long> workCenterIds) {
        java.util.Map<Long, ForQuantity> found = new java.util.HashMap<>();
        if (workCenterIds.isEmpty()) {
            return found;
        }
        java.util.List<Long> ids = new java.util.ArrayList<>(new java.util.TreeSet<>(workCenterIds));
        String tenantId = tenant.requireEnterprise();
        if (ids.size() > 1) {
            forQuantityOfMany(ids, tenantId, found);
        } else {
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement select = c.prepareStatement("select (select over_delivery_tolerance from"
                        + " mes_enterprise_settings where tenant_id = ?), w.staging_location_id, w.receipt_location_id,"
                        + " l.id, l.version, l.code, l.name, l.active, h.id, h.version, h.code, h.name, w.counting_source"
                        + " from mes_work_center_settings w"
                        + " left join location l on l.tenant_id = w.tenant_id and l.id in (w.staging_location_id, w.receipt_location_id)"
                        + " left join warehouse h on h.id = l.warehouse_id and h.tenant_id = l.tenant_id"
                        + " where w.tenant_id = ? and w.work_center_id = ?")) {
                    select.setString(1, tenantId);
                    select.setString(2, tenantId);
                    select.setLong(3, ids.get(0));
                    try (ResultSet r = select.executeQuery()) {
                        while (r.next()) {
                            ForQuantity settings = found.get(ids.get(0));
                            if (settings == null) {
                                settings = forQuantity(r.getBigDecimal(1), r.getObject(2, Long.class),
                                        r.getObject(3, Long.class), r.getString(13));
                                found.put(ids.get(0), settings);
                            }
                            long locationId = r.getLong(4);
                            if (!r.wasNull() && r.getObject(9) != null) {
                                settings.locationRows().put(locationId,
                                        org.pilotline.erp.inventory.Location.fromRow(r, 4, tenantId));
                            }
                        }
                    }
                }
            });
        }
        if (found.size() < ids.size()) {
            BigDecimal tolerance = overDeliveryTolerance();
            for (Long id : ids) {
                found.putIfAbsent(id, new ForQuantity(tolerance, new Locations(null, null), java.util.Map.of(), false));
            }
        }
        return found;
    }

    /**
     * The settings of several work centers, then their locations: two statements (joined to the locations, a list of
     * work centers made the server examine thousands of location rows per statement).
     */
    private void forQuantityOfMany(java.util.List<Long> ids, String tenantId, java.util.Map<Long, ForQuantity> found) {
        em.unwrap(Session.class).doWork(c -> {
            java.util.Map<Long, java.util.List<ForQuantity>> atLocation = new java.util.TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("select (select over_delivery_tolerance from"
                    + " mes_enterprise_settings where tenant_id = ?), w.staging_location_id, w.receipt_location_id,"
                    + " w.work_center_id, w.counting_source from mes_work_center_settings w where w.tenant_id = ?"
                    + " and w.work_center_id in (" + org.pilotline.platform.persistence.SqlValues.placeholders(ids.size()) + ")")) {
                select.setString(1, tenantId);
                select.setString(2, tenantId);
                for (int i = 0; i < ids.size(); i++) {
                    select.setLong(i + 3, ids.get(i));
                }
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        ForQuantity settings = forQuantity(r.getBigDecimal(1), r.getObject(2, Long.class),
                                r.getObject(3, Long.class), r.getString(5));
                        found.put(r.getLong(4), settings);
                        for (Long location : new Long[]{settings.locations().stagingLocationId(),
                                settings.locations().receiptLocationId()}) {
                            if (location != null) {
                                atLocation.computeIfAbsent(location, l -> new java.util.ArrayList<>()).add(settings);
                            }
                        }
                    }
                }
            }
            if (atLocation.isEmpty()) {
                return;
            }
            try (PreparedStatement select = c.prepareStatement("select l.id, l.version, l.code, l.name, l.active, h.id,"
                    + " h.version, h.code, h.name from location l join warehouse h on h.id = l.warehouse_id"
                    + " and h.tenant_id = l.tenant_id where l.tenant_id = ? and l.id in ("
                    + org.pilotline.platform.persistence.SqlValues.placeholders(atLocation.size()) + ")")) {
                select.setString(1, tenantId);
                int i = 2;
                for (Long location : atLocation.keySet()) {
                    select.setLong(i++, location);
                }
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        org.pilotline.erp.inventory.Location location = org.pilotline.erp.inventory.Location.fromRow(r, 1, tenantId);
                        atLocation.get(location.id).forEach(settings -> settings.locationRows().put(location.id, location));
                    }
                }
            }
        });
    }

    /** A work center's settings as read (the tolerance null where the enterprise has none), its locations' rows to add. */
    private static ForQuantity forQuantity(BigDecimal tolerance, Long staging, Long receipt, String countingSource) {
        return new ForQuantity(tolerance == null ? DEFAULT_OVER_DELIVERY_TOLERANCE : tolerance,
                new Locations(staging, receipt), new java.util.HashMap<>(), CountingSource.MACHINE.name().equals(countingSource));
    }

    /** One column of the enterprise's settings; empty without settings or where the column is null. */
    private Optional<BigDecimal> enterpriseValue(String column) {
        String tenantId = tenant.requireEnterprise();
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("select " + column + " from mes_enterprise_settings"
                    + " where tenant_id = ?")) {
                select.setString(1, tenantId);
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getBigDecimal(1)) : Optional.<BigDecimal>empty();
                }
            }
        });
    }

    public Optional<WorkCenterSettings> workCenter(long workCenterId) {
        return first(em.createNativeQuery("select * from mes_work_center_settings where tenant_id = ?1 and work_center_id = ?2",
                WorkCenterSettings.class).setParameter(1, tenant.requireEnterprise()).setParameter(2, workCenterId),
                WorkCenterSettings.class);
    }

    /** The first row as an entity; only pending changes of that entity are flushed before the read. */
    private static <T> Optional<T> first(jakarta.persistence.Query query, Class<T> entity) {
        NativeQuery<?> nativeQuery = query.unwrap(NativeQuery.class).addSynchronizedEntityClass(entity);
        return nativeQuery.getResultStream().findFirst().map(entity::cast);
    }
}
