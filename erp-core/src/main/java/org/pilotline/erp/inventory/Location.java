package org.pilotline.erp.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.tenancy.Versioned;

import java.util.List;

/** A storage location (bin, shelf, line-side store) of a warehouse. */
@Entity
@Table(name = "location")
public class Location extends Versioned {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "warehouse_id")
    public Warehouse warehouse;

    @Column(nullable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false)
    public boolean active = true;

    /**
     * A location a request refers to by id, or by code as people write it: "WH1/A-01", or "A-01" alone when no other
     * warehouse has an A-01. 400 naming the field otherwise.
     */
    public static Location reference(Long id, String code, String idField) {
        return Lookups.reference(Location.class, "Location", id, code, idField, Location::byLabel);
    }

    private static List<Location> byLabel(String label) {
        int slash = label.indexOf('/');
        return slash < 0
                ? Location.<Location>find("code", label).page(0, 2).list()
                : Location.<Location>find("warehouse.code = ?1 and code = ?2", label.substring(0, slash),
                label.substring(slash + 1)).page(0, 2).list();
    }

    /** "WH1/A-01": how people name a location. */
    public String label() {
        return warehouse.code + "/" + code;
    }

    /**
     * An unmanaged location with its warehouse from nine columns of a JDBC row starting at {@code first}: the
     * location's id, version, code, name and active flag, then the warehouse's id, version, code and name (for the
     * shop floor's report path, which reads them with its own statements and never changes them).
     */
    public static Location fromRow(java.sql.ResultSet r, int first, String tenantId) throws java.sql.SQLException {
        Location location = new Location();
        location.id = r.getLong(first);
        location.version = r.getLong(first + 1);
        location.tenantId = tenantId;
        location.code = r.getString(first + 2);
        location.name = r.getString(first + 3);
        location.active = r.getBoolean(first + 4);
        location.warehouse = new Warehouse();
        location.warehouse.id = r.getLong(first + 5);
        location.warehouse.version = r.getLong(first + 6);
        location.warehouse.tenantId = tenantId;
        location.warehouse.code = r.getString(first + 7);
        location.warehouse.name = r.getString(first + 8);
        return location;
    }
}
