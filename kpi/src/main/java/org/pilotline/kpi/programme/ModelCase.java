package org.pilotline.kpi.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.pilotline.erp.enterprise.ManufacturingType;

/** 示范样板: an enterprise the bureau cites as a model case of a manufacturing type in a year. */
@Entity
@Table(name = "programme_model_case")
public class ModelCase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "enterprise_code", nullable = false, length = 32)
    public String enterpriseCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "manufacturing_type", nullable = false, length = 16)
    public ManufacturingType manufacturingType;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 2000)
    public String citation;

    @Version
    public long version;
}
