package org.pilotline.erp.bom;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.pilotline.platform.quantity.Decimals.plain;

public record BomView(long id, long itemId, String itemCode, String revision, BigDecimal baseQuantity,
                      LocalDate validFrom, LocalDate validTo, List<Line> lines, long version) {

    public record Line(int lineNo, long componentId, String componentCode, BigDecimal quantity, long unitId, String unit,
                       BigDecimal scrapFactor, boolean phantom, Integer operationNo) {
    }

    public static BomView of(Bom b) {
        return new BomView(b.id, b.item.id, b.item.code, b.revision, plain(b.baseQuantity), b.validFrom, b.validTo,
                b.lines.stream().map(l -> new Line(l.lineNo, l.component.id, l.component.code, plain(l.quantity),
                        l.unit.id, l.unit.code, plain(l.scrapFactor), l.phantom, l.operationNo)).toList(), b.version);
    }
}
