package org.pilotline.mes.material;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.pilotline.erp.bom.Bom;
import org.pilotline.erp.bom.BomLine;
import org.pilotline.erp.bom.Recipe;
import org.pilotline.erp.bom.RecipeIngredient;
import org.pilotline.erp.bom.RecipeOutput;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Tracking;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.unit.UnitService;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The components and outputs of one production order, per unit of the good quantity reported, in stock units: from the
 * BOM revision the order follows (phantom lines blown through to their own components) or from its recipe
 * (ingredients and co-/by-products per batch ÷ the batch's expected output).
 */
@ApplicationScoped
public class OrderStructure {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final int PHANTOM_DEPTH = 10;

    /** A further output of a recipe, per unit of the main product. */
    public record Output(long itemId, BigDecimal perUnit, int decimals) {
    }

    /**
     * {@code items}: the components and the order's product as unmanaged instances (id, version, code, name, tracking,
     * negative-stock rule), when the structure's own read gave them (a plain BOM); empty otherwise.
     */
    public record Structure(List<Backflush.ComponentLine> components, List<Output> byAndCoProducts,
                            java.util.Map<Long, Item> items) {
        public Structure(List<Backflush.ComponentLine> components, List<Output> byAndCoProducts) {
            this(components, byAndCoProducts, java.util.Map.of());
        }
    }

    /** A plain BOM's lines and the items they and the order's product are, as read in one statement. */
    private record Plain(List<Backflush.ComponentLine> lines, java.util.Map<Long, Item> items) {
    }

    @Inject
    UnitService units;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /**
     * The structure of a production order. A plain BOM — no phantom line, every line in its component's stock unit,
     * the usual case on the shop floor — is read in one statement, without loading the order, the BOM, its lines,
     * items and units as entities (which every later flush of the report's transaction would check again); anything
     * else (recipes, phantoms, unit conversions) through {@link #of(ProductionOrder)}. Both give the same lines. The
     * plain read also returns the items the booking moves (the components and the order's product), which the booking
     * read with a statement of its own before (mesperf5); read in the report's transaction like that one, so the
     * negative-stock rule is the one in force now.
     */
    public Structure ofProductionOrder(long productionOrderId) {
        Structure plain = ofProductionOrders(List.of(productionOrderId)).get(productionOrderId);
        return plain != null ? plain : of(em.find(ProductionOrder.class, productionOrderId));
    }

    /**
     * {@link #ofProductionOrder(long)} of several orders, the plain ones read with one statement (the reports of a
     * group: the structures of their orders are read at the group's start), by order id. An order of another
     * enterprise, or none, is absent.
     */
    public java.util.Map<Long, Structure> ofProductionOrders(java.util.Collection<Long> productionOrderIds) {
        java.util.Map<Long, Structure> structures = new java.util.HashMap<>();
        if (productionOrderIds.isEmpty()) {
            return structures;
        }
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(productionOrderIds));
        String tenantId = tenant.requireEnterprise();
        // plain JDBC: a native query would still cost an auto-flush check of everything the report's session holds
        java.util.Map<Long, Optional<Plain>> read = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("select p.recipe_id, b.base_quantity, l.component_id,"
                    + " l.quantity, l.unit_id, i.stock_unit_id, u.decimals, l.scrap_factor, l.operation_no, l.phantom,"
                    + " l.line_no, i.version, i.code, i.name, i.tracking, i.allow_negative_stock,"
                    + " pi.id, pi.version, pi.code, pi.name, pi.tracking, pi.allow_negative_stock, p.id"
                    + " from production_order p left join bom b on b.id = p.bom_id"
                    + " left join bom_line l on l.bom_id = b.id"
                    + " left join item i on i.id = l.component_id and i.tenant_id = p.tenant_id"
                    + " left join unit u on u.id = i.stock_unit_id"
                    + " left join item pi on pi.id = p.item_id and pi.tenant_id = p.tenant_id"
                    + " where p.id " + (ids.size() == 1 ? "= ?" : "in (" + org.pilotline.platform.persistence.SqlValues.placeholders(ids.size()) + ")") + " and p.tenant_id = ?")) {
                // in line order: sorted here, not by the server (mesperf5)
                for (int i = 0; i < ids.size(); i++) {
                    select.setLong(i + 1, ids.get(i));
                }
                select.setString(ids.size() + 1, tenantId);
                // per order: by line number, unique in a BOM (uk_bom_line); empty once the order is found not plain
                java.util.Map<Long, Optional<java.util.TreeMap<Integer, Backflush.ComponentLine>>> lines = new java.util.HashMap<>();
                java.util.Map<Long, java.util.Map<Long, Item>> items = new java.util.HashMap<>();
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        long order = r.getLong(23);
                        Optional<java.util.TreeMap<Integer, Backflush.ComponentLine>> ofOrder =
                                lines.computeIfAbsent(order, o -> Optional.of(new java.util.TreeMap<>()));
                        if (ofOrder.isEmpty()) {
                            continue;
                        }
                        Long recipe = r.getObject(1, Long.class);
                        Long component = r.getObject(3, Long.class);
                        boolean phantom = r.getBoolean(10);
                        if (recipe != null || phantom || (component != null && r.getLong(5) != r.getLong(6))) {
                            lines.put(order, Optional.empty());
                            continue;
                        }
                        java.util.Map<Long, Item> ofItems = items.computeIfAbsent(order, o -> new java.util.HashMap<>());
                        if (r.getObject(17) != null) {
                            ofItems.putIfAbsent(r.getLong(17), item(r, 17, tenantId));
                        }
                        if (component == null) {
                            continue; // no BOM, or a BOM without lines
                        }
                        BigDecimal perUnit = r.getBigDecimal(4).divide(r.getBigDecimal(2), PRECISION);
                        ofOrder.get().put(r.getInt(11), new Backflush.ComponentLine(component, perUnit, r.getBigDecimal(8),
                                r.getObject(9, Integer.class), r.getInt(7)));
                        ofItems.putIfAbsent(component, item(r, 3, 12, tenantId));
                    }
                }
                java.util.Map<Long, Optional<Plain>> plain = new java.util.HashMap<>();
                lines.forEach((order, ofOrder) -> plain.put(order, ofOrder.map(l -> new Plain(new ArrayList<>(l.values()),
                        items.getOrDefault(order, java.util.Map.of())))));
                return plain;
            }
        });
        read.forEach((order, plain) -> structures.put(order, plain.map(p -> new Structure(p.lines(), List.of(), p.items()))
                .orElseGet(() -> of(em.find(ProductionOrder.class, order)))));
        return structures;
    }

    /** An item whose id is in column {@code idColumn} and version, code, name, tracking, rule from the next five. */
    private static Item item(ResultSet r, int idColumn, String tenantId) throws java.sql.SQLException {
        return item(r, idColumn, idColumn + 1, tenantId);
    }

    /** An item whose id is in column {@code idColumn}, its version, code, name, tracking and rule from {@code from}. */
    private static Item item(ResultSet r, int idColumn, int from, String tenantId) throws java.sql.SQLException {
        Item item = new Item();
        item.id = r.getLong(idColumn);
        item.version = r.getLong(from);
        item.tenantId = tenantId;
        item.code = r.getString(from + 1);
        item.name = r.getString(from + 2);
        item.tracking = Tracking.valueOf(r.getString(from + 3));
        item.allowNegativeStock = r.getBoolean(from + 4);
        return item;
    }

    public Structure of(ProductionOrder order) {
        if (order.recipe != null) {
            return ofRecipe(order.recipe);
        }
        List<Backflush.ComponentLine> lines = new ArrayList<>();
        if (order.bom != null) {
            addBomLines(order.bom, BigDecimal.ONE, null, order.startDate, lines, 0);
        }
        return new Structure(lines, List.of());
    }

    private void addBomLines(Bom bom, BigDecimal factor, Integer inheritedOperation, LocalDate date,
                             List<Backflush.ComponentLine> lines, int depth) {
        for (BomLine line : bom.lines) {
            BigDecimal inStockUnit = units.convert(line.quantity, line.unit.id, line.component.stockUnit.id,
                    line.component.id, "unitId");
            BigDecimal perUnit = inStockUnit.multiply(factor).divide(bom.baseQuantity, PRECISION);
            Integer operation = inheritedOperation != null ? inheritedOperation : line.operationNo;
            if (line.phantom && depth < PHANTOM_DEPTH) {
                Bom phantomBom = effectiveBom(line.component.id, date);
                if (phantomBom != null) {
                    BigDecimal scrap = line.scrapFactor == null ? BigDecimal.ZERO : line.scrapFactor;
                    addBomLines(phantomBom, perUnit.multiply(BigDecimal.ONE.add(scrap)), operation, date, lines, depth + 1);
                    continue;
                }
            }
            lines.add(new Backflush.ComponentLine(line.component.id, perUnit, line.scrapFactor, operation,
                    line.component.stockUnit.decimals));
        }
    }

    private static Bom effectiveBom(long itemId, LocalDate date) {
        return Bom.<Bom>list("item.id = ?1", itemId).stream()
                .filter(b -> !date.isBefore(b.validFrom) && (b.validTo == null || date.isBefore(b.validTo)))
                .findFirst().orElse(null);
    }

    private Structure ofRecipe(Recipe recipe) {
        BigDecimal batchOutput = recipe.batchSize.multiply(recipe.expectedYield);
        List<Backflush.ComponentLine> lines = new ArrayList<>();
        for (RecipeIngredient ingredient : recipe.ingredients) {
            BigDecimal inStockUnit = units.convert(ingredient.quantity, ingredient.unit.id, ingredient.item.stockUnit.id,
                    ingredient.item.id, "unitId");
            lines.add(new Backflush.ComponentLine(ingredient.item.id, inStockUnit.divide(batchOutput, PRECISION),
                    BigDecimal.ZERO, null, ingredient.item.stockUnit.decimals));
        }
        List<Output> outputs = new ArrayList<>();
        for (RecipeOutput output : recipe.outputs) {
            if (output.item.id.equals(recipe.item.id)) {
                continue; // the main product is what the terminal reports as good
            }
            BigDecimal inStockUnit = units.convert(output.quantity, output.unit.id, output.item.stockUnit.id,
                    output.item.id, "unitId");
            outputs.add(new Output(output.item.id, inStockUnit.divide(batchOutput, PRECISION), output.item.stockUnit.decimals));
        }
        return new Structure(lines, outputs);
    }
}
