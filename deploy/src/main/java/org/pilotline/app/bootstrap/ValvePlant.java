package org.pilotline.app.bootstrap;

import org.pilotline.app.bootstrap.DemoCalendars.Shift;
import org.pilotline.app.bootstrap.PlantBuilder.Component;
import org.pilotline.app.bootstrap.PlantBuilder.Step;
import org.pilotline.erp.item.ItemType;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.item.Tracking;
import org.pilotline.mes.settings.CountingSource;

import java.util.List;

import static org.pilotline.app.bootstrap.DemoReasons.breakdown;
import static org.pilotline.app.bootstrap.DemoReasons.scrap;

/**
 * The discrete demo plant of {@code demo} at site HZ1: DN50 ball valves. A valve assembly is made of a body
 * sub-assembly (machined body from a casting, ball from bar stock, bought stem, seats and O-rings), a handle and bolts —
 * three BOM levels. Bodies and balls are turned and milled on the four CNC machines of the PLC simulator, assembled
 * and pressure-tested on two shifts; two confirmed sales orders are covered by production orders that are scheduled,
 * released, and partly under way.
 */
final class ValvePlant {

    static final String ENTERPRISE = "demo";
    static final String TURNING = "HZ1-TURN";
    /** The badge of {@code demo-operator}, with the PIN {@link DemoPlants#PIN}. */
    static final String BADGE = "HZ1-001";
    static final List<String> MACHINES = List.of("HZ1-CNC-01", "HZ1-CNC-02", "HZ1-CNC-03", "HZ1-CNC-04");

    private ValvePlant() {
    }

    /** The steps of seeding the plant, in order; each creates only what is missing. */
    static List<SeedingStep> steps() {
        return List.of(new SeedingStep("equipment, calendar and warehouse", ValvePlant::equipment),
                new SeedingStep("simulator machines placed on work units", p -> p.placeMachines(MACHINES)),
                new SeedingStep("items, BOMs and routings", ValvePlant::items),
                new SeedingStep("opening stock", ValvePlant::stock),
                new SeedingStep("shop-floor settings, reasons, terminals and badge", ValvePlant::shopFloor),
                new SeedingStep("partners, sales and production orders", ValvePlant::orders),
                new SeedingStep("live schedule solved and orders released", DemoRelease::scheduleAndRelease),
                // the first order is the bodies of sales order 1: its turning is under way, 12 made
                new SeedingStep("first work order under way", p -> DemoRelease.startFirstOperation(p, "12")));
    }

    private static void equipment(PlantBuilder p) {
        p.site("HZ1");
        p.area("HZ1", "HZ1-MCH", "机加工车间 Machining shop");
        p.area("HZ1", "HZ1-ASM", "装配测试车间 Assembly and test shop");
        p.calendar(DemoCalendars.twoShifts("HZ1-2SHIFT", "两班制（周一至周五）Two shifts, Monday to Friday", 5, p.today(),
                new Shift("早班 Early shift", "08:00", "16:00", "12:00", "12:30"),
                new Shift("晚班 Late shift", "16:00", "00:00", "20:00", "20:30")));
        p.workCenter("HZ1-MCH", TURNING, "数控车削 CNC turning", 2, "180", "HZ1-2SHIFT", true);
        p.workUnit(TURNING, "HZ1-CNC-01", "数控车床 1 CNC lathe 1");
        p.workUnit(TURNING, "HZ1-CNC-02", "数控车床 2 CNC lathe 2");
        p.workCenter("HZ1-MCH", "HZ1-MILL", "数控铣削 CNC milling", 2, "220", "HZ1-2SHIFT", true);
        p.workUnit("HZ1-MILL", "HZ1-CNC-03", "加工中心 3 Machining centre 3");
        p.workUnit("HZ1-MILL", "HZ1-CNC-04", "加工中心 4 Machining centre 4");
        p.workCenter("HZ1-ASM", "HZ1-ASSY", "阀门装配 Valve assembly", 2, "90", "HZ1-2SHIFT", true);
        p.workUnit("HZ1-ASSY", "HZ1-ASM-01", "装配台 1 Assembly bench 1");
        p.workUnit("HZ1-ASSY", "HZ1-ASM-02", "装配台 2 Assembly bench 2");
        // a shell test runs in one piece: it is not interrupted by a break
        p.workCenter("HZ1-ASM", "HZ1-TEST", "压力试验 Pressure testing", 1, "120", "HZ1-2SHIFT", false);
        p.workUnit("HZ1-TEST", "HZ1-TST-01", "试压台 Pressure test bench");
        p.warehouse("HZ1-WH", "萧山仓库 Xiaoshan warehouse", "HZ1");
        p.location("HZ1-WH", "RM", "原材料库 Raw materials");
        p.location("HZ1-WH", "STAGE-MCH", "机加线边库 Machining line side");
        p.location("HZ1-WH", "STAGE-ASM", "装配线边库 Assembly line side");
        p.location("HZ1-WH", "FG", "成品库 Finished goods");
    }

