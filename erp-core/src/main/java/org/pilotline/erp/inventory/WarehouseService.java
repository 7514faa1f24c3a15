package org.pilotline.erp.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.equipment.Site;
import org.pilotline.erp.inventory.InventoryDtos.LocationRequest;
import org.pilotline.erp.inventory.InventoryDtos.LocationView;
import org.pilotline.erp.inventory.InventoryDtos.LotView;
import org.pilotline.erp.inventory.InventoryDtos.WarehouseRequest;
import org.pilotline.erp.inventory.InventoryDtos.WarehouseView;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Map;

/** Warehouses, their locations, and the lots known for items. */
@ApplicationScoped
public class WarehouseService {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name");

    @Inject
    TenantContext tenant;

    public Page<WarehouseView> listWarehouses(PageRequest page, String text) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().text(text, "code", "name");
        return Lookups.page(Warehouse.find(filter.where(), page.toSort(SORTABLE, "id"), filter.parameters()), page,
                WarehouseView::of);
    }

    public WarehouseView getWarehouse(long id) {
        tenant.requireEnterprise();
        return WarehouseView.of(Lookups.require(Warehouse.class, "Warehouse", id));
    }

    @Transactional
    public WarehouseView saveWarehouse(Long id, WarehouseRequest r) {
        tenant.requireEnterprise();
        Warehouse warehouse = id == null ? new Warehouse() : Lookups.require(Warehouse.class, "Warehouse", id);
        if (id != null) {
            Versions.requireCurrent("Warehouse", id, r.version(), warehouse.version);
        }
        Lookups.requireFree(Warehouse.find("code", r.code()), "Warehouse", r.code(), id);
        warehouse.code = r.code();
        warehouse.name = r.name();
        warehouse.site = r.siteId() == null ? null : Lookups.reference(Site.class, "Site", r.siteId(), "siteId");
        warehouse.persist();
        Warehouse.flush();
        return WarehouseView.of(warehouse);
    }

    @Transactional
    public void deleteWarehouse(long id) {
        tenant.requireEnterprise();
        Warehouse warehouse = Lookups.require(Warehouse.class, "Warehouse", id);
        Lookups.deleteUnlessReferenced(warehouse, "Warehouse '" + warehouse.code + "'");
    }

    public Page<LocationView> listLocations(PageRequest page, String text, Long warehouseId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().text(text, "code", "name")
                .and(warehouseId != null, "warehouse.id = :warehouse", "warehouse", () -> warehouseId);
        return Lookups.page(Location.find(filter.where(), page.toSort(SORTABLE, "id"), filter.parameters()), page,
                LocationView::of);
    }

    public LocationView getLocation(long id) {
        tenant.requireEnterprise();
        return LocationView.of(Lookups.require(Location.class, "Location", id));
    }

    @Transactional
    public LocationView saveLocation(Long id, LocationRequest r) {
        tenant.requireEnterprise();
        Location location = id == null ? new Location() : Lookups.require(Location.class, "Location", id);
        if (id != null) {
            Versions.requireCurrent("Location", id, r.version(), location.version);
        }
        Warehouse warehouse = Lookups.reference(Warehouse.class, "Warehouse", r.warehouseId(), "warehouseId");
        if (id != null && !location.warehouse.id.equals(warehouse.id)) {
            throw DomainException.invalid("invalid-location", "A location stays in its warehouse",
                    new FieldError("warehouseId", "cannot move a location to another warehouse"));
        }
        Lookups.requireFree(Location.find("warehouse = ?1 and code = ?2", warehouse, r.code()), "Location", r.code(), id);
        location.warehouse = warehouse;
        location.code = r.code();
        location.name = r.name();
        location.active = r.active() == null || r.active();
        location.persist();
        Location.flush();
        return LocationView.of(location);
    }

    @Transactional
    public void deleteLocation(long id) {
        tenant.requireEnterprise();
        Location location = Lookups.require(Location.class, "Location", id);
        Lookups.deleteUnlessReferenced(location, "Location " + location.label());
    }

    public Page<LotView> listLots(PageRequest page, Long itemId, String lotNumber) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "item.id = :item", "item", () -> itemId)
                .and(lotNumber != null, "lotNumber = :lot", "lot", () -> lotNumber);
        return Lookups.page(Lot.find(filter.where(), page.toSort(Map.of("lotNumber", "lotNumber", "createdAt", "createdAt"),
                "id"), filter.parameters()), page, LotView::of);
    }
}
