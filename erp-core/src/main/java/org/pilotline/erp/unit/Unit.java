package org.pilotline.erp.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

/** A unit of measure of the enterprise. {@code decimals} is how finely quantities in it are kept. */
@Entity
@Table(name = "unit")
public class Unit extends Versioned {

    @Column(nullable = false, length = 16)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Dimension dimension;

    @Column(nullable = false)
    public int decimals;
}
