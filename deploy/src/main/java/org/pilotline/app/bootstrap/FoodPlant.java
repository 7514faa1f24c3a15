package org.pilotline.app.bootstrap;

import org.pilotline.app.bootstrap.DemoCalendars.Shift;
import org.pilotline.app.bootstrap.PlantBuilder.Step;
import org.pilotline.erp.bom.RecipeRequest;
import org.pilotline.erp.bom.RecipeRequest.Ingredient;
import org.pilotline.erp.bom.RecipeRequest.Output;
import org.pilotline.erp.bom.structure.StructureVersion.OutputKind;
import org.pilotline.erp.item.ItemType;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.item.Tracking;
import org.pilotline.mes.settings.CountingSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.pilotline.app.bootstrap.DemoReasons.breakdown;
import static org.pilotline.app.bootstrap.DemoReasons.scrap;

/**
 * The process-type demo plant of {@code demo2} at site SZ1: powdered drink ingredients. Batches are mixed on the two
 * mixers of the PLC simulator, then sieved and packed; sieving a chocolate drink powder batch yields coarse granules
 * (a co-product, sold) and fines (a by-product, sold as feed). Ingredients are lot-traced with their best-before dates.
 * Three production orders cover two confirmed sales orders; they are scheduled and released, the first batch is being
 * mixed.
 */
final class FoodPlant {

    static final String ENTERPRISE = "demo2";
    static final String CHOCOLATE = "PM-CHOC";
    /** The badge of {@code demo2-operator}, with the PIN {@link DemoPlants#PIN}. */
    static final String BADGE = "SZ1-001";
    static final List<String> MACHINES = List.of("SZ1-MIX-01", "SZ1-MIX-02");

    private FoodPlant() {
    }

    /** The steps of seeding the plant, in order; each creates only what is missing. */
    static List<SeedingStep> steps() {
        return List.of(new SeedingStep("equipment, calendar and warehouse", FoodPlant::equipment),
                new SeedingStep("simulator machines placed on work units", p -> p.placeMachines(MACHINES)),
                new SeedingStep("items, recipes and routings", FoodPlant::items),
                new SeedingStep("opening stock", FoodPlant::stock),
                new SeedingStep("shop-floor settings, reasons, terminals and badge", FoodPlant::shopFloor),
                new SeedingStep("partners, sales and production orders", FoodPlant::orders),
                new SeedingStep("live schedule solved and orders released", DemoRelease::scheduleAndRelease),
                // the first order is chocolate batch 1: it is in the mixer
                new SeedingStep("first batch under way", p -> DemoRelease.startFirstOperation(p, null)));
    }

    private static void equipment(PlantBuilder p) {
        p.site("SZ1");
        p.area("SZ1", "SZ1-PWD", "粉体车间 Powder plant");
        p.calendar(DemoCalendars.twoShifts("SZ1-2SHIFT", "两班制（周一至周六）Two shifts, Monday to Saturday", 6, p.today(),
                new Shift("早班 Early shift", "06:00", "14:00", "10:00", "10:20"),
                new Shift("中班 Late shift", "14:00", "22:00", "18:00", "18:20")));
        // a batch is mixed in one go: breaks do not interrupt it
        p.workCenter("SZ1-PWD", "SZ1-MIX", "混合 Mixing", 2, "150", "SZ1-2SHIFT", false);
        p.workUnit("SZ1-MIX", "SZ1-MIX-01", "螺带混合机 1 Ribbon blender 1");
        p.workUnit("SZ1-MIX", "SZ1-MIX-02", "螺带混合机 2 Ribbon blender 2");
        p.workCenter("SZ1-PWD", "SZ1-PACK", "筛分包装 Sieving and packing", 1, "110", "SZ1-2SHIFT", true);
        p.workUnit("SZ1-PACK", "SZ1-PACK-01", "筛分包装线 Sieving and packing line");
        p.warehouse("SZ1-WH", "吴中仓库 Wuzhong warehouse", "SZ1");
        p.location("SZ1-WH", "RM", "原料库 Raw materials");
        p.location("SZ1-WH", "STAGE", "配料间 Dispensing room");
        p.location("SZ1-WH", "FG", "成品库 Finished goods");
    }

