package org.pilotline.plc.binding;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.plc.config.GatewayConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PLC passwords at rest: sealed with {@link PasswordCipher} under the key from {@code pilotline.gateway.secret-key}
 * (PILOTLINE_GATEWAY_SECRET_KEY, the same on every replica) or, without it, from the generated
 * {@code secret-key-file}. At start-up, passwords stored in plain text before encryption existed are encrypted.
 */
@ApplicationScoped
public class BindingSecrets {

    private static final Logger LOG = Logger.getLogger(BindingSecrets.class);

    @Inject
    GatewayConfig config;

    @Inject
    AgroalDataSource dataSource;

    private volatile PasswordCipher cipher;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        try {
            int encrypted = encryptStoredPasswords();
            if (encrypted > 0) {
                LOG.infof("Encrypted %d PLC password(s) stored in plain text", encrypted);
            }
        } catch (RuntimeException e) {
            LOG.error("Cannot encrypt the PLC passwords stored in plain text; they stay readable until the next start", e);
        }
    }

    /** Stores {@code plain} encrypted in the entity (null clears it). */
    public void seal(MachineBindingEntity entity, String plain) {
        entity.password = plain == null ? null : cipher().encrypt(plain);
        entity.passwordEncrypted = plain != null;
    }

    /** The entity's password in clear, or null. */
    public String reveal(MachineBindingEntity entity) {
        if (entity.password == null) {
            return null;
        }
        return entity.passwordEncrypted ? cipher().decrypt(entity.password) : entity.password;
    }

    /** The binding the acquisition core uses: the entity's values with its password in clear. */
    public MachineBinding binding(MachineBindingEntity entity) {
        MachineBinding stored = entity.toBinding();
        return stored.withIdentity(stored.identityKind(), stored.username(), reveal(entity), stored.identityKeyStore());
    }

    /** Encrypts every password still stored in plain text; returns how many. Idempotent, safe on several replicas. */
    public int encryptStoredPasswords() {
        Map<Long, String> plain = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement select = connection.prepareStatement("select id, password from plc_machine_binding"
                    + " where password is not null and not password_encrypted");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    plain.put(rs.getLong(1), rs.getString(2));
                }
            }
            int updated = 0;
            try (PreparedStatement update = connection.prepareStatement("update plc_machine_binding"
                    + " set password = ?, password_encrypted = true where id = ? and password = ? and not password_encrypted")) {
                for (Map.Entry<Long, String> row : plain.entrySet()) {
                    update.setString(1, cipher().encrypt(row.getValue()));
                    update.setLong(2, row.getKey());
                    update.setString(3, row.getValue());
                    updated += update.executeUpdate();
                }
            }
            return updated;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot encrypt the stored PLC passwords", e);
        }
    }

    private PasswordCipher cipher() {
        PasswordCipher current = cipher;
        if (current == null) {
            synchronized (this) {
                if (cipher == null) {
                    cipher = config.secretKey().filter(k -> !k.isBlank()).map(PasswordCipher::fromBase64)
                            .orElseGet(() -> {
                                LOG.infof("PLC passwords are encrypted with the key in %s (set PILOTLINE_GATEWAY_SECRET_KEY,"
                                        + " the same on every replica, when running several)", config.secretKeyFile());
                                return PasswordCipher.fromFile(Path.of(config.secretKeyFile()));
                            });
                }
                current = cipher;
            }
        }
        return current;
    }
}
