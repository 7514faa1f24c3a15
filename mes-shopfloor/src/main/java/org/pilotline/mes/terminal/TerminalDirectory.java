package org.pilotline.mes.terminal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds the terminal a token belongs to. It reads with plain JDBC because it runs while the request's identity — and so
 * its tenant — is being established. An active terminal is remembered for a few seconds: a revocation takes effect at
 * once on the replica that revoked and within {@link #REMEMBER} on the others.
 */
@ApplicationScoped
public class TerminalDirectory {

    /** What authentication needs to know of a terminal. */
    public record ActiveTerminal(long id, String tenant, String code, long workCenterId) {
    }

    static final Duration REMEMBER = Duration.ofSeconds(5);

    @Inject
    AgroalDataSource dataSource;

    private final Cache<String, ActiveTerminal> active = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER).maximumSize(10_000).build();

    public Optional<ActiveTerminal> byToken(String token) {
        if (!TerminalTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        String hash = TerminalTokens.hash(token);
        ActiveTerminal known = active.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ActiveTerminal> loaded = load(hash);
        loaded.ifPresent(t -> active.put(hash, t));
        return loaded;
    }

    /** The terminal of a token if this replica remembers it: answered without a database, so on the event loop. */
    public Optional<ActiveTerminal> remembered(String token) {
        if (!TerminalTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(active.getIfPresent(TerminalTokens.hash(token)));
    }

    /** Forgets a terminal on this replica, so that its revocation takes effect here at once. */
    public void forget(String tokenHash) {
        active.invalidate(tokenHash);
    }

    private Optional<ActiveTerminal> load(String hash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id, tenant_id, code, work_center_id from mes_terminal"
                     + " where token_hash = ? and revoked_at is null")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new ActiveTerminal(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up the terminal", e);
        }
    }
}
