package org.pilotline.kpi.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Set;
import java.util.TreeSet;

/** The enterprises the bureau selected in a year, of one type. The programme's own record: no tenant. */
@Entity
@Table(name = "programme_cohort")
public class Cohort extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int year;

    @Column(name = "name_zh", nullable = false, length = 200)
    public String nameZh;

    @Column(name = "name_en", nullable = false, length = 200)
    public String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CohortType type;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_cohort_enterprise", joinColumns = @JoinColumn(name = "cohort_id"))
    @Column(name = "enterprise_code", nullable = false, length = 32)
    public Set<String> enterprises = new TreeSet<>();

    @Version
    public long version;
}
