package org.pilotline.erp.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "sales_order_line")
public class SalesOrderLine extends OrderLineBase {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    public SalesOrder order;

    /** The date the customer wants the goods. */
    @Column(name = "requested_date", nullable = false)
    public LocalDate requestedDate;

    /** Shipped so far, in the line's unit. */
    @Column(name = "shipped_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal shippedQuantity = BigDecimal.ZERO;
}
