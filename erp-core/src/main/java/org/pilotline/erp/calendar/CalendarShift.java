package org.pilotline.erp.calendar;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "calendar_shift")
public class CalendarShift extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "calendar_id")
    public Calendar calendar;

    /** ISO day of week, 1 = Monday. */
    @Column(nullable = false)
    public int weekday;

    @Column(nullable = false, length = 50)
    public String name;

    @Column(name = "starts_at", nullable = false)
    public LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public LocalTime endsAt;

    @OneToMany(mappedBy = "shift", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startsAt")
    public List<CalendarBreak> breaks = new ArrayList<>();
}
