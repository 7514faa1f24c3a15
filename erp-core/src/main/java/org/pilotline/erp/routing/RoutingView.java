package org.pilotline.erp.routing;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.pilotline.platform.quantity.Decimals.plain;

public record RoutingView(long id, long itemId, String itemCode, String revision, LocalDate validFrom, LocalDate validTo,
                          List<Operation> operations, long version) {

    public record Operation(long id, int operationNo, String name, long workCenterId, String workCenterCode,
                            BigDecimal setupMinutes, BigDecimal runMinutes, BigDecimal transferQuantity,
                            List<Alternative> alternatives) {
    }

    public record Alternative(long workCenterId, String workCenterCode, BigDecimal setupMinutes, BigDecimal runMinutes) {
    }

    public static RoutingView of(Routing r) {
        return new RoutingView(r.id, r.item.id, r.item.code, r.revision, r.validFrom, r.validTo,
                r.operations.stream().map(o -> new Operation(o.id, o.operationNo, o.name, o.workCenter.id, o.workCenter.code,
                        plain(o.setupMinutes), plain(o.runMinutes), plain(o.transferQuantity),
                        o.alternatives.stream().map(a -> new Alternative(a.workCenter.id, a.workCenter.code,
                                plain(a.setupMinutes), plain(a.runMinutes))).toList())).toList(), r.version);
    }
}