    private static void items(PlantBuilder p) {
        p.item(CHOCOLATE, "巧克力饮料粉 Chocolate drink powder", ItemType.FINISHED, Sourcing.MAKE, "kg", 2, "28", Tracking.LOT);
        p.item("PM-CHOC-G", "巧克力颗粒（粗粒）Chocolate granules (coarse fraction)", ItemType.FINISHED, Sourcing.MAKE, "kg",
                2, "22", Tracking.LOT);
        p.item("BP-FINES", "筛下细粉（饲料用）Sieve fines (for feed)", ItemType.FINISHED, Sourcing.MAKE, "kg", 0, "1.5",
                Tracking.NONE);
        p.item("PM-MILKTEA", "奶茶粉 Milk tea powder", ItemType.FINISHED, Sourcing.MAKE, "kg", 2, "24", Tracking.LOT);
        p.item("RM-SUGAR", "白砂糖 White sugar", ItemType.RAW, Sourcing.BUY, "kg", 5, "6.2", Tracking.LOT);
        p.item("RM-COCOA", "碱化可可粉 Alkalised cocoa powder", ItemType.RAW, Sourcing.BUY, "kg", 15, "48", Tracking.LOT);
        p.item("RM-SMP", "脱脂奶粉 Skimmed milk powder", ItemType.RAW, Sourcing.BUY, "kg", 20, "26", Tracking.LOT);
        p.item("RM-SALT", "食用盐 Food-grade salt", ItemType.RAW, Sourcing.BUY, "kg", 5, "2.5", Tracking.NONE);
        p.item("RM-VANILLIN", "香兰素 Vanillin", ItemType.RAW, Sourcing.BUY, "kg", 20, "120", Tracking.LOT);
        p.item("RM-TEA", "红茶粉 Black tea powder", ItemType.RAW, Sourcing.BUY, "kg", 20, "90", Tracking.LOT);
        p.item("RM-MALTO", "麦芽糊精 Maltodextrin", ItemType.RAW, Sourcing.BUY, "kg", 10, "5.8", Tracking.LOT);

        // 500 kg mixed give 460 kg of powder, 25 kg of granules (5 % of the cost) and 10 kg of fines; 5 kg are lost
        p.recipe(new RecipeRequest(p.id(CHOCOLATE), "R1", new BigDecimal("500"), new BigDecimal("0.92"),
                new BigDecimal("0.95"), PlantBuilder.EFFECTIVE, null, ingredients(p, "RM-SUGAR", "300", "RM-COCOA", "120",
                "RM-SMP", "74", "RM-SALT", "3", "RM-VANILLIN", "3"), List.of(
                new Output(10, p.id("PM-CHOC-G"), OutputKind.CO_PRODUCT, new BigDecimal("25"), null, new BigDecimal("0.05")),
                new Output(20, p.id("BP-FINES"), OutputKind.BY_PRODUCT, new BigDecimal("10"), null, BigDecimal.ZERO)),
                null));
        p.recipe(new RecipeRequest(p.id("PM-MILKTEA"), "R1", new BigDecimal("400"), new BigDecimal("0.95"), null,
                PlantBuilder.EFFECTIVE, null, ingredients(p, "RM-SUGAR", "170", "RM-SMP", "150", "RM-TEA", "40",
                "RM-MALTO", "40"), List.of(
                new Output(10, p.id("BP-FINES"), OutputKind.BY_PRODUCT, new BigDecimal("8"), null, BigDecimal.ZERO)),
                null));
        p.routing(CHOCOLATE, Step.of(10, "混合 Mixing", "SZ1-MIX", "30", "0.1"),
                Step.of(20, "筛分包装 Sieving and packing", "SZ1-PACK", "20", "0.12"));
        p.routing("PM-MILKTEA", Step.of(10, "混合 Mixing", "SZ1-MIX", "25", "0.09"),
                Step.of(20, "筛分包装 Sieving and packing", "SZ1-PACK", "20", "0.12"));
    }

