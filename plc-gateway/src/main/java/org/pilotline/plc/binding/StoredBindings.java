package org.pilotline.plc.binding;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.jboss.logging.Logger;
import org.pilotline.platform.tenancy.TenantContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every enterprise's machine bindings, for the replica that acquires them: system work outside any request, run as
 * the platform's root tenant, and a cheap fingerprint that tells whether they changed (through another replica).
 */
@ApplicationScoped
public class StoredBindings {

    private static final Logger LOG = Logger.getLogger(StoredBindings.class);

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BindingSecrets secrets;

    /**
     * Every enterprise's bindings with their passwords in clear; a binding whose password cannot be decrypted is left
     * out (logged), so that machine is not acquired. It runs on the lease's thread, where no request names a tenant:
     * without the root tenant the query would find nothing, and every machine would be unbound.
     */
    public List<MachineBinding> all() {
        return TenantContext.callAs(TenantContext.ALL_TENANTS, () -> QuarkusTransaction.requiringNew().call(() -> {
            try (StatelessSession session = sessionFactory.withStatelessOptions()
                    .tenantIdentifier((Object) TenantContext.ALL_TENANTS).openStatelessSession()) {
                List<MachineBinding> bindings = new ArrayList<>();
                for (MachineBindingEntity entity : session.createQuery("from MachineBindingEntity",
                        MachineBindingEntity.class).list()) {
                    try {
                        bindings.add(secrets.binding(entity));
                    } catch (RuntimeException e) {
                        LOG.errorf("Machine %s/%s is not acquired: %s", entity.tenantId, entity.machineCode,
                                e.getMessage());
                    }
                }
                return bindings;
            }
        }));
    }

    /** Changes whenever a binding is created (max id), changed (sum of versions) or deleted (count). */
    public String fingerprint() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select count(*), coalesce(max(id), 0),"
                     + " coalesce(sum(version), 0) from plc_machine_binding");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the machine bindings", e);
        }
    }
}
