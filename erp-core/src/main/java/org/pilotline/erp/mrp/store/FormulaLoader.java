package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the formulas of the planning input: every BOM version with its lines and every recipe with its ingredients
 * and outputs, quantities in the component's stock unit, each with the routing revision effective when it starts.
 */
final class FormulaLoader {

    /** A routing revision and its effectivity as text: {revision, valid from, valid to or null}. */
    private record RoutingRevision(String revision, String validFrom, String validTo) {
    }

    private final TenantQuery query;
    private final ItemUnits items;

    FormulaLoader(TenantQuery query, ItemUnits items) {
        this.query = query;
        this.items = items;
    }

    void load(PlanningInput.Builder input) throws SQLException {
        Map<Long, List<RoutingRevision>> routings = new HashMap<>();
        query.forEach("select item_id, revision, valid_from, valid_to from routing where tenant_id = ?"
                + " order by item_id, valid_from, id", row ->
                routings.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new RoutingRevision(
                        row.getString(2), row.getString(3), row.getString(4))));
        loadBoms(input, routings);
        loadRecipes(input, routings);
    }

    private void loadBoms(PlanningInput.Builder input, Map<Long, List<RoutingRevision>> routings)
            throws SQLException {
        Map<Long, List<BomLine>> lines = new HashMap<>();
        query.forEach("select bom_id, component_id, quantity, unit_id, scrap_factor, phantom from bom_line"
                + " where tenant_id = ? order by bom_id, line_no", row -> {
            long component = row.getLong(2);
            lines.computeIfAbsent(row.getLong(1), k -> new ArrayList<>(4)).add(new BomLine(items.code(component),
                    items.toStockUnit(row.getBigDecimal(3), row.getLong(4), component), row.getBigDecimal(5),
                    row.getBoolean(6)));
        });
        query.forEach("select id, item_id, revision, base_quantity, valid_from, valid_to from bom where tenant_id = ?"
                        + " order by id",
                row -> {
                    long item = row.getLong(2);
                    LocalDate from = row.getDate(5).toLocalDate();
                    input.bom(new BomVersion(items.code(item), row.getString(3), from, Jdbc.date(row.getDate(6)),
                            row.getBigDecimal(4), routingAt(routings.get(item), from),
                            lines.getOrDefault(row.getLong(1), List.of())));
                });
    }

    private void loadRecipes(PlanningInput.Builder input, Map<Long, List<RoutingRevision>> routings)
            throws SQLException {
        Map<Long, List<RecipeIngredient>> ingredients = new HashMap<>();
        query.forEach("select recipe_id, item_id, quantity, unit_id from recipe_ingredient where tenant_id = ?"
                + " order by recipe_id, line_no", row -> {
            long item = row.getLong(2);
            ingredients.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new RecipeIngredient(
                    items.code(item), items.toStockUnit(row.getBigDecimal(3), row.getLong(4), item)));
        });
        Map<Long, List<RecipeOutput>> outputs = new HashMap<>();
        query.forEach("select recipe_id, item_id, quantity, unit_id, kind from recipe_output where tenant_id = ?"
                + " order by recipe_id, line_no", row -> {
            long item = row.getLong(2);
            outputs.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new RecipeOutput(items.code(item),
                    items.toStockUnit(row.getBigDecimal(3), row.getLong(4), item),
                    "CO_PRODUCT".equals(row.getString(5)) ? OutputKind.CO_PRODUCT : OutputKind.BY_PRODUCT));
        });
        query.forEach("select id, item_id, revision, batch_size, expected_yield, valid_from, valid_to from recipe"
                + " where tenant_id = ? order by id", row -> {
            long item = row.getLong(2);
            LocalDate from = row.getDate(6).toLocalDate();
            input.recipe(new Recipe(items.code(item), row.getString(3), from, Jdbc.date(row.getDate(7)),
                    routingAt(routings.get(item), from), row.getBigDecimal(4), row.getBigDecimal(5),
                    ingredients.getOrDefault(row.getLong(1), List.of()), outputs.getOrDefault(row.getLong(1), List.of())));
        });
    }

    /** The routing revision effective on {@code day}, else the latest one. */
    private static String routingAt(List<RoutingRevision> revisions, LocalDate day) {
        if (revisions == null) {
            return null;
        }
        String latest = null;
        String latestFrom = null;
        for (RoutingRevision revision : revisions) {
            LocalDate from = LocalDate.parse(revision.validFrom());
            if (!day.isBefore(from) && (revision.validTo() == null || day.isBefore(LocalDate.parse(revision.validTo())))) {
                return revision.revision();
            }
            if (latestFrom == null || revision.validFrom().compareTo(latestFrom) > 0) {
                latest = revision.revision();
                latestFrom = revision.validFrom();
            }
        }
        return latest;
    }
}
