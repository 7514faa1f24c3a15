package org.pilotline.bpm.nonconformance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotline.erp.partner.PartnerService;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.List;

import static org.pilotline.bpm.nonconformance.NonConformanceService.*;

/**
 * Checks the disposition just chosen has what it needs ({@link DispositionRules}; a supplier that is one), in the
 * completing transaction: a refusal is a 400 naming the form field, and the task stays open.
 */
@Named("checkDisposition")
@Dependent
public class CheckDisposition implements JavaDelegate {

    @Inject
    PartnerService partners;

    @Override
    public void execute(DelegateExecution execution) {
        Disposition disposition = Disposition.valueOf((String) execution.getVariable(DISPOSITION));
        Long supplierId = longOf(execution.getVariable(SUPPLIER_ID));
        List<FieldError> problems = DispositionRules.problems(disposition, longOf(execution.getVariable(LOCATION_ID)),
                supplierId, execution.getVariable(WORK_ORDER_ID) != null && execution.getVariable(OPERATION_ID) != null);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("validation", "The request has invalid fields",
                    problems.toArray(FieldError[]::new));
        }
        if (disposition == Disposition.RETURN_TO_SUPPLIER) {
            PartnerService.PartnerView supplier;
            try {
                supplier = TenantContext.callAs(execution.getTenantId(), () -> partners.getPartner(supplierId));
            } catch (DomainException e) {
                if (e.kind() != ProblemKind.NOT_FOUND) {
                    throw e;
                }
                throw DomainException.invalid("unknown-reference", "A referenced record does not exist",
                        new FieldError("variables.supplierId", e.detail()));
            }
            if (!supplier.supplier()) {
                throw DomainException.invalid("validation", "The partner is not a supplier",
                        new FieldError("variables.supplierId", "partner '" + supplier.code() + "' is not a supplier"));
            }
        }
    }

    static Long longOf(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
