package org.pilotline.erp.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "sales_order_line")
@jakarta.persistence.AttributeOverride(name = "date", column = @Column(name = "requested_date", nullable = false))
@jakarta.persistence.AttributeOverride(name = "fulfilledQuantity", column = @Column(name = "shipped_quantity", nullable = false, precision = 20, scale = 6))
public class SalesOrderLine extends OrderLineBase {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    public SalesOrder order;
}
