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
import org.hibernate.annotations.OptimisticLock;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "sales_order")
@jakarta.persistence.AssociationOverride(name = "partner", joinColumns = @JoinColumn(name = "customer_id"))
public class SalesOrder extends OrderBase<SalesOrderLine, SalesOrderStatus> {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public SalesOrderStatus status;

    /**
     * The review's standing, the date promised to the customer and why: the review's, not the order's content, so a
     * change of them does not make a salesperson's copy of the order stale (no version increment).
     */
    @Column(name = "review_status", length = 24)
    @OptimisticLock(excluded = true)
    public String reviewStatus;

    @Column(name = "promised_date")
    @OptimisticLock(excluded = true)
    public java.time.LocalDate promisedDate;

    @Column(name = "review_note", length = 500)
    @OptimisticLock(excluded = true)
    public String reviewNote;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<SalesOrderLine> lines = new ArrayList<>();

    @Override
    public List<SalesOrderLine> lines() {
        return lines;
    }

    @Override
    public SalesOrderLine newLine() {
        SalesOrderLine line = new SalesOrderLine();
        line.order = this;
        return line;
    }

    @Override
    public SalesOrderStatus status() {
        return status;
    }

    @Override
    public void moveTo(SalesOrderStatus next) {
        status = next;
    }
}
