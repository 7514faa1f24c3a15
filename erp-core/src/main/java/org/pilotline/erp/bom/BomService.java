package org.pilotline.erp.bom;

import jakarta.enterprise.context.ApplicationScoped;
import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.erp.item.Item;
import org.pilotline.platform.persistence.Lookups;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** BOM revisions of the caller's enterprise. */
@ApplicationScoped
public class BomService extends StructureRevisionService<Bom, BomRequest, BomView> {

    private static final Kind BOM = new Kind("BOM", "BOM", "invalid-bom", "lines",
            "exists (select l from BomLine l where l.bom = s and l.component.id = :component)");

    BomService() {
        super(BOM, Bom.class, Bom::new, (query, sort, parameters) -> Bom.find(query, sort, parameters), BomView::of);
    }

    @Override
    Header header(BomRequest r) {
        return new Header(r.itemId(), r.itemCode(), r.revision(), r.validFrom(), r.validTo(), r.version());
    }

    @Override
    Lines<Bom> lines(BomRequest r, Item parent, Problems problems) {
        Set<Integer> lineNumbers = new HashSet<>();
        List<BomLine> lines = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            BomRequest.Line l = r.lines().get(i);
            String field = "lines[" + i + "]";
            int lineNo = problems.lineNo(l.lineNo(), i, lineNumbers, field);
            Item component = Lookups.reference(Item.class, "Item", l.componentId(), l.componentCode(),
                    field + ".componentId");
            if (component.id.equals(parent.id)) {
                problems.add(field + ".componentId", "an item cannot be its own component");
                continue;
            }
            BomLine line = new BomLine();
            line.lineNo = lineNo;
            line.component = component;
            line.unit = unitOf(line.component, l.unitId(), l.unitCode(), l.quantity(), field);
            line.quantity = l.quantity();
            line.scrapFactor = l.scrapFactor() == null ? BigDecimal.ZERO : l.scrapFactor();
            line.phantom = Boolean.TRUE.equals(l.phantom());
            line.operationNo = l.operationNo();
            lines.add(line);
        }
        return new Lines<>() {
            @Override
            public List<Long> consumedItemIds() {
                return lines.stream().map(l -> l.component.id).toList();
            }

            @Override
            public void attachTo(Bom bom) {
                lines.forEach(line -> {
                    line.bom = bom;
                    bom.lines.add(line);
                });
            }
        };
    }

    @Override
    StructureVersion normalise(DatabaseStructureSource source, Bom bom) {
        return source.normalise(bom);
    }

    @Override
    void writeOwnHeader(Bom bom, BomRequest r) {
        bom.baseQuantity = r.baseQuantity() == null ? BigDecimal.ONE : r.baseQuantity();
    }
}