    private static List<Ingredient> ingredients(PlantBuilder p, String... codesAndQuantities) {
        List<Ingredient> ingredients = new ArrayList<>();
        for (int i = 0; i < codesAndQuantities.length; i += 2) {
            ingredients.add(new Ingredient(10 * (i / 2 + 1), p.id(codesAndQuantities[i]),
                    new BigDecimal(codesAndQuantities[i + 1]), null));
        }
        return ingredients;
    }

    private static void stock(PlantBuilder p) {
        p.stock("RM-SUGAR", "450", "SZ1-WH/STAGE", "SG2610-03", 150);
        p.stock("RM-SUGAR", "700", "SZ1-WH/STAGE", "SG2611-17", 330);
        p.stock("RM-SUGAR", "1000", "SZ1-WH/RM", "SG2611-17", 330);
        p.stock("RM-COCOA", "260", "SZ1-WH/STAGE", "CC2609-11", 200);
        p.stock("RM-SMP", "180", "SZ1-WH/STAGE", "MP2610-05", 60);
        p.stock("RM-SMP", "200", "SZ1-WH/STAGE", "MP2611-02", 270);
        p.stock("RM-SALT", "25", "SZ1-WH/STAGE", null, null);
        p.stock("RM-VANILLIN", "8", "SZ1-WH/STAGE", "VN2608-01", 500);
        p.stock("RM-TEA", "60", "SZ1-WH/STAGE", "TE2610-04", 240);
        p.stock("RM-MALTO", "60", "SZ1-WH/STAGE", "MD2611-09", 360);
    }

    private static void shopFloor(PlantBuilder p) {
        // recipes take their ingredients at the last operation: both work centers draw on the dispensing room
        p.shopFloorSettings("SZ1-MIX", "SZ1-WH/STAGE", "SZ1-WH/FG", CountingSource.TERMINAL);
        p.shopFloorSettings("SZ1-PACK", "SZ1-WH/STAGE", "SZ1-WH/FG", CountingSource.TERMINAL);
        // a batch's yield varies: up to 5 % more than ordered is accepted
        p.overDeliveryTolerance("0.05");
        p.reasons(DemoReasons.tree(List.of(
                        breakdown("DT-BRK-MOTOR", "混合机电机故障", "Mixer motor failure"),
                        breakdown("DT-BRK-SIEVE", "筛网破损", "Torn sieve screen")),
                List.of(scrap("SC-FOREIGN", "异物", "Foreign matter"),
                        scrap("SC-MOISTURE", "水分超标", "Moisture out of specification"),
                        scrap("SC-COLOUR", "色泽不符", "Off-specification colour"),
                        scrap("SC-SPILL", "洒落", "Spillage"))));
        p.terminal("SZ1-T-MIX", "混合终端 Mixing terminal", "SZ1-MIX");
        p.terminal("SZ1-T-PACK", "包装终端 Packing terminal", "SZ1-PACK");
        p.badge("demo2-operator", BADGE, DemoPlants.PIN);
    }

    private static void orders(PlantBuilder p) {
        p.partner("C-SZBAKERY", "苏州示范烘焙有限公司 Suzhou Demo Bakery Co.", true, false);
        p.partner("C-SHDRINKS", "上海示范饮品有限公司 Shanghai Demo Beverages Co.", true, false);
        p.partner("S-GXSUGAR", "广西示范糖业有限公司 Guangxi Demo Sugar Co.", false, true);
        p.salesOrder("演示销售订单 1 demo sales order 1", "C-SZBAKERY", new Object[]{CHOCOLATE, "900", 9, "36"},
                new Object[]{"PM-CHOC-G", "40", 9, "28"});
        p.salesOrder("演示销售订单 2 demo sales order 2", "C-SHDRINKS", new Object[]{"PM-MILKTEA", "380", 6, "32"});
        p.productionOrder("演示：巧克力饮料粉第 1 批 demo: chocolate drink powder, batch 1", CHOCOLATE, "460", 0, 5);
        p.productionOrder("演示：巧克力饮料粉第 2 批 demo: chocolate drink powder, batch 2", CHOCOLATE, "460", 3, 8);
        p.productionOrder("演示：奶茶粉 demo: milk tea powder", "PM-MILKTEA", "380", 0, 4);
    }
}
