package org.pilotline.erp.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;

import java.time.LocalDate;

@Entity
@Table(name = "calendar_holiday")
public class CalendarHoliday extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "calendar_id")
    public Calendar calendar;

    @Column(nullable = false)
    public LocalDate day;

    @Column(nullable = false, length = 100)
    public String name;
}
