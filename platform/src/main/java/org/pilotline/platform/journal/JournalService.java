package org.pilotline.platform.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.Map;

/** Writes and reads the enterprise journal. Entries are never changed or deleted. */
@ApplicationScoped
public class JournalService {

    public record EntryView(long id, Instant recordedAt, String actor, String kind, String subject, String text) {
        static EntryView of(JournalEntry e) {
            return new EntryView(e.id, e.recordedAt, e.actor, e.kind, e.subject, e.text);
        }
    }

    @Inject
    TenantContext tenant;

    /** Records an entry in the current transaction (it joins the caller's, so it rolls back with it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EntryView record(String actor, String kind, String subject, String text) {
        tenant.requireEnterprise();
        JournalEntry entry = new JournalEntry();
        entry.recordedAt = Instant.now();
        entry.actor = actor;
        entry.kind = kind;
        entry.subject = subject;
        entry.text = text;
        entry.persist();
        return EntryView.of(entry);
    }

    public Page<EntryView> list(PageRequest page, String kind, String subject) {
        tenant.requireEnterprise();
        StringBuilder where = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (subject != null) {
            where.append(" and subject = :subject");
            params.and("subject", subject);
        }
        var query = JournalEntry.<JournalEntry>find(where.toString(),
                page.toSort(Map.of("recordedAt", "recordedAt", "kind", "kind"), "id"), params.map());
        return new Page<>(query.page(page.page(), page.size()).list().stream().map(EntryView::of).toList(),
                page.page(), page.size(), query.count());
    }
}
