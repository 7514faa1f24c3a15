package org.pilotline.platform.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;

import java.time.Instant;

/**
 * An immutable line of the enterprise's journal: what happened in the enterprise's programme work (an onboarding
 * requested, a process step recorded), by whom and when.
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntry extends TenantOwned {

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(nullable = false, updatable = false, length = 64)
    public String actor;

    @Column(nullable = false, updatable = false, length = 64)
    public String kind;

    /** What the entry is about, as a reference a person can follow ("process:1234", "item:A-100"). */
    @Column(length = 100, updatable = false)
    public String subject;

    @Column(nullable = false, updatable = false, length = 1000)
    public String text;
}
