package org.pilotline.erp.enterprise;

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

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A pilot enterprise of the programme, and the tenant: its {@code code} is the tenant id that every row it owns
 * carries. The code never changes once given.
 */
@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "credit_code", nullable = false, unique = true, length = 18)
    public String creditCode;

    @Column(nullable = false, length = 100)
    public String industry;

    @Enumerated(EnumType.STRING)
    @Column(name = "manufacturing_type", nullable = false, length = 16)
    public ManufacturingType manufacturingType;

    @Column(name = "pilot_since", nullable = false)
    public LocalDate pilotSince;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public EnterpriseStatus status;

    /** The plant's zone, used only to display times; the database keeps UTC. */
    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public static Optional<Enterprise> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
