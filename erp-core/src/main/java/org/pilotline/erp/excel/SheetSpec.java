package org.pilotline.erp.excel;

import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.erp.item.ItemType;
import org.pilotline.erp.item.LotSizing;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.item.Tracking;

import java.util.List;
import java.util.Optional;

/**
 * A sheet of the master-data workbook. Row 1 holds the Chinese headers, row 2 the English ones, data starts in row 3;
 * columns are found by either header, so their order does not matter.
 */
public record SheetSpec(String key, String name, List<Column> columns) {

    public static final int FIRST_DATA_ROW = 3;

    public Optional<Column> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public static final SheetSpec ITEMS = new SheetSpec("items", "Items 物料", List.of(
            Column.text("code", "物料编码", "Item code", true),
            Column.text("name", "物料名称", "Name", true),
            Column.text("description", "描述", "Description", false),
            Column.choice("type", "物料类型", "Type", true, ItemType.values()),
            Column.choice("sourcing", "自制/外购", "Make or buy", true, Sourcing.values()),
            Column.text("unit", "库存单位", "Stock unit", true),
            Column.integer("leadTimeDays", "提前期(工作日)", "Lead time (working days)", true),
            Column.choice("lotSizing", "批量策略", "Lot sizing", false, LotSizing.values()),
            Column.decimal("lotSizeQuantity", "固定批量", "Fixed lot quantity", false),
            Column.decimal("lotSizeMinimum", "最小批量", "Minimum lot", false),
            Column.decimal("lotSizeMaximum", "最大批量", "Maximum lot", false),
            Column.decimal("lotSizeMultiple", "批量倍数", "Lot multiple", false),
            Column.integer("periodsOfSupply", "供应期数", "Periods of supply", false),
            Column.decimal("safetyStock", "安全库存", "Safety stock", false),
            Column.decimal("standardCost", "标准成本", "Standard cost", false),
            Column.decimal("standardLotSize", "标准批量", "Standard lot size", false),
            Column.choice("tracking", "批次/序列号管理", "Tracking", false, Tracking.values()),
            Column.bool("allowNegativeStock", "允许负库存", "Allow negative stock"),
            Column.bool("active", "有效", "Active")));

    public static final SheetSpec WORK_CENTERS = new SheetSpec("workCenters", "Work centers 工作中心", List.of(
            Column.text("code", "工作中心编码", "Work center code", true),
            Column.text("name", "名称", "Name", true),
            Column.text("site", "工厂编码", "Site code", true),
            Column.text("area", "车间编码", "Area code", true),
            Column.integer("parallelUnits", "并行数", "Parallel units", true),
            Column.decimal("hourlyRate", "小时费率", "Hourly rate", true),
            Column.text("calendar", "日历编码", "Calendar code", false),
            Column.bool("breaksInterrupt", "休息可中断工序", "Breaks interrupt operations")));

    public static final SheetSpec BOM_LINES = new SheetSpec("bomLines", "BOM lines BOM明细", List.of(
            Column.text("parent", "父项编码", "Parent item", true),
            Column.text("revision", "版本", "Revision", true),
            Column.date("validFrom", "生效日期", "Valid from", true),
            Column.date("validTo", "失效日期", "Valid to", false),
            Column.decimal("baseQuantity", "父项基数", "Base quantity", false),
            Column.integer("lineNo", "行号", "Line no", true),
            Column.text("component", "子项编码", "Component", true),
            Column.decimal("quantity", "用量", "Quantity", true),
            Column.text("unit", "单位", "Unit", false),
            Column.decimal("scrapFactor", "损耗率", "Scrap factor", false),
            Column.bool("phantom", "虚拟件", "Phantom"),
            Column.integer("operationNo", "工序号", "Operation no", false)));

    public static final SheetSpec RECIPES = new SheetSpec("recipes", "Recipes 配方", List.of(
            Column.text("product", "产品编码", "Product", true),
            Column.text("revision", "版本", "Revision", true),
            Column.date("validFrom", "生效日期", "Valid from", true),
            Column.date("validTo", "失效日期", "Valid to", false),
            Column.decimal("batchSize", "批量", "Batch size", true),
            Column.decimal("expectedYield", "预计收率", "Expected yield", false),
            Column.decimal("costAllocation", "主产品成本分摊", "Main product cost share", false),
            Column.choice("lineKind", "行类型", "Line kind", true, RecipeLineKind.values()),
            Column.integer("lineNo", "行号", "Line no", true),
            Column.text("item", "物料编码", "Item", true),
            Column.decimal("quantity", "数量", "Quantity", true),
            Column.text("unit", "单位", "Unit", false),
            Column.decimal("lineCostAllocation", "成本分摊", "Cost share", false)));

    public static final SheetSpec ROUTINGS = new SheetSpec("routings", "Routings 工艺路线", List.of(
            Column.text("item", "物料编码", "Item", true),
            Column.text("revision", "版本", "Revision", true),
            Column.date("validFrom", "生效日期", "Valid from", true),
            Column.date("validTo", "失效日期", "Valid to", false),
            Column.integer("operationNo", "工序号", "Operation no", true),
            Column.text("name", "工序名称", "Operation", true),
            Column.text("workCenter", "工作中心", "Work center", true),
            Column.decimal("setupMinutes", "准备时间(分)", "Setup minutes", false),
            Column.decimal("runMinutes", "单件工时(分)", "Run minutes per unit", true),
            Column.decimal("transferQuantity", "转移批量", "Transfer quantity", false),
            Column.text("alternatives", "替代工作中心", "Alternatives (code:run[:setup];…)", false)));

    public static final SheetSpec OPENING_STOCK = new SheetSpec("openingStock", "Opening stock 期初库存", List.of(
            Column.text("item", "物料编码", "Item", true),
            Column.text("warehouse", "仓库编码", "Warehouse", true),
            Column.text("location", "库位编码", "Location", true),
            Column.text("lot", "批号/序列号", "Lot or serial", false),
            Column.decimal("quantity", "数量(库存单位)", "Quantity (stock unit)", true),
            Column.date("expiresOn", "有效期至", "Expires on", false)));

    /** The sheets, in the order an import applies them. */
    public static final List<SheetSpec> ALL = List.of(ITEMS, WORK_CENTERS, BOM_LINES, RECIPES, ROUTINGS, OPENING_STOCK);

    /** Kinds of recipe lines on the recipe sheet. */
    public enum RecipeLineKind {
        INGREDIENT, CO_PRODUCT, BY_PRODUCT;

        StructureVersion.OutputKind outputKind() {
            return this == CO_PRODUCT ? StructureVersion.OutputKind.CO_PRODUCT : StructureVersion.OutputKind.BY_PRODUCT;
        }
    }
}
