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
}
