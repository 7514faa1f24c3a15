package org.pilotline.erp.equipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

/** ISA-95 site: a plant of the enterprise, with the zone its times are shown in. */
@Entity
@Table(name = "site")
public class Site extends Versioned {

    @Column(nullable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 300)
    public String address;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;
}
