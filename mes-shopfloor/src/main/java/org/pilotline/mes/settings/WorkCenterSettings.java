package org.pilotline.mes.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

/** Where a work center's components are staged and its output received, and who counts its pieces. */
@Entity
@Table(name = "mes_work_center_settings")
public class WorkCenterSettings extends Versioned {

    @Column(name = "work_center_id", nullable = false, updatable = false)
    public long workCenterId;

    @Column(name = "staging_location_id")
    public Long stagingLocationId;

    @Column(name = "receipt_location_id")
    public Long receiptLocationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "counting_source", nullable = false, length = 16)
    public CountingSource countingSource = CountingSource.TERMINAL;
}