    private static void items(PlantBuilder p) {
        p.item("VA-DN50", "球阀总成 DN50 Ball valve assembly DN50", ItemType.FINISHED, Sourcing.MAKE, "pcs", 3, "420",
                Tracking.LOT);
        p.item("BA-DN50", "阀体组件 DN50 Valve body sub-assembly DN50", ItemType.SEMI_FINISHED, Sourcing.MAKE, "pcs", 2,
                "330", Tracking.LOT);
        p.item("BD-DN50", "阀体（机加工）DN50 Machined valve body DN50", ItemType.SEMI_FINISHED, Sourcing.MAKE, "pcs", 2,
                "160", Tracking.LOT);
        p.item("BL-DN50", "球体 DN50 Ball DN50", ItemType.SEMI_FINISHED, Sourcing.MAKE, "pcs", 2, "75", Tracking.LOT);
        // castings and bar are traced by heat number, seats and O-rings by batch with their shelf life; the machined
        // body, the ball and the body sub-assembly carry the lot of their work order, so that a recall of a heat
        // reaches the valves exactly (an untracked step would widen it to every later consumer)
        p.item("CS-DN50", "阀体铸件 WCB DN50 Valve body casting WCB DN50", ItemType.RAW, Sourcing.BUY, "pcs", 15, "95",
                Tracking.LOT);
        p.item("BAR-SS40", "不锈钢圆棒 Ø40 304 Stainless steel bar Ø40 304", ItemType.RAW, Sourcing.BUY, "m", 10, "68",
                Tracking.LOT);
        p.item("ST-DN50", "阀杆 DN50 Valve stem DN50", ItemType.RAW, Sourcing.BUY, "pcs", 10, "18", Tracking.NONE);
        p.item("SL-PTFE50", "PTFE 阀座 DN50 PTFE seat DN50", ItemType.RAW, Sourcing.BUY, "pcs", 20, "6.5", Tracking.LOT);
        p.item("OR-FKM30", "氟橡胶 O 形圈 30×3 FKM O-ring 30×3", ItemType.RAW, Sourcing.BUY, "pcs", 20, "1.2",
                Tracking.LOT);
        p.item("BT-M12", "六角螺栓 M12×40 Hex bolt M12×40", ItemType.RAW, Sourcing.BUY, "pcs", 5, "0.8", Tracking.NONE);
        p.item("HD-DN50", "手柄 DN50 Lever handle DN50", ItemType.RAW, Sourcing.BUY, "pcs", 10, "12", Tracking.NONE);

        p.bom("VA-DN50", new Component("BA-DN50", "1", null, 10), new Component("HD-DN50", "1", null, 10),
                new Component("BT-M12", "4", null, 10));
        p.bom("BA-DN50", new Component("BD-DN50", "1", null, 10), new Component("BL-DN50", "1", null, 10),
                new Component("ST-DN50", "1", null, 10), new Component("SL-PTFE50", "2", null, 10),
                new Component("OR-FKM30", "2", null, 10));
        p.bom("BD-DN50", new Component("CS-DN50", "1", "0.02", 10));
        p.bom("BL-DN50", new Component("BAR-SS40", "0.065", "0.03", 10));

        // the machining centres can turn a body or a ball too, more slowly: the scheduler's alternative
        p.routing("BD-DN50",
                Step.of(10, "车削阀体 Turn body", TURNING, "30", "6").transfer("10").or("HZ1-MILL", "45", "8"),
                Step.of(20, "铣法兰钻孔 Mill flanges and drill", "HZ1-MILL", "40", "9"));
        p.routing("BL-DN50", Step.of(10, "车削球体 Turn ball", TURNING, "20", "5").or("HZ1-MILL", "30", "7"));
        p.routing("BA-DN50", Step.of(10, "阀体组件装配 Assemble body", "HZ1-ASSY", "10", "4"));
        p.routing("VA-DN50", Step.of(10, "总装 Final assembly", "HZ1-ASSY", "10", "3").transfer("10"),
                Step.of(20, "壳体及密封试验 Shell and seat test", "HZ1-TEST", "15", "2"));
    }

