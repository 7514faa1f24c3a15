package org.pilotline.mes.material;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which components an operation consumes for the quantity it produced: the structure lines linked to the operation by
 * its number, and at the last operation every line that is linked to no operation of the routing. Quantities are in the
 * component's stock unit and include the line's planned scrap, rounded up to what the unit keeps (a half screw is a
 * screw taken from the bin). Plain Java.
 */
public final class Backflush {

    /**
     * One component line of the order's structure, already in the component's stock unit and per one unit of what the
     * operation produces (a BOM line's quantity ÷ the BOM's base quantity; a recipe ingredient ÷ batch output).
     */
    public record ComponentLine(long itemId, BigDecimal perUnit, BigDecimal scrapFactor, Integer operationNo,
                                int decimals) {
    }

    public record Requirement(long itemId, BigDecimal quantity) {
    }

    private Backflush() {
    }

    public static List<Requirement> requirements(List<ComponentLine> lines, int operationNo, boolean lastOperation,
                                                 Set<Integer> routingOperationNos, BigDecimal produced) {
        List<Requirement> requirements = new ArrayList<>();
        if (produced.signum() <= 0) {
            return requirements;
        }
        for (ComponentLine line : lines) {
            boolean linkedHere = line.operationNo() != null && line.operationNo() == operationNo;
            boolean unlinked = line.operationNo() == null || !routingOperationNos.contains(line.operationNo());
            if (!linkedHere && !(lastOperation && unlinked)) {
                continue;
            }
            BigDecimal scrap = line.scrapFactor() == null ? BigDecimal.ZERO : line.scrapFactor();
            BigDecimal quantity = produced.multiply(line.perUnit()).multiply(BigDecimal.ONE.add(scrap))
                    .setScale(line.decimals(), RoundingMode.UP);
            if (quantity.signum() > 0) {
                requirements.add(new Requirement(line.itemId(), quantity));
            }
        }
        return requirements;
    }
}
