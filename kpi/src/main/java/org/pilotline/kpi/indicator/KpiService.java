package org.pilotline.kpi.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.kpi.time.Period;
import org.pilotline.kpi.time.TimeElement;
import org.pilotline.kpi.time.TimeModelService;
import org.pilotline.kpi.time.WorkUnitRecords;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * KPI values of the caller's enterprise for a period: of one work unit, of a work center (the sums of its work units)
 * and of the enterprise (the sums of all its work units, plus on-time delivery). Computed on request from the raw
 * history, so a value always agrees with its provenance.
 */
@ApplicationScoped
public class KpiService {

    @Inject
    TimeModelService timeModels;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    PlantClock plantClock;

    @Inject
    DeliveryCounts deliveryCounts;

    public List<KpiViews.DefinitionView> definitions() {
        return Arrays.stream(Kpi.values()).map(KpiViews.DefinitionView::of).toList();
    }

    @Transactional
    public KpiViews.KpiReport workUnit(long workUnitId, Period period) {
        return unitReport(timeModels.records(workUnitId, period.from(), period.to()));
    }

    @Transactional
    public KpiViews.KpiReport workCenter(long workCenterId, Period period) {
        Instant from = period.from();
        Instant to = period.to();
        WorkCenter center = Lookups.require(WorkCenter.class, "Work center", workCenterId);
        List<KpiViews.KpiReport> units = new ArrayList<>();
        Totals totals = Totals.empty();
        String zone = null;
        for (long unit : timeModels.workUnits(workCenterId)) {
            WorkUnitRecords records = timeModels.records(unit, from, to);
            totals = totals.plus(Totals.of(records));
            units.add(unitReport(records));
            zone = records.zone();
        }
        return aggregate("WORK_CENTER", center.id, center.code, center.name, from, to,
                zone == null ? plantClock.zone().getId() : zone, totals, units);
    }

    @Transactional
    public KpiViews.KpiReport enterprise(Period period) {
        String enterprise = tenant.requireEnterprise();
        Instant from = period.from();
        Instant to = period.to();
        List<KpiViews.KpiReport> units = new ArrayList<>();
        Totals totals = Totals.empty();
        for (long unit : timeModels.workUnits(null)) {
            WorkUnitRecords records = timeModels.records(unit, from, to);
            totals = totals.plus(Totals.of(records));
            units.add(unitReport(records));
        }
        ZoneId zone = plantClock.zone();
        int[] deliveries = deliveries(enterprise, from, to, zone);
        totals = totals.withDeliveries(deliveries[0], deliveries[1]);
        return aggregate("ENTERPRISE", null, enterprise, null, from, to, zone.getId(), totals, units);
    }

    /**
     * The caller's enterprise's aggregate figures only — time elements, quantities and KPIs, no work unit and no
     * record — for the bureau's comparison, which calls it as each enterprise in turn.
     */
    @Transactional
    public KpiViews.KpiReport enterpriseAggregate(Period period) {
        KpiViews.KpiReport full = enterprise(period);
        return new KpiViews.KpiReport(full.level(), full.id(), full.code(), full.name(), full.from(), full.to(),
                full.zone(), full.timeElements(), full.quantities(), full.aoetSeconds(), full.failures(),
                full.repairSeconds(), full.delayByReason(), full.kpis(), List.of());
    }

    /**
     * The sums of all the caller's enterprise's work units over [from, to) from the raw history, without deliveries:
     * the pieces of a period the bureau's comparison finds no roll-up for. No limit on the period's length.
     */
    @Transactional
    public Totals enterpriseTotals(Instant from, Instant to) {
        tenant.requireEnterprise();
        Totals totals = Totals.empty();
        for (long unit : timeModels.workUnits(null)) {
            totals = totals.plus(Totals.of(timeModels.shortHistory(unit, from, to).records(from, to)));
        }
        return totals;
    }