    private static void stock(PlantBuilder p) {
        p.stock("CS-DN50", "48", "HZ1-WH/STAGE-MCH", "H26-1107", null);
        p.stock("CS-DN50", "60", "HZ1-WH/STAGE-MCH", "H26-1121", null);
        p.stock("CS-DN50", "20", "HZ1-WH/RM", "H26-1121", null);
        p.stock("BAR-SS40", "12", "HZ1-WH/STAGE-MCH", "R304-26-088", null);
        p.stock("ST-DN50", "120", "HZ1-WH/STAGE-ASM", null, null);
        p.stock("SL-PTFE50", "90", "HZ1-WH/STAGE-ASM", "PT2609", 75);
        p.stock("SL-PTFE50", "150", "HZ1-WH/STAGE-ASM", "PT2611", 420);
        p.stock("OR-FKM30", "80", "HZ1-WH/STAGE-ASM", "FK2608", 40);
        p.stock("OR-FKM30", "200", "HZ1-WH/STAGE-ASM", "FK2611", 700);
        p.stock("BT-M12", "500", "HZ1-WH/STAGE-ASM", null, null);
        p.stock("HD-DN50", "120", "HZ1-WH/STAGE-ASM", null, null);
    }

    private static void shopFloor(PlantBuilder p) {
        // machined parts go straight to the assembly line side; tested valves to finished goods
        p.shopFloorSettings(TURNING, "HZ1-WH/STAGE-MCH", "HZ1-WH/STAGE-ASM", CountingSource.TERMINAL);
        p.shopFloorSettings("HZ1-MILL", "HZ1-WH/STAGE-MCH", "HZ1-WH/STAGE-ASM", CountingSource.MACHINE);
        p.shopFloorSettings("HZ1-ASSY", "HZ1-WH/STAGE-ASM", "HZ1-WH/STAGE-ASM", CountingSource.TERMINAL);
        p.shopFloorSettings("HZ1-TEST", "HZ1-WH/STAGE-ASM", "HZ1-WH/FG", CountingSource.TERMINAL);
        p.reasons(DemoReasons.tree(List.of(
                        breakdown("DT-BRK-SPINDLE", "主轴故障", "Spindle failure"),
                        breakdown("DT-BRK-TOOL", "刀具破损", "Tool breakage"),
                        breakdown("DT-BRK-HYDRAULIC", "液压系统故障", "Hydraulic failure")),
                List.of(scrap("SC-DIMENSION", "尺寸超差", "Dimension out of tolerance"),
                        scrap("SC-SURFACE", "表面缺陷", "Surface defect"),
                        scrap("SC-POROSITY", "铸件砂眼", "Casting porosity"),
                        scrap("SC-LEAK", "试压泄漏", "Leak at the pressure test"))));
        p.terminal("HZ1-T-TURN", "车削终端 Turning terminal", TURNING);
        p.terminal("HZ1-T-MILL", "铣削终端 Milling terminal", "HZ1-MILL");
        p.terminal("HZ1-T-ASSY", "装配终端 Assembly terminal", "HZ1-ASSY");
        p.terminal("HZ1-T-TEST", "试压终端 Test terminal", "HZ1-TEST");
        p.badge("demo-operator", BADGE, DemoPlants.PIN);
    }

    private static void orders(PlantBuilder p) {
        p.partner("C-WLGAS", "西湖示范燃气有限公司 West Lake Demo Gas Co.", true, false);
        p.partner("C-QTWATER", "钱塘示范水务有限公司 Qiantang Demo Water Co.", true, false);
        p.partner("S-SXFOUNDRY", "绍兴示范铸造厂 Shaoxing Demo Foundry", false, true);
        p.partner("S-NBSEALS", "宁波示范密封件有限公司 Ningbo Demo Seals Co.", false, true);
        p.salesOrder("演示销售订单 1 demo sales order 1", "C-WLGAS", new Object[]{"VA-DN50", "40", 10, "680"});
        p.salesOrder("演示销售订单 2 demo sales order 2", "C-QTWATER", new Object[]{"VA-DN50", "60", 17, "665"});
        // each sales order is covered level by level: parts first, then the body, then the valve
        p.productionOrder("演示：销售订单 1 的阀体 demo: bodies for sales order 1", "BD-DN50", "40", 0, 3);
        p.productionOrder("演示：销售订单 1 的球体 demo: balls for sales order 1", "BL-DN50", "40", 0, 3);
        p.productionOrder("演示：销售订单 1 的阀体组件 demo: body sub-assemblies for sales order 1", "BA-DN50", "40", 2, 5);
        p.productionOrder("演示：销售订单 1 的球阀 demo: valves for sales order 1", "VA-DN50", "40", 4, 8);
        p.productionOrder("演示：销售订单 2 的阀体 demo: bodies for sales order 2", "BD-DN50", "60", 5, 9);
        p.productionOrder("演示：销售订单 2 的球体 demo: balls for sales order 2", "BL-DN50", "60", 5, 9);
        p.productionOrder("演示：销售订单 2 的阀体组件 demo: body sub-assemblies for sales order 2", "BA-DN50", "60", 8, 12);
        p.productionOrder("演示：销售订单 2 的球阀 demo: valves for sales order 2", "VA-DN50", "60", 10, 15);
    }
}
