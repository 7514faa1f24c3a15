package org.pilotline.erp.equipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

/** ISA-95 work unit: one machine of a work center. The PLC gateway refers to it by id. */
@Entity
@Table(name = "work_unit")
public class WorkUnit extends Versioned {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "work_center_id")
    public WorkCenter workCenter;

    @Column(nullable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false)
    public boolean active = true;
}
