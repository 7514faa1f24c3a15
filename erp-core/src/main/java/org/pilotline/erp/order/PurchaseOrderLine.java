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
@Table(name = "purchase_order_line")
public class PurchaseOrderLine extends OrderLineBase {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    public PurchaseOrder order;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    /** Received so far, in the line's unit. */
    @Column(name = "received_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal receivedQuantity = BigDecimal.ZERO;
}
