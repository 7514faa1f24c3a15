package org.pilotline.erp.mrp.engine.model;

import java.util.List;

/**
 * Something wrong with the planning input, named so that a planner can fix the master data.
 *
 * @param kind      a stable slug: "unknown-item", "bom-cycle", "invalid-lot-size", …
 * @param message   what is wrong, in words
 * @param itemCodes the items concerned; for a cycle, the cycle in order, the first item repeated at the end
 */
public record InputProblem(String kind, String message, List<String> itemCodes) {

    public InputProblem {
        itemCodes = List.copyOf(itemCodes);
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
