package org.pilotline.erp.order;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.pilotline.platform.tenancy.Versioned;
import org.pilotline.erp.partner.Partner;

import java.time.LocalDate;
import java.util.List;

/**
 * What sales and purchase orders share: a number, the partner (the customer or the supplier, mapped to its own column
 * by each kind), dates, currency, a status of the kind's own, and lines whose goods are shipped or received.
 */
@MappedSuperclass
public abstract class OrderBase<L extends OrderLineBase, S extends Enum<S>> extends Versioned {

    @Column(nullable = false, length = 32)
    public String number;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "partner_id")
    public Partner partner;

    @Column(name = "order_date", nullable = false)
    public LocalDate orderDate;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(length = 500)
    public String note;

    public abstract List<L> lines();

    /** A new line of this order, not yet added to its lines. */
    public abstract L newLine();

    public abstract S status();

    public abstract void moveTo(S status);
}
