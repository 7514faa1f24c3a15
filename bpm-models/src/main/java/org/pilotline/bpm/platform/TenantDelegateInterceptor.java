package org.pilotline.bpm.platform;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.pilotline.platform.tenancy.TenantContext;

/**
 * Runs every delegate, listener and expression of a process as the enterprise whose process it is (its Camunda tenant
 * id). In a user's request that is the caller's enterprise anyway; in the job executor — an asynchronous step, a
 * timer, a retried incident — there is no caller, and without it Hibernate would open no session at all.
 */
public class TenantDelegateInterceptor extends DefaultDelegateInterceptor {

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        String tenantId = tenantOf(invocation);
        if (tenantId == null) {
            super.handleInvocation(invocation);
            return;
        }
        Exception[] failure = new Exception[1];
        TenantContext.runAs(tenantId, () -> {
            try {
                super.handleInvocation(invocation);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static String tenantOf(DelegateInvocation invocation) {
        if (invocation.getContextResource() != null && invocation.getContextResource().getTenantId() != null) {
            return invocation.getContextResource().getTenantId();
        }
        BaseDelegateExecution execution = invocation.getContextExecution();
        if (execution instanceof DelegateExecution e) {
            return e.getTenantId();
        }
        if (execution instanceof DelegateTask t) {
            return t.getTenantId();
        }
        return null;
    }
}
