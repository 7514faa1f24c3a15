package org.pilotline.erp.mrp.engine.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A node of a pegging tree: either a demand or a supply (the other is null), with the quantity of it that this
 * branch accounts for (in that element's item's unit). Upwards from an order, a supply's children are the demands
 * it serves and a dependent demand's only child is the parent order it comes from; downwards from a demand, a
 * demand's children are the supplies serving it and a made order's children are its component demands.
 */
public record PeggingNode(Demand demand, Supply supply, BigDecimal quantity, List<PeggingNode> children) {

    public boolean isDemand() {
        return demand != null;
    }

    /** All leaves under this node (for the upward tree: the top-level demands and the surplus). */
    public List<PeggingNode> leaves() {
        if (children.isEmpty()) {
            return List.of(this);
        }
        return children.stream().flatMap(child -> child.leaves().stream()).toList();
    }
}
