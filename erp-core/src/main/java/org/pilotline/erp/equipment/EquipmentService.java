package org.pilotline.erp.equipment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.calendar.Calendar;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.equipment.EquipmentDtos.AreaRequest;
import org.pilotline.erp.equipment.EquipmentDtos.AreaView;
import org.pilotline.erp.equipment.EquipmentDtos.WorkCenterRequest;
import org.pilotline.erp.equipment.EquipmentDtos.WorkCenterView;
import org.pilotline.erp.equipment.EquipmentDtos.WorkUnitRequest;
import org.pilotline.erp.equipment.EquipmentDtos.WorkUnitView;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Map;

/** Areas, work centers and work units (the ISA-95 levels below the site). */
@ApplicationScoped
public class EquipmentService {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name");

    @Inject
    TenantContext tenant;

    public Page<AreaView> listAreas(PageRequest page, String text, Long siteId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().text(text, "code", "name")
                .and(siteId != null, "site.id = :site", "site", () -> siteId);
        return Lookups.page(Area.find(filter.where(), page.toSort(SORTABLE, "id"), filter.parameters()), page, AreaView::of);
    }

    public AreaView getArea(long id) {
        tenant.requireEnterprise();
        return AreaView.of(Lookups.require(Area.class, "Area", id));
    }

    @Transactional
    public AreaView saveArea(Long id, AreaRequest r) {
        tenant.requireEnterprise();
        Area area = id == null ? new Area() : Lookups.require(Area.class, "Area", id);
        if (id != null) {
            Versions.requireCurrent("Area", id, r.version(), area.version);
        }
        Lookups.requireFree(Area.find("code", r.code()), "Area", r.code(), id);
        area.site = Lookups.reference(Site.class, "Site", r.siteId(), "siteId");
        area.code = r.code();
        area.name = r.name();
        area.persist();
        Area.flush();
        return AreaView.of(area);
    }

    public Page<WorkCenterView> listWorkCenters(PageRequest page, String text, Long areaId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().text(text, "code", "name")
                .and(areaId != null, "area.id = :area", "area", () -> areaId);
        return Lookups.page(WorkCenter.find(filter.where(), page.toSort(SORTABLE, "id"), filter.parameters()), page,
                WorkCenterView::of);
    }

    public WorkCenterView getWorkCenter(long id) {
        tenant.requireEnterprise();
        return WorkCenterView.of(Lookups.require(WorkCenter.class, "Work center", id));
    }

    @Transactional
    public WorkCenterView saveWorkCenter(Long id, WorkCenterRequest r) {
        tenant.requireEnterprise();
        WorkCenter center = id == null ? new WorkCenter() : Lookups.require(WorkCenter.class, "Work center", id);
        if (id != null) {
            Versions.requireCurrent("Work center", id, r.version(), center.version);
        }
        Lookups.requireFree(WorkCenter.find("code", r.code()), "Work center", r.code(), id);
        center.area = Lookups.reference(Area.class, "Area", r.areaId(), "areaId");
        center.calendar = r.calendarId() == null ? null : Lookups.reference(Calendar.class, "Calendar", r.calendarId(), "calendarId");
        center.code = r.code();
        center.name = r.name();
        long activeUnits = id == null ? 0 : activeUnits(center);
        if (activeUnits > 0 && r.parallelUnits() != activeUnits) {
            throw DomainException.unprocessable("parallel-units-follow-work-units",
                    "parallelUnits follows the work center's work units",
                    "Work center " + center.code + " has " + activeUnits + " active work units, so parallelUnits is "
                            + activeUnits + "; add or deactivate work units to change it",
                    new FieldError("parallelUnits", "must be " + activeUnits + ", the number of active work units"));
        }
        center.parallelUnits = r.parallelUnits();
        center.hourlyRate = r.hourlyRate();
        center.breaksInterrupt = r.breaksInterrupt() == null || r.breaksInterrupt();
        center.persist();
        WorkCenter.flush();
        return WorkCenterView.of(center);
    }

    public Page<WorkUnitView> listWorkUnits(PageRequest page, String text, Long workCenterId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().text(text, "code", "name")
                .and(workCenterId != null, "workCenter.id = :center", "center", () -> workCenterId);
        return Lookups.page(WorkUnit.find(filter.where(), page.toSort(SORTABLE, "id"), filter.parameters()), page,
                WorkUnitView::of);
    }

    public WorkUnitView getWorkUnit(long id) {
        tenant.requireEnterprise();
        return WorkUnitView.of(Lookups.require(WorkUnit.class, "Work unit", id));
    }

    @Transactional
    public WorkUnitView saveWorkUnit(Long id, WorkUnitRequest r) {
        tenant.requireEnterprise();
        WorkUnit unit = id == null ? new WorkUnit() : Lookups.require(WorkUnit.class, "Work unit", id);
        if (id != null) {
            Versions.requireCurrent("Work unit", id, r.version(), unit.version);
        }
        Lookups.requireFree(WorkUnit.find("code", r.code()), "Work unit", r.code(), id);
        WorkCenter before = unit.workCenter;
        unit.workCenter = Lookups.reference(WorkCenter.class, "Work center", r.workCenterId(), r.workCenterCode(),
                "workCenterId");
        unit.code = r.code();
        unit.name = r.name();
        unit.active = r.active() == null || r.active();
        unit.persist();
        WorkUnit.flush();
        followWorkUnits(unit.workCenter);
        if (before != null && !before.id.equals(unit.workCenter.id)) {
            followWorkUnits(before);
        }
        return WorkUnitView.of(unit);
    }

    /**
     * A work center's parallelUnits is the number of its active work units once it has any (the scheduler places
     * operations on work units; before the first one exists, parallelUnits is the planned capacity).
     */
    private static void followWorkUnits(WorkCenter center) {
        long active = activeUnits(center);
        if (active > 0 && center.parallelUnits != active) {
            center.parallelUnits = (int) active;
            WorkCenter.flush();
        }
    }

    private static long activeUnits(WorkCenter center) {
        return WorkUnit.count("workCenter.id = ?1 and active = true", center.id);
    }

    /** Deletes an area, work center or work unit that nothing refers to. */
    @Transactional
    public void delete(Class<? extends org.pilotline.platform.tenancy.Versioned> type, String what, long id) {
        tenant.requireEnterprise();
        var record = Lookups.require(type, what, id);
        WorkCenter center = record instanceof WorkUnit unit ? unit.workCenter : null;
        Lookups.deleteUnlessReferenced(record, what + " " + id);
        if (center != null) {
            followWorkUnits(center);
        }
    }
}
