package org.pilotline.bpm.nonconformance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.pilotline.bpm.purchase.WorkingDays;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.ZoneId;
import java.util.Date;

import static org.pilotline.bpm.nonconformance.NonConformanceService.*;

/**
 * Gives each person's step of a non-conformance its due moment, in working days of the enterprise on the engine's
 * clock: the disposition two, the root cause five after the disposition was carried out, the corrective action as
 * many as the root-cause analysis set ({@code actionDays}). The user tasks read them as their due dates.
 */
@Named("planNonConformanceDue")
@Dependent
public class PlanNonConformanceDue implements ExecutionListener {

    @Inject
    PlantClock plantClock;

    @Override
    public void notify(DelegateExecution execution) {
        switch (execution.getCurrentActivityId()) {
            case "disposeNonConformance" -> execution.setVariable(DISPOSITION_DUE, due(execution, DISPOSITION_DAYS));
            case "findRootCause" -> execution.setVariable(ROOT_CAUSE_DUE, due(execution, ROOT_CAUSE_DAYS));
            case "takeCorrectiveAction" -> execution.setVariable(ACTION_DUE,
                    due(execution, ((Number) execution.getVariable(ACTION_DAYS)).intValue()));
            default -> throw new IllegalStateException("no due date for " + execution.getCurrentActivityId());
        }
    }

    private Date due(DelegateExecution execution, int workingDays) {
        ZoneId zone = TenantContext.callAs(execution.getTenantId(), plantClock::zone);
        return Date.from(WorkingDays.after(ClockUtil.getCurrentTime().toInstant(), zone, workingDays));
    }
}
