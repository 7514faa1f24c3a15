package org.pilotline.plc.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.pilotline.plc.binding.dto.BindingRequest;
import org.pilotline.plc.binding.dto.BindingView;
import org.pilotline.plc.runtime.GatewayRuntime;
import org.pilotline.plc.web.GatewayProblems;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Machine bindings of the caller's enterprise; committed changes are applied to the running gateway. */
@ApplicationScoped
public class BindingService {

    /** One page of bindings. */
    public record BindingPage(List<BindingView> items, int page, int size, long total) {
    }

    @Inject
    Session session;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    GatewayRuntime runtime;

    @Inject
    BindingSecrets secrets;

    /** The enterprise of this unit of work (the session's tenant); 403 when there is none. */
    public String requireEnterprise() {
        Object tenant = session.getTenantIdentifierValue();
        if (tenant == null || "-".equals(tenant) || "*".equals(tenant)) {
            throw GatewayProblems.enterpriseRequired();
        }
        return tenant.toString();
    }

    @Transactional
    public BindingPage listBindings(int page, int size) {
        requireEnterprise();
        var query = MachineBindingEntity.<MachineBindingEntity>find("order by machineCode, id");
        return new BindingPage(query.page(page, size).list().stream().map(BindingView::of).toList(), page, size,
                query.count());
    }

    @Transactional
    public BindingView getBinding(long id) {
        requireEnterprise();
        return BindingView.of(find(id));
    }

    @Transactional
    public BindingView createBinding(BindingRequest request) {
        String tenant = requireEnterprise();
        MachineBinding binding = valid(request.toBinding(tenant, null));
        requireCodeFree(binding.machineCode(), null);
        MachineBindingEntity entity = new MachineBindingEntity();
        entity.apply(binding);
        secrets.seal(entity, binding.password());
        entity.persist();
        afterCommit(() -> runtime.bind(binding));
        return BindingView.of(entity);
    }

    @Transactional
    public BindingView updateBinding(long id, BindingRequest request) {
        String tenant = requireEnterprise();
        MachineBindingEntity entity = find(id);
        if (request.version() == null || request.version() != entity.version) {
            throw GatewayProblems.problem(409, "stale-version", "The record was changed by someone else",
                    "Binding " + id + " is at version " + entity.version + ", not " + request.version(),
                    List.of(new GatewayProblems.FieldProblem("version", "is not the current version")));
        }
        MachineBinding binding = valid(request.toBinding(tenant, secrets.reveal(entity)));
        requireCodeFree(binding.machineCode(), id);
        String previousCode = entity.machineCode;
        entity.apply(binding);
        secrets.seal(entity, binding.password());
        MachineBindingEntity.flush();
        afterCommit(() -> {
            if (!previousCode.equals(binding.machineCode())) {
                runtime.unbind(tenant, previousCode);
            }
            runtime.bind(binding);
        });
        return BindingView.of(entity);
    }

    @Transactional
    public void deleteBinding(long id) {
        String tenant = requireEnterprise();
        MachineBindingEntity entity = find(id);
        String code = entity.machineCode;
        entity.delete();
        afterCommit(() -> runtime.unbind(tenant, code));
    }

    /** The machine codes among {@code codes} that the caller's enterprise has bindings for. */
    @Transactional
    public Set<String> knownMachines(Collection<String> codes) {
        requireEnterprise();
        if (codes.isEmpty()) {
            return Set.of();
        }
        return MachineBindingEntity.<MachineBindingEntity>find("machineCode in ?1", codes).stream()
                .map(e -> e.machineCode).collect(Collectors.toSet());
    }

    /** Another enterprise's binding is invisible (Hibernate's tenant filter): not found, like a missing one. */
    private static MachineBindingEntity find(long id) {
        return MachineBindingEntity.<MachineBindingEntity>find("id", id).firstResultOptional()
                .orElseThrow(() -> GatewayProblems.notFound("machine binding", id));
    }

    private static MachineBinding valid(MachineBinding binding) {
        List<BindingRules.Problem> problems = BindingRules.problems(binding);
        if (!problems.isEmpty()) {
            throw GatewayProblems.problem(422, "invalid-binding", "The machine binding is not valid",
                    problems.size() + " field(s) break a rule: " + problems.stream()
                            .map(p -> p.field() + " " + p.message()).collect(Collectors.joining(", ")),
                    problems.stream().map(p -> new GatewayProblems.FieldProblem(p.field(), p.message())).toList());
        }
        return binding;
    }

    private static void requireCodeFree(String code, Long exceptId) {
        MachineBindingEntity other = MachineBindingEntity.<MachineBindingEntity>find("machineCode", code).firstResult();
        if (other != null && !other.id.equals(exceptId)) {
            throw GatewayProblems.problem(409, "duplicate-code", "The code is taken",
                    "There is already a binding for machine '" + code + "'",
                    List.of(new GatewayProblems.FieldProblem("machineCode", "is already bound")));
        }
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
