package org.pilotline.platform.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.ProblemKind;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Which enterprise (tenant) the current unit of work acts for. In a request it is the authenticated user's enterprise,
 * never a value the client chose freely; background work (job executors, gateway threads, asynchronous MRP runs) names
 * its tenant explicitly with {@link #callAs}. Hibernate's discriminator multi-tenancy reads it through the platform's
 * tenant resolver, so every query of an {@code @TenantId} entity is filtered by it.
 */
@ApplicationScoped
public class TenantContext {

    /** Identity attribute that carries the enterprise the caller acts for in this request. */
    public static final String ENTERPRISE_ATTRIBUTE = "pilotline.enterprise";

    /** The tenant id of a unit of work that acts for no enterprise: it matches no enterprise-owned row. */
    public static final String NO_TENANT = "-";

    /**
     * The tenant id of system work that must read across enterprises (KPI roll-ups for the bureau, the gateway
     * loading every machine binding at start-up). Hibernate does not filter by tenant for it. Never used for a request.
     */
    public static final String ALL_TENANTS = "*";

    private static final ThreadLocal<String> EXPLICIT = new ThreadLocal<>();

    @Inject
    Instance<SecurityIdentity> identity;

    /** The tenant id Hibernate should use now: an explicit one, else the caller's enterprise, else {@link #NO_TENANT}. */
    public String currentTenantId() {
        String explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        return callerEnterprise().orElse(NO_TENANT);
    }

    /** The enterprise of the authenticated caller of the current request, if it acts for one. */
    public Optional<String> callerEnterprise() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        SecurityIdentity current = identity.get();
        if (current == null || current.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.getAttribute(ENTERPRISE_ATTRIBUTE));
    }

    /** The enterprise this unit of work acts for; refused with 403 when there is none. */
    public String requireEnterprise() {
        String tenant = currentTenantId();
        if (NO_TENANT.equals(tenant) || ALL_TENANTS.equals(tenant)) {
            throw new DomainException(ProblemKind.FORBIDDEN, "enterprise-required", "This request needs an enterprise",
                    "Only a user of a pilot enterprise (or an expert who has chosen one of the enterprises assigned"
                            + " to them) can work with enterprise data");
        }
        return tenant;
    }

    /**
     * Runs {@code work} as {@code tenantId}. Call it outside any transaction and let {@code work} open its own, so
     * that the Hibernate session is created for this tenant. A request context is activated if none is.
     */
    public static <T> T callAs(String tenantId, Callable<T> work) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id is required");
        }
        String previous = EXPLICIT.get();
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        EXPLICIT.set(tenantId);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    public static void runAs(String tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }
}
