package org.pilotline.bpm.engineeringchange;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.pilotline.erp.revision.RevisionChange;
import org.pilotline.erp.revision.RevisionChangeService;

import static org.pilotline.bpm.engineeringchange.EngineeringChangeService.CHANGE;
import static org.pilotline.bpm.engineeringchange.EngineeringChangeService.IMPACT;

/**
 * Computes what the change touches through erp-core — where the item is used, its open production orders, open
 * purchase orders and stock of the items concerned, the unit cost in force against the proposed one — and keeps it
 * with the change for the approvers. Runs in the requesting transaction: a proposal erp-core refuses starts nothing.
 */
@Named("assessEngineeringChange")
@Dependent
public class AssessEngineeringChange implements JavaDelegate {

    @Inject
    RevisionChangeService revisions;

    @Inject
    EngineeringChangeService changes;

    @Override
    public void execute(DelegateExecution execution) {
        RevisionChange change = changes.read(execution.getVariable(CHANGE), RevisionChange.class);
        RevisionChangeService.Impact impact = revisions.impact(change);
        execution.setVariable(IMPACT, Variables.byteArrayValue(changes.write(impact)));
    }
}
