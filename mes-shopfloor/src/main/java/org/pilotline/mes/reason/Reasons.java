package org.pilotline.mes.reason;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Set;

/** Resolves the reason code a report names, checking that it fits what it explains. */
@ApplicationScoped
public class Reasons {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /** The active reason with this code whose purpose is one of {@code fits}; 400 naming {@code field} otherwise. */
    public Reason require(String code, Set<ReasonPurpose> fits, String field) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("reason-required", "A reason is required",
                    new FieldError(field, "is required: choose a reason from the enterprise's reason tree"));
        }
        // plain JDBC naming the tenant: pauses and scrap reports name a reason; HQL is translated anew on every call
        // while Hibernate's tenant filter is enabled, and a native query mapped to an entity still cost an auto-flush
        // check and a result mapping (a twentieth of a report's JVM time for the 4 % of reports that are pauses,
        // mesperf5). The reason comes back unmanaged: callers read it and refer to it by id.
        String tenantId = tenant.requireEnterprise();
        Reason found = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement select = c.prepareStatement("select id, version, parent_id, purpose, planned,"
                    + " name_zh, name_en, active, code from mes_reason where tenant_id = ? and code = ?")) {
                select.setString(1, tenantId);
                select.setString(2, code);
                try (java.sql.ResultSet r = select.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    Reason row = new Reason();
                    row.id = r.getLong(1);
                    row.version = r.getLong(2);
                    row.tenantId = tenantId;
                    row.parentId = r.getObject(3, Long.class);
                    row.code = r.getString(9); // as stored (the column's collation ignores case)
                    row.purpose = ReasonPurpose.valueOf(r.getString(4));
                    row.planned = r.getBoolean(5);
                    row.nameZh = r.getString(6);
                    row.nameEn = r.getString(7);
                    row.active = r.getBoolean(8);
                    return row;
                }
            }
        });
        if (found == null) {
            throw DomainException.invalid("unknown-reason", "The reason does not exist",
                    new FieldError(field, "no reason has code '" + code + "'"));
        }
        Reason reason = found;
        if (!reason.active || !fits.contains(reason.purpose)) {
            throw DomainException.invalid("unfit-reason", "The reason does not fit",
                    new FieldError(field, "reason '" + code + "' is " + (reason.active ? "a " + reason.purpose + " reason" : "inactive")
                            + "; expected one of " + fits));
        }
        return reason;
    }
}
