package org.pilotline.erp.security;

import org.pilotline.platform.audit.AuditAction;
import org.pilotline.platform.audit.SecurityAudit;
import org.pilotline.platform.security.Role;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up and verifies logins. It reads with plain JDBC rather than Hibernate because it runs while the caller's
 * identity is being established, before the tenant of the request is known.
 * <p>
 * bcrypt is deliberately slow, and HTTP Basic sends the password on every request; a verified login is therefore
 * remembered for a minute as an HMAC of the password under a key that lives only in this process. A changed password
 * or role is forgotten at once on this replica and within a minute on the others.
 */
@ApplicationScoped
public class UserDirectory {

    /** The account data that authentication needs. */
    public record Login(String username, String passwordHash, Optional<String> enterprise, boolean enabled,
                        Set<Role> roles, Set<String> assignedEnterprises) {
    }

    private record Verified(Login login, byte[] proof) {
    }

    private static final Duration REMEMBER = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecurityConfig config;

    @Inject
    SecurityAudit audit;

    private volatile LoginThrottle throttle;

    /** A hash of nothing in particular, verified for unknown users so that their refusal takes as long as any other. */
    private volatile String dummyHash;

    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER).maximumSize(10_000).build();
    private final Cache<String, Login> trusted = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER).maximumSize(10_000).build();
    private final byte[] proofKey = new byte[32];

    public UserDirectory() {
        new SecureRandom().nextBytes(proofKey);
    }

    /** The login for this user name and password; refused the same way for an unknown user or a wrong password. */
    public Login authenticate(String username, char[] password) {
        return authenticate(username, password, null);
    }

    /**
     * The login for this user name and password, refused the same way for an unknown user, a wrong password and an
     * account locked by {@link LoginThrottle} (a lock is recorded in the security audit with the client's address).
     */
    public Login authenticate(String username, char[] password, String remoteAddress) {
        Instant now = Instant.now();
        if (throttle().lockedFor(username, now).isPresent()) {
            throw new AuthenticationFailedException();
        }
        byte[] proof = proof(username, password);
        Verified known = verified.getIfPresent(username);
        if (known != null && MessageDigest.isEqual(known.proof(), proof)) {
            throttle().succeeded(username);
            return known.login();
        }
        Optional<Login> login = load(username);
        String plain = new String(password);
        if (login.isEmpty()) {
            PasswordHasher.matches(plain, dummyHash());
            throw failed(username, Optional.empty(), now, remoteAddress);
        }
        if (!login.get().enabled() || !PasswordHasher.matches(plain, login.get().passwordHash())) {
            throw failed(username, login, now, remoteAddress);
        }
        throttle().succeeded(username);
        verified.put(username, new Verified(login.get(), proof));
        return login.get();
    }

    private AuthenticationFailedException failed(String username, Optional<Login> login, Instant now,
                                                 String remoteAddress) {
        throttle().failed(username, now).ifPresent(lock -> audit.recordSystem(AuditAction.LOGIN_LOCKED,
                login.flatMap(Login::enterprise).orElse(null), username,
                config.loginFailuresBeforeLock() + " failed logins in a row: locked for " + lock.toSeconds() + " s"
                        + (login.isEmpty() ? " (no such account)" : ""), remoteAddress));
        return new AuthenticationFailedException();
    }

    private LoginThrottle throttle() {
        if (throttle == null) {
            synchronized (this) {
                if (throttle == null) {
                    throttle = new LoginThrottle(config.loginFailuresBeforeLock(), config.loginFailureWindow(),
                            config.loginLock(), config.loginLockMax());
                }
            }
        }
        return throttle;
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = PasswordHasher.hash("no such user " + System.nanoTime(), config.bcryptCost());
        }
        return dummyHash;
    }

    /** The login of a user whose identity a trusted mechanism (the form-login cookie) vouches for. */
    public Login trusted(String username) {
        Login login = trusted.get(username, name -> load(name).orElse(null));
        if (login == null || !login.enabled()) {
            throw new AuthenticationFailedException();
        }
        return login;
    }

    /** Drops what this replica remembers of a user, after a change of password, roles or status. */
    public void forget(String username) {
        verified.invalidate(username);
        trusted.invalidate(username);
    }

    Optional<Login> load(String username) {
        try (Connection connection = dataSource.getConnection()) {
            long id;
            String hash;
            String enterprise;
            boolean enabled;
            try (PreparedStatement ps = connection.prepareStatement(
                    "select id, password_hash, enterprise_code, enabled from app_user where username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getLong(1);
                    hash = rs.getString(2);
                    enterprise = rs.getString(3);
                    enabled = rs.getBoolean(4);
                }
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            try (PreparedStatement ps = connection.prepareStatement("select role from app_user_role where user_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        roles.add(Role.valueOf(rs.getString(1)));
                    }
                }
            }
            Set<String> assigned = new HashSet<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "select enterprise_code from expert_assignment where user_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assigned.add(rs.getString(1));
                    }
                }
            }
            return Optional.of(new Login(username, hash, Optional.ofNullable(enterprise), enabled,
                    Set.copyOf(roles), Set.copyOf(assigned)));
        } catch (SQLException e) {
            throw new IllegalStateException("user lookup failed", e);
        }
    }

    private byte[] proof(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(proofKey, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
