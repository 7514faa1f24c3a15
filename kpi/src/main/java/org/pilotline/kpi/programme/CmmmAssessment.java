package org.pilotline.kpi.programme;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** An enterprise's CMMM (GB/T 39116-2020) self-assessment of a year: a level 1-5 per capability domain. */
@Entity
@Table(name = "programme_cmmm_assessment")
public class CmmmAssessment extends Versioned {

    @Column(nullable = false, updatable = false)
    public int year;

    @Column(name = "submitted_by", nullable = false, length = 64)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_cmmm_level", joinColumns = @JoinColumn(name = "assessment_id"))
    @MapKeyColumn(name = "domain", length = 16)
    @Column(name = "level", nullable = false)
    public Map<String, Integer> levels = new TreeMap<>();
}