    /** The caller's enterprise's deliveries due in the period: lines due and lines shipped in full on time. */
    @Transactional
    public int[] deliveries(Period period) {
        return deliveries(tenant.requireEnterprise(), period.from(), period.to(), plantClock.zone());
    }

    /** The time segments (all, or of one element) and the records behind a work unit's figures. */
    @Transactional
    public KpiViews.Provenance provenance(long workUnitId, Period period, String element) {
        Instant from = period.from();
        Instant to = period.to();
        TimeElement wanted = null;
        if (element != null && !element.isBlank()) {
            wanted = Arrays.stream(TimeElement.values()).filter(e -> e.name().equals(element)).findFirst()
                    .orElseThrow(() -> DomainException.invalid("invalid-time-element", "Unknown time element",
                            new FieldError("element", "is one of " + Arrays.toString(TimeElement.values()))));
        }
        WorkUnitRecords r = timeModels.records(workUnitId, from, to);
        TimeElement only = wanted;
        var segments = r.time().segments().stream().filter(s -> only == null || matches(only, s.element())).toList();
        return new KpiViews.Provenance(r.workUnitId(), r.code(), from, to, r.zone(), only == null ? null : only.name(),
                segments, r.quantities().reports(), r.workOrders(), r.finishedOperations());
    }

    /** POT holds every segment, PBT every one but PDOT, AUPT and AUBT their parts; the others themselves. */
    private static boolean matches(TimeElement wanted, TimeElement element) {
        return switch (wanted) {
            case POT -> true;
            case PBT -> element != TimeElement.PDOT;
            case AUPT -> element == TimeElement.APT || element == TimeElement.ASUT;
            case AUBT -> element == TimeElement.APT || element == TimeElement.ASUT || element == TimeElement.ADET;
            default -> element == wanted;
        };
    }

    private static KpiViews.KpiReport unitReport(WorkUnitRecords r) {
        Totals totals = Totals.of(r);
        List<KpiViews.DelayReason> reasons = r.time().delayByReason().entrySet().stream()
                .map(e -> new KpiViews.DelayReason(e.getKey().isEmpty() ? null : e.getKey(), e.getValue())).toList();
        return new KpiViews.KpiReport("WORK_UNIT", r.workUnitId(), r.code(), r.name(), r.time().from(), r.time().to(),
                r.zone(), KpiViews.TimeElementView.of(totals.seconds()), KpiViews.QuantitiesView.of(totals),
                totals.aoetSeconds(), totals.failures(), totals.repairSeconds(), reasons,
                KpiFormulas.compute(totals).stream().map(KpiViews.KpiValueView::of).toList(), List.of());
    }

    private static KpiViews.KpiReport aggregate(String level, Long id, String code, String name, Instant from,
                                                Instant to, String zone, Totals totals, List<KpiViews.KpiReport> units) {
        java.util.Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        units.forEach(u -> u.delayByReason().forEach(d -> reasons.merge(d.reasonCode() == null ? "" : d.reasonCode(),
                d.seconds(), Long::sum)));
        return new KpiViews.KpiReport(level, id, code, name, from, to, zone,
                KpiViews.TimeElementView.of(totals.seconds()), KpiViews.QuantitiesView.of(totals), totals.aoetSeconds(),
                totals.failures(), totals.repairSeconds(), reasons.entrySet().stream()
                .map(e -> new KpiViews.DelayReason(e.getKey().isEmpty() ? null : e.getKey(), e.getValue())).toList(),
                KpiFormulas.compute(totals).stream().map(KpiViews.KpiValueView::of).toList(), units);
    }

    /**
     * Sales order lines (confirmed or later, not cancelled) requested on a plant-local date of the period, and of them
     * those shipped in full no later than their requested date (the plant's date of the last shipment).
     */
    @SuppressWarnings("unchecked")
    private int[] deliveries(String enterprise, Instant from, Instant to, ZoneId zone) {
        return deliveryCounts.count(from, to, List.of(new DeliveryCounts.Plant(enterprise, zone))).get(enterprise);
    }
}
