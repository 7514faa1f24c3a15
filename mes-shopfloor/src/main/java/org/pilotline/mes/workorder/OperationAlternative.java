package org.pilotline.mes.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;

import java.math.BigDecimal;

/** Another work center the operation may run on, with its own times (from the routing's alternatives). */
@Entity
@Table(name = "mes_operation_alternative")
public class OperationAlternative extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "operation_id", updatable = false)
    public Operation operation;

    @Column(name = "work_center_id", nullable = false)
    public long workCenterId;

    @Column(name = "setup_minutes", nullable = false, precision = 20, scale = 6)
    public BigDecimal setupMinutes;

    @Column(name = "run_minutes_per_unit", nullable = false, precision = 20, scale = 6)
    public BigDecimal runMinutesPerUnit;
}
