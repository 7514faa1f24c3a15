package org.pilotline.erp.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;


@Entity
@Table(name = "purchase_order_line")
@jakarta.persistence.AttributeOverride(name = "date", column = @Column(name = "due_date", nullable = false))
@jakarta.persistence.AttributeOverride(name = "fulfilledQuantity", column = @Column(name = "received_quantity", nullable = false, precision = 20, scale = 6))
public class PurchaseOrderLine extends OrderLineBase {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    public PurchaseOrder order;
}
