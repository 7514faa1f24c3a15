package org.pilotline.kpi.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A training session the programme ran, with how many people of each enterprise attended and for how long. */
@Entity
@Table(name = "programme_training")
public class Training extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TrainingLevel level;

    @Column(nullable = false, length = 200)
    public String topic;

    @Column(name = "session_date", nullable = false)
    public LocalDate sessionDate;

    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal hours;

    @Column(nullable = false, length = 200)
    public String trainer;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_training_attendance", joinColumns = @JoinColumn(name = "training_id"))
    public List<Attendance> attendance = new ArrayList<>();

    @Version
    public long version;

    @Embeddable
    public static class Attendance {
        @Column(name = "enterprise_code", nullable = false, length = 32)
        public String enterpriseCode;

        @Column(nullable = false)
        public int attendees;

        @Column(name = "person_hours", nullable = false, precision = 20, scale = 6)
        public BigDecimal personHours;

        public Attendance() {
        }

        public Attendance(String enterpriseCode, int attendees, BigDecimal personHours) {
            this.enterpriseCode = enterpriseCode;
            this.attendees = attendees;
            this.personHours = personHours;
        }
    }
}
