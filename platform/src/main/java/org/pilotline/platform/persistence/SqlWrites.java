package org.pilotline.platform.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * For hot paths that change rows with SQL (naming the tenant) instead of through entities: Hibernate translates HQL
 * and builds entity loaders anew on every call while its tenant filter is enabled, which costs more than the
 * statements themselves. An instance of such a row that the session already holds would then be stale — read later in
 * the same transaction with old values, or written back with an old version — so the session lets it go.
 */
public final class SqlWrites {

    private SqlWrites() {
    }

    /** The row of {@code entity} with this id was changed with SQL: detaches the session's instance of it, if any. */
    public static void changed(EntityManager em, Class<?> entity, Object id) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(entity);
        Object managed = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
        if (managed != null) {
            session.detach(managed);
        }
    }
}
