package org.pilotline.erp.routing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;
import org.pilotline.erp.equipment.WorkCenter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An operation of a routing: where it runs, its setup and run time, the alternatives, and its overlap with the next. */
@Entity
@Table(name = "routing_operation")
public class RoutingOperation extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "routing_id")
    public Routing routing;

    @Column(name = "operation_no", nullable = false)
    public int operationNo;

    @Column(nullable = false, length = 200)
    public String name;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "work_center_id")
    public WorkCenter workCenter;

    @Column(name = "setup_minutes", nullable = false, precision = 20, scale = 6)
    public BigDecimal setupMinutes;

    /** Minutes per unit of the item. */
    @Column(name = "run_minutes", nullable = false, precision = 20, scale = 6)
    public BigDecimal runMinutes;

    /** Overlap: the next operation may start once this many units have passed this one; null = no overlap. */
    @Column(name = "transfer_quantity", precision = 20, scale = 6)
    public BigDecimal transferQuantity;

    @OneToMany(mappedBy = "operation", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<RoutingAlternative> alternatives = new ArrayList<>();
}
