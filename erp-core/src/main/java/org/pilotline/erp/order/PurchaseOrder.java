package org.pilotline.erp.order;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "purchase_order")
@jakarta.persistence.AssociationOverride(name = "partner", joinColumns = @JoinColumn(name = "supplier_id"))
public class PurchaseOrder extends OrderBase<PurchaseOrderLine, PurchaseOrderStatus> {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public PurchaseOrderStatus status;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<PurchaseOrderLine> lines = new ArrayList<>();

    @Override
    public List<PurchaseOrderLine> lines() {
        return lines;
    }

    @Override
    public PurchaseOrderLine newLine() {
        PurchaseOrderLine line = new PurchaseOrderLine();
        line.order = this;
        return line;
    }

    @Override
    public PurchaseOrderStatus status() {
        return status;
    }

    @Override
    public void moveTo(PurchaseOrderStatus next) {
        status = next;
    }
}
