package org.pilotline.bpm.nonconformance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.tasks.TaskWork;
import org.pilotline.erp.inventory.InventoryDtos.MoveRequest;
import org.pilotline.erp.inventory.InventoryService;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.StockLedger;
import org.pilotline.erp.partner.PartnerService;
import org.pilotline.mes.inspection.InspectionService;
import org.pilotline.mes.inspection.ReworkOperations;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import static org.pilotline.bpm.nonconformance.CheckDisposition.longOf;
import static org.pilotline.bpm.nonconformance.NonConformanceService.*;

/**
 * Carries out the disposition and closes the record, in the transaction of the task that decided it (or of the
 * manager's concession): scrap and return to supplier issue the quantity from the chosen location through erp-core's
 * stock ledger (reason SCRAP, or OTHER for a return, referring to the record); rework adds a rework operation to the
 * work order through the MES; use as is changes no stock. A refusal (too little stock, a closed work order) takes
 * everything back and leaves the task open.
 */
@Named("applyDisposition")
@Dependent
public class ApplyDisposition implements JavaDelegate {

    /** How erp-core's and the MES's fields are named in the disposition task's form. */
    private static final Map<String, String> FORM_FIELDS = Map.of("fromLocationId", "variables.locationId",
            "lotNumber", "variables.lotNumber");

    @Inject
    InventoryService inventory;

    @Inject
    StockLedger ledger;

    @Inject
    PartnerService partners;

    @Inject
    ReworkOperations rework;

    @Inject
    InspectionService inspections;

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        String tenantId = execution.getTenantId();
        Disposition disposition = Disposition.valueOf((String) execution.getVariable(DISPOSITION));
        String number = (String) execution.getVariable(NUMBER);
        String actor = Objects.toString(execution.getVariable(TaskWork.COMPLETED_BY), "process");
        long ncrId = longOf(execution.getVariable(NCR_ID));
        String effect = TenantContext.callAs(tenantId, () -> {
            String done = switch (disposition) {
                case SCRAP -> {
                    long move = issue(execution, MoveReason.SCRAP, number + " scrapped", number + ":scrap", actor);
                    execution.setVariable(STOCK_MOVE_ID, move);
                    yield "scrapped (stock move " + move + ")";
                }
                case RETURN_TO_SUPPLIER -> {
                    String supplier = partners.getPartner(longOf(execution.getVariable(SUPPLIER_ID))).code();
                    long move = issue(execution, MoveReason.OTHER, number + " returned to supplier " + supplier,
                            number + ":return", actor);
                    execution.setVariable(STOCK_MOVE_ID, move);
                    yield "returned to supplier " + supplier + " (stock move " + move + ")";
                }
                case REWORK -> {
                    var operation = rework.addReworkOperation(ncrId, longOf(execution.getVariable(REWORK_WORK_CENTER_ID)),
                            "variables.disposition", "variables.reworkWorkCenterId");
                    execution.setVariable(REWORK_OPERATION_ID, operation.id());
                    yield "to be reworked in operation " + operation.operationNo() + " (" + operation.id() + ")";
                }
                case USE_AS_IS -> "used as is, concession granted by "
                        + Objects.toString(execution.getVariable(TaskWork.COMPLETED_BY), "a manager");
            };
            inspections.closeNonConformance(ncrId, inspections.getNonConformance(ncrId).version());
            return done;
        });
        Object comment = execution.getVariable(DISPOSITION_COMMENT);
        TenantContext.runAs(tenantId, () -> journal.record(actor, "nonconformance-disposed",
                TaskJournal.subjectOf(execution.getProcessInstanceId()), number + " " + effect + "; record closed"
                        + (comment == null ? "" : ": " + comment)));
    }

    private long issue(DelegateExecution execution, MoveReason reason, String note, String requestId, String actor) {
        MoveRequest request = new MoveRequest(MoveType.ISSUE, reason, longOf(execution.getVariable(ITEM_ID)),
                new BigDecimal((String) execution.getVariable(QUANTITY)), null, longOf(execution.getVariable(LOCATION_ID)),
                null, (String) execution.getVariable(LOT_NUMBER), null, (String) execution.getVariable(NUMBER), note,
                requestId);
        try {
            return ledger.apply(inventory.resolve(request, actor)).id;
        } catch (DomainException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            // the person chose the location and lot in the task's form: name the fields as they sent them
            throw new DomainException(e.kind(), e.type(), e.title(), e.detail(), e.fieldErrors().stream()
                    .map(f -> new FieldError(FORM_FIELDS.getOrDefault(f.field(), f.field()), f.message())).toList(),
                    e.extensions());
        }
    }
}
