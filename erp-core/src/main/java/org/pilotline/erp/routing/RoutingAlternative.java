package org.pilotline.erp.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;
import org.pilotline.erp.equipment.WorkCenter;

import java.math.BigDecimal;

/** Another work center that can run the operation, with its own setup and run time. */
@Entity
@Table(name = "routing_alternative")
public class RoutingAlternative extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "operation_id")
    public RoutingOperation operation;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "work_center_id")
    public WorkCenter workCenter;

    @Column(name = "setup_minutes", nullable = false, precision = 20, scale = 6)
    public BigDecimal setupMinutes;

    @Column(name = "run_minutes", nullable = false, precision = 20, scale = 6)
    public BigDecimal runMinutes;
}
