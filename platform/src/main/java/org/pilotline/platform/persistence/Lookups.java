package org.pilotline.platform.persistence;

import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantOwned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** The lookups every service repeats: a row of the caller's enterprise by id, and whether a code is taken. */
public final class Lookups {

    private Lookups() {
    }

    /**
     * The row with this id, or 404. Rows of other enterprises are filtered out by Hibernate, so they are reported
     * exactly like missing ones.
     */
    public static <T extends PanacheEntityBase> T require(Class<T> type, String what, Long id) {
        if (id == null) {
            throw DomainException.notFound(what, "(none)");
        }
        T found = byId(type, id);
        if (found == null) {
            throw DomainException.notFound(what, id);
        }
        return found;
    }

    /** A referenced row of the request, or 400 naming the field that refers to it. */
    public static <T extends PanacheEntityBase> T reference(Class<T> type, String what, Long id, String field) {
        T found = id == null ? null : byId(type, id);
        if (found == null) {
            throw DomainException.invalid("unknown-reference", what + " not found",
                    new FieldError(field, id == null ? "is required" : "no " + what.toLowerCase() + " has id " + id));
        }
        return found;
    }

    /**
     * A referenced row given by id or by code (the field named like the id field with {@code Code} for {@code Id}),
     * or 400 naming the field that refers to it. Both may be given when they name the same row; neither is refused
     * as missing.
     */
    public static <T extends PanacheEntityBase> T reference(Class<T> type, String what, Long id, String code,
                                                            String idField) {
        return reference(type, what, id, code, idField, c -> byCode(type, c));
    }

    /** As {@link #reference(Class, String, Long, String, String)}, with the kind's own way of finding a code. */
    public static <T extends PanacheEntityBase> T reference(Class<T> type, String what, Long id, String code,
                                                            String idField, Function<String, List<T>> byCode) {
        String codeField = codeField(idField);
        if (code == null) {
            if (id == null) {
                throw DomainException.invalid("unknown-reference", what + " not given",
                        new FieldError(idField, "is required (or " + codeField + ")"));
            }
            return reference(type, what, id, idField);
        }
        List<T> found = byCode.apply(code);
        if (found.isEmpty()) {
            throw DomainException.invalid("unknown-reference", what + " not found",
                    new FieldError(codeField, "no " + what.toLowerCase() + " has code '" + code + "'"));
        }
        if (found.size() > 1) {
            throw DomainException.invalid("ambiguous-reference", what + " code is ambiguous",
                    new FieldError(codeField, found.size() + " " + what.toLowerCase() + "s have code '" + code
                            + "'; give the id or a fuller code"));
        }
        T row = found.get(0);
        if (id != null && !id.equals(idOf(row))) {
            throw DomainException.invalid("conflicting-reference", what + " id and code disagree",
                    new FieldError(codeField, "'" + code + "' is not the " + what.toLowerCase() + " with id " + id));
        }
        return row;
    }

    /** Whether a reference is given at all, by id or by code. */
    public static boolean given(Long id, String code) {
        return id != null || code != null;
    }

    /** {@code lines[0].componentId} → {@code lines[0].componentCode}. */
    public static String codeField(String idField) {
        return idField.endsWith("Id") ? idField.substring(0, idField.length() - 2) + "Code" : idField + "Code";
    }

    private static <T extends PanacheEntityBase> List<T> byCode(Class<T> type, String code) {
        return io.quarkus.hibernate.orm.panache.Panache.getEntityManager(type)
                .createQuery("select e from " + type.getSimpleName() + " e where e.code = :code", type)
                .setParameter("code", code).setMaxResults(2).getResultList();
    }

    private static Object idOf(PanacheEntityBase row) {
        return io.quarkus.hibernate.orm.panache.Panache.getEntityManager(row.getClass()).getEntityManagerFactory()
                .getPersistenceUnitUtil().getIdentifier(row);
    }

    /** By query rather than EntityManager.find, so that Hibernate's tenant filter certainly applies. */
    private static <T extends PanacheEntityBase> T byId(Class<T> type, Long id) {
        return io.quarkus.hibernate.orm.panache.Panache.getEntityManager(type)
                .createQuery("select e from " + type.getSimpleName() + " e where e.id = :id", type)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }

    /** Refuses a code that another row of the same kind already has (409 naming {@code code}). */
    public static void requireFree(PanacheQuery<? extends TenantOwned> sameCode, String what, String code, Long exceptId) {
        TenantOwned other = sameCode.firstResult();
        if (other != null && !Objects.equals(other.id, exceptId)) {
            throw DomainException.conflict("duplicate-code", "The code is taken",
                    "There is already a " + what.toLowerCase() + " '" + code + "'",
                    new FieldError("code", "is already used by another " + what.toLowerCase()));
        }
    }

    /**
     * Deletes a row that nothing refers to; when foreign keys still point at it, the delete is refused with 409
     * (the failed flush rolls the transaction back).
     */
    public static void deleteUnlessReferenced(PanacheEntityBase entity, String what) {
        try {
            entity.delete();
            io.quarkus.hibernate.orm.panache.Panache.getEntityManager(entity.getClass()).flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw DomainException.conflict("in-use", "It is still in use",
                    what + " is referred to by other records; remove those references first, or set it inactive");
        }
    }

    /** Builds a paged query result with the usual tie-breaker on id. */
    public static <T extends PanacheEntityBase, V> Page<V> page(PanacheQuery<T> query, PageRequest page,
                                                                java.util.function.Function<T, V> view) {
        long total = query.count();
        return new Page<>(query.page(page.page(), page.size()).list().stream().map(view).toList(),
                page.page(), page.size(), total);
    }

    /** A dynamic filter: the where clause and its parameters, built only from whitelisted conditions. */
    public static final class Filter {
        private final StringBuilder where = new StringBuilder("1 = 1");
        private final Parameters parameters = new Parameters();

        public Filter and(boolean present, String condition, String name, Supplier<Object> value) {
            if (present) {
                where.append(" and ").append(condition);
                parameters.and(name, value.get());
            }
            return this;
        }

        public Filter text(String text, String... paths) {
            if (text == null || text.isBlank()) {
                return this;
            }
            where.append(" and (");
            for (int i = 0; i < paths.length; i++) {
                where.append(i == 0 ? "" : " or ").append("lower(").append(paths[i]).append(") like :text");
            }
            where.append(')');
            parameters.and("text", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%");
            return this;
        }

        public String where() {
            return where.toString();
        }

        public Map<String, Object> parameters() {
            return parameters.map();
        }
    }
}
