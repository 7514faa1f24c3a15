package org.pilotline.kpi.programme;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An expert's log of a visit to an enterprise paired with them; the enterprise's record (tenant-filtered). */
@Entity
@Table(name = "programme_visit")
public class Visit extends Versioned {

    @Column(name = "request_id", nullable = false, updatable = false, length = 64)
    public String requestId;

    @Column(nullable = false, updatable = false, length = 64)
    public String expert;

    @Column(name = "visit_date", nullable = false)
    public LocalDate visitDate;

    @Column(nullable = false, length = 1000)
    public String topics;

    @Column(nullable = false, columnDefinition = "text")
    public String findings;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_visit_follow_up", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    public List<FollowUp> followUps = new ArrayList<>();

    /** Something agreed at the visit, due by a date, done or still open. */
    @Embeddable
    public static class FollowUp {
        @Column(nullable = false, length = 1000)
        public String action;

        @Column
        public LocalDate due;

        @Column(nullable = false)
        public boolean done;

        public FollowUp() {
        }

        public FollowUp(String action, LocalDate due, boolean done) {
            this.action = action;
            this.due = due;
            this.done = done;
        }
    }
}
