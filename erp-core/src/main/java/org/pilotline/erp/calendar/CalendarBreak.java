package org.pilotline.erp.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;

import java.time.LocalTime;

@Entity
@Table(name = "calendar_break")
public class CalendarBreak extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "shift_id")
    public CalendarShift shift;

    @Column(name = "starts_at", nullable = false)
    public LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public LocalTime endsAt;
}
