package org.pilotline.erp.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.erp.scheduling.SchedulingInput.SupplierKind;
import org.pilotline.platform.tenancy.TenantOwned;

import java.time.Instant;

/**
 * A component one operation of a schedule waits for, as the solve saw it: the production order making it or the
 * purchase order line bringing it, and when it is expected.
 */
@Entity
@Table(name = "schedule_material_wait")
public class ScheduleMaterialWait extends TenantOwned {

    @Column(name = "schedule_id", nullable = false)
    public long scheduleId;

    @Column(name = "production_order_id", nullable = false)
    public long productionOrderId;

    @Column(name = "operation_no", nullable = false)
    public int operationNo;

    @Column(name = "item_id", nullable = false)
    public long itemId;

    @Column(name = "item_code", nullable = false, length = 64)
    public String itemCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "supplier_kind", nullable = false, length = 24)
    public SupplierKind supplierKind;

    /** The production order or the purchase order. */
    @Column(name = "supplier_order_id", nullable = false)
    public long supplierOrderId;

    @Column(name = "supplier_order_number", nullable = false, length = 32)
    public String supplierOrderNumber;

    /** The purchase order line; null for a production order. */
    @Column(name = "supplier_line_no")
    public Integer supplierLineNo;

    /**
     * When the material is expected: the maker's scheduled end (or its first transfer batch) when scheduled with it,
     * else its due time; the start of a purchase line's due date.
     */
    @Column(name = "available_at")
    public Instant availableAt;

    ScheduleMaterialWait copyTo(long otherScheduleId) {
        ScheduleMaterialWait copy = new ScheduleMaterialWait();
        copy.scheduleId = otherScheduleId;
        copy.productionOrderId = productionOrderId;
        copy.operationNo = operationNo;
        copy.itemId = itemId;
        copy.itemCode = itemCode;
        copy.supplierKind = supplierKind;
        copy.supplierOrderId = supplierOrderId;
        copy.supplierOrderNumber = supplierOrderNumber;
        copy.supplierLineNo = supplierLineNo;
        copy.availableAt = availableAt;
        return copy;
    }
}
