package org.pilotline.bpm.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts a process of an enterprise with its latest definition of the model: its own to-be version when it deployed
 * one, else the shared template deployed under its tenant id. Which definition that is is remembered per model and
 * enterprise, so that a start does not ask the database for it every time (one {@code select} of every start, process
 * benchmark); a deployment for the enterprise through this replica ({@link #deployed}) forgets it at once and again
 * when the deployment's transaction ends, and an entry is used for at most {@link #REMEMBER_NANOS} so that a deployment
 * through another replica takes precedence there within that time.
 */
@ApplicationScoped
public class ProcessStarts {

    /** How long a latest definition is used before it is looked up again: 10 s. */
    static final long REMEMBER_NANOS = 10_000_000_000L;

    private record Latest(String definitionId, long lookedUpAt) {
    }

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    @Inject
    RuntimeService runtime;

    @Inject
    RepositoryService repository;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A new instance of {@code key} for the enterprise {@code tenantId}, on its latest definition. */
    public ProcessInstantiationBuilder start(String key, String tenantId) {
        String id = latestDefinitionId(key, tenantId);
        return id == null ? runtime.createProcessInstanceByKey(key).processDefinitionTenantId(tenantId)
                : runtime.createProcessInstanceById(id);
    }

    String latestDefinitionId(String key, String tenantId) {
        String cacheKey = tenantId + "\u0000" + key;
        long now = System.nanoTime();
        Latest known = latest.get(cacheKey);
        if (known != null && now - known.lookedUpAt() < REMEMBER_NANOS) {
            return known.definitionId();
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .tenantIdIn(tenantId).latestVersion().singleResult();
        if (definition == null) {
            latest.remove(cacheKey);
            return null;
        }
        latest.put(cacheKey, new Latest(definition.getId(), now));
        return definition.getId();
    }

    /**
     * Forgets the enterprise's latest definitions: called when a version is deployed for it. In a transaction they are
     * forgotten again once it ends, so that a start between the deployment and its commit does not keep the former.
     */
    public void deployed(String tenantId) {
        forget(tenantId);
        if (transactions.getTransactionKey() != null
                && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget(tenantId);
                }
            });
        }
    }

    private void forget(String tenantId) {
        latest.keySet().removeIf(k -> k.startsWith(tenantId + "\u0000"));
    }
}
