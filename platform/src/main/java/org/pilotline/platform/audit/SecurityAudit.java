package org.pilotline.platform.audit;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.security.Caller;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads the security audit. An administrative action is recorded in the transaction that performs it, so an
 * action that rolls back leaves no entry; a lock-out, which has no transaction of its own, gets one.
 */
@ApplicationScoped
public class SecurityAudit {

    /** One entry as the API shows it. */
    public record AuditView(long id, Instant recordedAt, String actor, String action, String enterprise, String target,
                            String detail, String remoteAddress) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.recordedAt, e.actor, e.action, e.enterpriseCode, e.target, e.detail,
                    e.remoteAddress);
        }
    }

    @Inject
    Caller caller;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    /** Records what the calling user did. */
    @Transactional
    public void record(AuditAction action, String enterprise, String target, String detail) {
        write(caller.username(), action, enterprise, target, detail, null);
    }

    /** Records what happened to an account without a calling user (a lock-out during a login). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSystem(AuditAction action, String enterprise, String target, String detail, String remoteAddress) {
        write("system", action, enterprise, target, detail, remoteAddress);
    }

    /**
     * Plain JDBC on the transaction's connection: a lock-out is recorded while the caller's identity is still being
     * established, when Hibernate could not yet resolve the request's tenant.
     */
    private void write(String actor, AuditAction action, String enterprise, String target, String detail,
                       String remoteAddress) {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("insert into security_audit (recorded_at, actor, action,"
                     + " enterprise_code, target, detail, remote_address) values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, java.time.LocalDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC));
            ps.setString(2, truncate(actor, 64));
            ps.setString(3, action.id());
            ps.setString(4, enterprise);
            ps.setString(5, truncate(target, 100));
            ps.setString(6, truncate(detail, 1000));
            ps.setString(7, truncate(remoteAddress, 64));
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the security audit could not be written", e);
        }
    }

    /**
     * The entries the caller may read: all of them for the platform administrator (optionally of one enterprise), those
     * about their own enterprise for an enterprise administrator.
     */
    public Page<AuditView> list(PageRequest page, String enterpriseFilter, String action) {
        Optional<String> scope = caller.isPlatformAdmin() ? Optional.ofNullable(enterpriseFilter) : caller.enterprise();
        if (!caller.isPlatformAdmin() && scope.isEmpty()) {
            return new Page<>(java.util.List.of(), page.page(), page.size(), 0);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        scope.ifPresent(code -> {
            where.append(" and enterpriseCode = :enterprise");
            params.and("enterprise", code);
        });
        if (action != null && !action.isBlank()) {
            where.append(" and action = :action");
            params.and("action", action);
        }
        Sort sort = page.toSort(Map.of("recordedAt", "recordedAt", "action", "action"), "id");
        var query = AuditEntry.<AuditEntry>find(where.toString(), sort, params.map());
        return new Page<>(query.page(page.page(), page.size()).list().stream().map(AuditView::of).toList(),
                page.page(), page.size(), query.count());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
