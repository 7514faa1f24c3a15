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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A research project of the programme: enterprises and experts working on it, its milestones, status and outcome. */
@Entity
@Table(name = "programme_project")
public class Project extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "title_zh", nullable = false, length = 200)
    public String titleZh;

    @Column(name = "title_en", nullable = false, length = 200)
    public String titleEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ProjectStatus status;

    @Column(columnDefinition = "text")
    public String outcome;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_project_enterprise", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "enterprise_code", nullable = false, length = 32)
    public Set<String> enterprises = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_project_expert", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "username", nullable = false, length = 64)
    public Set<String> experts = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_project_milestone", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    public List<Milestone> milestones = new ArrayList<>();

    @Version
    public long version;

    @Embeddable
    public static class Milestone {
        @Column(nullable = false, length = 200)
        public String title;

        @Column(nullable = false)
        public LocalDate due;

        @Column(name = "done_on")
        public LocalDate doneOn;

        public Milestone() {
        }

        public Milestone(String title, LocalDate due, LocalDate doneOn) {
            this.title = title;
            this.due = due;
            this.doneOn = doneOn;
        }
    }
}
