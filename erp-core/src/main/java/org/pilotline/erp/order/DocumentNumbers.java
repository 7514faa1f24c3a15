package org.pilotline.erp.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.platform.tenancy.TenantContext;

/**
 * Gap-free document numbers per enterprise and kind (SO-000001, PO-000001, MO-000001). The counter row is locked
 * until the creating transaction ends, so two orders never get one number and a rolled-back order leaves no gap.
 */
@ApplicationScoped
public class DocumentNumbers {

    @Inject
    TenantContext tenant;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String kind) {
        String tenantId = tenant.requireEnterprise();
        em.createNativeQuery("insert into number_sequence (tenant_id, kind, next_value) values (?1, ?2, 1)"
                + " on duplicate key update next_value = next_value").setParameter(1, tenantId).setParameter(2, kind)
                .executeUpdate();
        Number value = (Number) em.createNativeQuery("select next_value from number_sequence where tenant_id = ?1"
                + " and kind = ?2 for update").setParameter(1, tenantId).setParameter(2, kind).getSingleResult();
        em.createNativeQuery("update number_sequence set next_value = next_value + 1 where tenant_id = ?1 and kind = ?2")
                .setParameter(1, tenantId).setParameter(2, kind).executeUpdate();
        return String.format("%s-%06d", kind, value.longValue());
    }
}
