package org.pilotline.platform.persistence;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

/** Optimistic-locking checks shared by every update use case. */
public final class Versions {

    private Versions() {
    }

    /**
     * Refuses an update that was based on an older read of the row. Hibernate's own {@code @Version} check then
     * guards the window between this read and the flush.
     */
    public static void requireCurrent(String what, Object id, Long sent, long current) {
        if (sent == null) {
            throw DomainException.invalid("version-required", "The version you read is required",
                    new FieldError("version", "must be given: the version of the record you are updating"));
        }
        if (sent != current) {
            throw DomainException.staleVersion(what, id, sent, current);
        }
    }

    /**
     * Makes the next flush bump the aggregate's version even when only its child rows changed (Hibernate counts
     * changes of an inverse one-to-many collection as changes of the children, not of the parent).
     */
    public static void bump(io.quarkus.hibernate.orm.panache.PanacheEntityBase aggregate) {
        io.quarkus.hibernate.orm.panache.Panache.getEntityManager(aggregate.getClass())
                .lock(aggregate, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    /** Writes pending changes of the aggregate's persistence context now, so that the database checks them here. */
    public static void flush(io.quarkus.hibernate.orm.panache.PanacheEntityBase aggregate) {
        io.quarkus.hibernate.orm.panache.Panache.getEntityManager(aggregate.getClass()).flush();
    }
}
