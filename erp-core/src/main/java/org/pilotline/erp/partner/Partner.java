package org.pilotline.erp.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

/** A customer, a supplier, or both. */
@Entity
@Table(name = "partner")
public class Partner extends Versioned {

    @Column(nullable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false)
    public boolean customer;

    @Column(nullable = false)
    public boolean supplier;

    @Column(length = 200)
    public String contact;

    /** The open sales order value the enterprise accepts from this customer; null when no limit is kept. */
    @Column(name = "credit_limit", precision = 20, scale = 6)
    public java.math.BigDecimal creditLimit;
}
