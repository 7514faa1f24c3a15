package org.pilotline.bpm.nonconformance;

import org.pilotline.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * What a disposition needs besides its name: scrap and return take the quantity out of a stock location, a return
 * names the supplier, rework needs the work-order operation that found the defect. Plain Java; the fields are named as
 * the task's completion sends them ({@code variables.<field>}).
 */
public final class DispositionRules {

    private DispositionRules() {
    }

    public static List<FieldError> problems(Disposition disposition, Long locationId, Long supplierId,
                                            boolean raisedAtAnOperation) {
        List<FieldError> problems = new ArrayList<>();
        switch (disposition) {
            case SCRAP, RETURN_TO_SUPPLIER -> {
                if (locationId == null) {
                    problems.add(new FieldError("variables.locationId",
                            "is required for " + disposition + ": the stock location the quantity leaves"));
                }
                if (disposition == Disposition.RETURN_TO_SUPPLIER && supplierId == null) {
                    problems.add(new FieldError("variables.supplierId", "is required for RETURN_TO_SUPPLIER"));
                }
            }
            case REWORK -> {
                if (!raisedAtAnOperation) {
                    problems.add(new FieldError("variables.disposition",
                            "REWORK needs a non-conformance raised at a work-order operation"));
                }
            }
            case USE_AS_IS -> {
            }
        }
        return problems;
    }
}
