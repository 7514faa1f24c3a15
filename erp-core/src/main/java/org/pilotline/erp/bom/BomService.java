package org.pilotline.erp.bom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.erp.unit.Unit;
import org.pilotline.erp.unit.UnitService;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BOM revisions of the caller's enterprise. */
@ApplicationScoped
public class BomService {

    @Inject
    TenantContext tenant;

    @Inject
    StructureService structures;

    @Inject
    UnitService units;

    public Page<BomView> listBoms(PageRequest page, Long itemId, Long componentId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "b.item.id = :item", "item", () -> itemId)
                .and(componentId != null, "exists (select l from BomLine l where l.bom = b and l.component.id = :component)",
                        "component", () -> componentId);
        return Lookups.page(Bom.find("from Bom b where " + filter.where(),
                page.toSort(Map.of("revision", "revision", "validFrom", "validFrom"), "id"), filter.parameters()),
                page, BomView::of);
    }

    public BomView getBom(long id) {
        tenant.requireEnterprise();
        return BomView.of(Lookups.require(Bom.class, "BOM", id));
    }

    @Transactional
    public BomView saveBom(Long id, BomRequest r) {
        tenant.requireEnterprise();
        Bom bom = id == null ? new Bom() : Lookups.require(Bom.class, "BOM", id);
        if (id != null) {
            Versions.requireCurrent("BOM", id, r.version(), bom.version);
        }
        Item parent = Lookups.reference(Item.class, "Item", r.itemId(), "itemId");
        List<FieldError> problems = new ArrayList<>();
        if (parent.sourcing != Sourcing.MAKE) {
            problems.add(new FieldError("itemId", "item '" + parent.code + "' is bought, not made"));
        }
        Set<Integer> lineNumbers = new HashSet<>();
        List<BomLine> lines = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            BomRequest.Line l = r.lines().get(i);
            String field = "lines[" + i + "]";
            int lineNo = l.lineNo() == null ? (i + 1) * 10 : l.lineNo();
            if (!lineNumbers.add(lineNo)) {
                problems.add(new FieldError(field + ".lineNo", "is used twice"));
            }
            if (l.componentId().equals(r.itemId())) {
                problems.add(new FieldError(field + ".componentId", "an item cannot be its own component"));
                continue;
            }
            BomLine line = new BomLine();
            line.lineNo = lineNo;
            line.component = Lookups.reference(Item.class, "Item", l.componentId(), field + ".componentId");
            line.unit = l.unitId() == null ? line.component.stockUnit
                    : Lookups.reference(Unit.class, "Unit", l.unitId(), field + ".unitId");
            units.convert(l.quantity(), line.unit.id, line.component.stockUnit.id, line.component.id, field + ".unitId");
            line.quantity = l.quantity();
            line.scrapFactor = l.scrapFactor() == null ? BigDecimal.ZERO : l.scrapFactor();
            line.phantom = Boolean.TRUE.equals(l.phantom());
            line.operationNo = l.operationNo();
            lines.add(line);
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-bom", "The BOM is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
        if (Bom.count("item = ?1 and revision = ?2 and id <> ?3", parent, r.revision(), id == null ? -1L : id) > 0) {
            throw DomainException.conflict("duplicate-revision", "The revision exists",
                    "Item '" + parent.code + "' already has BOM revision " + r.revision(),
                    new FieldError("revision", "is already used for this item"));
        }
        structures.requireNoOverlap(parent, r.validFrom(), r.validTo(), id, null);
        structures.requireNoCycle(parent, lines.stream().map(l -> l.component.id).toList(), "lines");
        bom.item = parent;
        bom.revision = r.revision();
        bom.baseQuantity = r.baseQuantity() == null ? BigDecimal.ONE : r.baseQuantity();
        bom.validFrom = r.validFrom();
        bom.validTo = r.validTo();
        bom.lines.clear();
        if (id != null) {
            Bom.flush();
        }
        lines.forEach(line -> {
            line.bom = bom;
            bom.lines.add(line);
        });
        bom.persist();
        if (id != null) {
            Versions.bump(bom);
        }
        Bom.flush();
        return BomView.of(bom);
    }

    @Transactional
    public void deleteBom(long id) {
        tenant.requireEnterprise();
        Lookups.deleteUnlessReferenced(Lookups.require(Bom.class, "BOM", id), "BOM " + id);
    }
}
