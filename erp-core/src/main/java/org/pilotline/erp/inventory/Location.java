package org.pilotline.erp.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

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

    /** "WH1/A-01": how people name a location. */
    public String label() {
        return warehouse.code + "/" + code;
    }
}
