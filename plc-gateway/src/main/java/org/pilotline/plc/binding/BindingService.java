package org.pilotline.plc.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.audit.AuditAction;
import org.pilotline.platform.audit.SecurityAudit;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Machine bindings of the caller's enterprise. Every committed change is announced as a {@link MachineBindingChanged}
 * or {@link MachineBindingRemoved} event; whoever acquires applies it.
 */
@ApplicationScoped
public class BindingService {

    private static final String WHAT = "Machine binding";
    private static final Map<String, String> SORTABLE = Map.of("machineCode", "machineCode",
            "endpointUrl", "endpointUrl");
    private static final List<String> DEFAULT_SORT = List.of("machineCode");

    @Inject
    TenantContext tenants;

    @Inject
    BindingSecrets secrets;

    @Inject
    Event<MachineBindingChanged> changed;

    @Inject
    Event<MachineBindingRemoved> removed;

    @Inject
    SecurityAudit audit;

    @Transactional
    public Page<BindingView> listBindings(PageRequest page) {
        tenants.requireEnterprise();
        PageRequest sorted = page.sort().isEmpty() ? new PageRequest(page.page(), page.size(), DEFAULT_SORT) : page;
        return Lookups.page(MachineBindingEntity.findAll(sorted.toSort(SORTABLE, "id")), sorted, BindingView::of);
    }

    @Transactional
    public BindingView getBinding(long id) {
        tenants.requireEnterprise();
        return BindingView.of(find(id));
    }

    @Transactional
    public BindingView createBinding(BindingRequest request) {
        MachineBinding binding = valid(request.toBinding(tenants.requireEnterprise(), null));
        requireCodeFree(binding.machineCode(), null);
        MachineBindingEntity entity = new MachineBindingEntity();
        entity.apply(binding);
        secrets.seal(entity, binding.password());
        entity.persist();
        changed.fire(new MachineBindingChanged(binding));
        audit.record(AuditAction.MACHINE_BINDING_CREATED, binding.tenant(), "machine:" + binding.machineCode(),
                auditDetail(binding));
        return BindingView.of(entity);
    }

    @Transactional
    public BindingView updateBinding(long id, BindingRequest request) {
        String tenant = tenants.requireEnterprise();
        MachineBindingEntity entity = find(id);
        Versions.requireCurrent(WHAT, id, request.version(), entity.version);
        MachineBinding binding = valid(request.toBinding(tenant, secrets.reveal(entity)));
        requireCodeFree(binding.machineCode(), id);
        String previousCode = entity.machineCode;
        entity.apply(binding);
        secrets.seal(entity, binding.password());
        Versions.flush(entity);
        if (!previousCode.equals(binding.machineCode())) {
            removed.fire(new MachineBindingRemoved(tenant, previousCode));
        }
        changed.fire(new MachineBindingChanged(binding));
        audit.record(AuditAction.MACHINE_BINDING_UPDATED, tenant, "machine:" + binding.machineCode(),
                (previousCode.equals(binding.machineCode()) ? "" : "was " + previousCode + "; ") + auditDetail(binding));
        return BindingView.of(entity);
    }

    @Transactional
    public void deleteBinding(long id) {
        String tenant = tenants.requireEnterprise();
        MachineBindingEntity entity = find(id);
        entity.delete();
        removed.fire(new MachineBindingRemoved(tenant, entity.machineCode));
        audit.record(AuditAction.MACHINE_BINDING_DELETED, tenant, "machine:" + entity.machineCode, entity.endpointUrl);
    }

    /** Where the gateway connects and how, for the security audit: never the password, only whether one is set. */
    private static String auditDetail(MachineBinding binding) {
        return binding.endpointUrl() + ", security " + binding.securityPolicy() + "/" + binding.securityMode()
                + ", identity " + binding.identityKind() + (binding.password() == null ? "" : " with a password");
    }

    /** The machine codes among {@code codes} that the caller's enterprise has bindings for. */
    @Transactional
    public Set<String> knownMachines(Collection<String> codes) {
        tenants.requireEnterprise();
        if (codes.isEmpty()) {
            return Set.of();
        }
        return MachineBindingEntity.<MachineBindingEntity>find("machineCode in ?1", codes).stream()
                .map(e -> e.machineCode).collect(Collectors.toSet());
    }

    /** Another enterprise's binding is invisible (Hibernate's tenant filter): not found, like a missing one. */
    private static MachineBindingEntity find(long id) {
        return Lookups.require(MachineBindingEntity.class, WHAT, id);
    }

    private static MachineBinding valid(MachineBinding binding) {
        List<FieldError> problems = BindingRules.problems(binding);
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.UNPROCESSABLE, "invalid-binding", "The machine binding is not valid",
                    problems.size() + " field(s) break a rule: " + problems.stream()
                            .map(p -> p.field() + " " + p.message()).collect(Collectors.joining(", ")),
                    problems, Map.of());
        }
        return binding;
    }

    private static void requireCodeFree(String code, Long exceptId) {
        MachineBindingEntity other = MachineBindingEntity.<MachineBindingEntity>find("machineCode", code).firstResult();
        if (other != null && !other.id.equals(exceptId)) {
            throw DomainException.conflict("duplicate-code", "The code is taken",
                    "There is already a binding for machine '" + code + "'",
                    new FieldError("machineCode", "is already bound"));
        }
    }
}
