package org.pilotline.bpm.purchase;

import org.pilotline.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/** The shape of a requisition: from a planned order, or by hand with item, quantity and due date. Plain Java. */
public final class PurchaseRequisitionRules {

    private PurchaseRequisitionRules() {
    }

    public static List<FieldError> shapeProblems(PurchaseRequisitionRequest r) {
        List<FieldError> problems = new ArrayList<>();
        if (r.plannedOrder() != null) {
            if (r.itemId() != null || r.quantity() != null || r.dueDate() != null) {
                problems.add(new FieldError("plannedOrder",
                        "give either plannedOrder or itemId, quantity and dueDate, not both"));
            }
            return problems;
        }
        if (r.itemId() == null) {
            problems.add(new FieldError("itemId", "is required without plannedOrder"));
        }
        if (r.quantity() == null) {
            problems.add(new FieldError("quantity", "is required without plannedOrder"));
        }
        if (r.dueDate() == null) {
            problems.add(new FieldError("dueDate", "is required without plannedOrder"));
        }
        return problems;
    }
}
