package org.pilotline.bpm.journal;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.pilotline.platform.journal.JournalService;
import org.pilotline.platform.tenancy.TenantContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The enterprise journal as the process models write it. Outside the engine it is the platform's
 * {@link JournalService} (an entry in the caller's transaction). Inside one of the engine's commands — a delegate, a
 * listener, a task created or cancelled — an entry is kept by the command (a {@link Pending} session of its context)
 * and written, with the command's other entries, in one batched insert when the command flushes its sessions, right
 * after the engine's own insert batch and in the same transaction: one round trip for the entries of a process start
 * instead of one immediate insert per entry (Hibernate inserts an {@code IDENTITY} entity at once). A command that
 * fails writes none of them, as a rolled-back transaction would have kept none. The entries keep the order they were
 * recorded in, and their time is the moment they were recorded.
 */
@ApplicationScoped
public class ProcessJournal {

    /** The columns {@code journal_entry} has besides its generated id (erp-core's V1_001 migration). */
    static final String INSERT = "insert into journal_entry (tenant_id, recorded_at, actor, kind, subject, text)"
            + " values (?, ?, ?, ?, ?, ?)";

    @Inject
    JournalService journal;

    @Inject
    TenantContext tenant;

    /** Records an entry of the current enterprise, in the current transaction (see the class comment). */
    public void record(String actor, String kind, String subject, String text) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            journal.record(actor, kind, subject, text);
            return;
        }
        command.getSession(Pending.class).add(new Entry(tenant.requireEnterprise(), Instant.now(), actor, kind,
                subject, text));
    }

    record Entry(String tenantId, Instant recordedAt, String actor, String kind, String subject, String text) {
    }

    /** The entries a command has recorded, written when it flushes. */
    public static final class Pending implements Session {

        private final List<Entry> entries = new ArrayList<>();

        void add(Entry entry) {
            entries.add(entry);
        }

        @Override
        public void flush() {
            if (entries.isEmpty()) {
                return;
            }
            DataSource dataSource = Arc.container().instance(DataSource.class).get();
            // in the command's transaction the pool hands out the connection the engine and Hibernate use
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Entry e : entries) {
                    insert.setString(1, e.tenantId());
                    insert.setObject(2, LocalDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
                    insert.setString(3, e.actor());
                    insert.setString(4, e.kind());
                    insert.setString(5, e.subject());
                    insert.setString(6, e.text());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("The journal entries of the process could not be written: "
                        + e.getMessage(), e);
            }
            entries.clear();
        }

        @Override
        public void close() {
            entries.clear();
        }
    }

    /** Opens a {@link Pending} for each command that records an entry; registered with the engine. */
    public static final class PendingFactory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return Pending.class;
        }

        @Override
        public Session openSession() {
            return new Pending();
        }
    }
}
