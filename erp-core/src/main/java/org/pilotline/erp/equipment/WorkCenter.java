package org.pilotline.erp.equipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.erp.calendar.Calendar;
import org.pilotline.platform.tenancy.Versioned;

import java.math.BigDecimal;

/** ISA-95 work center: where operations are scheduled, with its capacity, cost rate and calendar. */
@Entity
@Table(name = "work_center")
public class WorkCenter extends Versioned {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "area_id")
    public Area area;

    @Column(nullable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    /** How many operations it runs at once (machines or crews that are alike). */
    @Column(name = "parallel_units", nullable = false)
    public int parallelUnits;

    /** Cost of one hour of work here, in the enterprise currency. */
    @Column(name = "hourly_rate", nullable = false, precision = 20, scale = 6)
    public BigDecimal hourlyRate;

    /** Working time; without one the work center is available round the clock. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "calendar_id")
    public Calendar calendar;

    /** Whether an operation here may pause over a break and go on after it, or must fit between breaks. */
    @Column(name = "breaks_interrupt", nullable = false)
    public boolean breaksInterrupt;
}
