package org.pilotline.app.bootstrap;

import org.pilotline.erp.enterprise.ManufacturingType;
import org.pilotline.erp.enterprise.UnifiedSocialCreditCode;

import java.util.List;

import static org.pilotline.erp.enterprise.ManufacturingType.DISCRETE;
import static org.pilotline.erp.enterprise.ManufacturingType.PROCESS;

/**
 * The generated pilot enterprises of the embedded demo programme: 28 beside {@code demo} and {@code demo2}, in the
 * cohorts the programme grew by (9 selected in 2024, 12 more in 2025, and with the two demo enterprises 9 in 2026),
 * across industries and both manufacturing types. How well each one runs — breakdowns, micro-stops, scrap, speed
 * losses, idle time between orders, gaps in its machine data — follows from its {@code maturity} (0 a beginner, 1 a
 * model case) and a seed of its own, so that the bureau's side-by-side comparison shows realistic differences.
 */
final class DemoPilots {

    /** A work center of an industry: its code suffix, names, and its machines' code prefix and names. */
    record Center(String suffix, String nameZh, String nameEn, String machineZh, String machineEn) {
    }

    /**
     * A product made on one work center: the routing's planned setup and run time per unit come from
     * {@code setupMinutes} and {@code cycleSeconds} / {@code unitsPerCycle}; a cycle of the machine makes
     * {@code unitsPerCycle} units (one piece, or a batch of kilograms or metres).
     */
    record Product(String suffix, String nameZh, String nameEn, String unit, int center, int cycleSeconds,
                   int unitsPerCycle, int setupMinutes) {
    }

    /**
     * An industry: its label, manufacturing type, work centers and products, and its working pattern ({@code shifts}
     * of eight hours a day, 2 or 3, on the weekdays 1 to {@code lastWeekday}).
     */
    record Industry(String label, ManufacturingType type, List<Center> centers, List<Product> products, int shifts,
                    int lastWeekday) {
    }

    /** A generated pilot enterprise. */
    record Pilot(String code, String nameZh, String nameEn, String siteCode, String cityZh, String cityEn,
                 String region, Industry industry, int cohort, int machines, double maturity) {

        String name() {
            return nameZh + " (" + nameEn + ")";
        }

        String creditCode(int index) {
            return UnifiedSocialCreditCode.withCheckCharacter("91" + region + "MADP" + String.format("%02d", index)
                    + "Q70");
        }

        /** A stable seed of its own: the same enterprise generates the same history on every run. */
        long seed() {
            return code.hashCode() * 1_000_003L;
        }
    }

    static final Industry VALVES = new Industry("通用设备制造 / valves", DISCRETE,
            List.of(new Center("MCH", "阀体机加工", "Body machining", "数控车床", "CNC lathe"),
                    new Center("ASM", "阀门装配试压", "Assembly and pressure test", "装配试压台", "Assembly and test bench")),
            List.of(new Product("GV80", "闸阀 DN80", "Gate valve DN80", "pcs", 0, 150, 1, 40),
                    new Product("BV25", "球阀 DN25", "Ball valve DN25", "pcs", 0, 90, 1, 30),
                    new Product("GV80A", "闸阀总成 DN80", "Gate valve assembly DN80", "pcs", 1, 240, 1, 15)), 2, 6);
    static final Industry AUTO_PARTS = new Industry("汽车零部件制造 / auto parts", DISCRETE,
            List.of(new Center("STP", "冲压", "Stamping", "冲压机", "Stamping press"),
                    new Center("WLD", "焊接", "Welding", "焊接机器人", "Welding robot")),
            List.of(new Product("BRK", "制动踏板支架", "Brake pedal bracket", "pcs", 0, 12, 1, 35),
                    new Product("SEAT", "座椅滑轨", "Seat rail", "pcs", 0, 15, 1, 30),
                    new Product("SUBF", "副车架焊接总成", "Subframe weldment", "pcs", 1, 180, 1, 25)), 3, 6);
    static final Industry ELECTRONICS = new Industry("电子设备制造 / electronics assembly", DISCRETE,
            List.of(new Center("SMT", "贴片", "SMT placement", "贴片线", "SMT line"),
                    new Center("FAT", "总装测试", "Final assembly and test", "测试工位", "Test station")),
            List.of(new Product("PCBA", "控制板 PCBA", "Controller PCBA", "pcs", 0, 30, 1, 45),
                    new Product("PWR", "电源板 PCBA", "Power board PCBA", "pcs", 0, 24, 1, 40),
                    new Product("CTRL", "控制器总成", "Controller unit", "pcs", 1, 120, 1, 10)), 2, 5);
    static final Industry MACHINERY = new Industry("专用设备制造 / machinery", DISCRETE,
            List.of(new Center("CNC", "数控加工", "CNC machining", "加工中心", "Machining centre"),
                    new Center("GRD", "磨削", "Grinding", "磨床", "Grinding machine")),
            List.of(new Product("SHAFT", "主轴", "Spindle shaft", "pcs", 0, 600, 1, 60),
                    new Product("GEAR", "齿轮箱壳体", "Gearbox housing", "pcs", 0, 900, 1, 75),
                    new Product("SHG", "主轴（精磨）", "Ground spindle shaft", "pcs", 1, 420, 1, 30)), 2, 5);
    static final Industry PLASTICS = new Industry("塑料制品 / plastic parts", DISCRETE,
            List.of(new Center("INJ", "注塑", "Injection moulding", "注塑机", "Injection moulding machine")),
            List.of(new Product("HSG", "外壳", "Housing", "pcs", 0, 40, 2, 50),
                    new Product("CAP", "瓶盖", "Closure", "pcs", 0, 20, 8, 40)), 3, 7);
    static final Industry FURNITURE = new Industry("家具制造 / furniture", DISCRETE,
            List.of(new Center("CUT", "板材开料", "Panel cutting", "电子开料锯", "Panel saw"),
                    new Center("EDG", "封边", "Edge banding", "封边机", "Edge bander")),
            List.of(new Product("PNL", "柜体侧板", "Cabinet side panel", "pcs", 0, 45, 1, 20),
                    new Product("DOOR", "柜门", "Cabinet door", "pcs", 1, 50, 1, 15)), 2, 6);
    static final Industry TEXTILES = new Industry("纺织业 / textiles", PROCESS,
            List.of(new Center("SPN", "纺纱", "Spinning", "细纱机", "Ring spinning frame"),
                    new Center("WEV", "织造", "Weaving", "喷气织机", "Air-jet loom")),
            List.of(new Product("YARN", "棉纱 40S", "Cotton yarn 40s", "kg", 0, 1800, 120, 60),
                    new Product("FAB", "坯布", "Grey fabric", "m", 1, 1200, 200, 45)), 3, 7);
    static final Industry FOOD = new Industry("食品制造 / food", PROCESS,
            List.of(new Center("MIX", "配料混合", "Mixing", "混合机", "Mixer"),
                    new Center("PCK", "包装", "Packing", "包装机", "Packing machine")),
            List.of(new Product("SNK", "膨化食品基料", "Snack base", "kg", 0, 1500, 500, 30),
                    new Product("SNKP", "袋装膨化食品", "Bagged snacks", "kg", 1, 600, 150, 20)), 2, 6);
    static final Industry CHEMICALS = new Industry("化学原料及化学制品 / chemicals", PROCESS,
            List.of(new Center("RCT", "反应", "Reaction", "反应釜", "Reactor"),
                    new Center("FIL", "过滤灌装", "Filtering and filling", "灌装线", "Filling line")),
            List.of(new Product("RES", "水性树脂", "Water-borne resin", "kg", 0, 7200, 3000, 90),
                    new Product("RESD", "桶装水性树脂", "Drummed water-borne resin", "kg", 1, 1800, 1000, 30)), 3, 7);
    static final Industry PHARMA = new Industry("医药制造 / pharmaceuticals", PROCESS,
            List.of(new Center("GRN", "制粒", "Granulation", "湿法制粒机", "Wet granulator"),
                    new Center("TAB", "压片", "Tableting", "压片机", "Tablet press")),
            List.of(new Product("GRAN", "颗粒中间体", "Granulate", "kg", 0, 3600, 200, 120),
                    new Product("TABL", "片剂", "Tablets", "kg", 1, 1800, 100, 90)), 2, 5);
    static final Industry BUILDING = new Industry("非金属矿物制品 / building materials", PROCESS,
            List.of(new Center("MIL", "粉磨", "Milling", "立磨", "Vertical mill"),
                    new Center("PKG", "包装", "Bagging", "包装机", "Bagging machine")),
            List.of(new Product("MOR", "干混砂浆", "Dry-mix mortar", "kg", 0, 900, 5000, 30),
                    new Product("MORB", "袋装干混砂浆", "Bagged dry-mix mortar", "kg", 1, 600, 2000, 15)), 2, 6);

    /** The generated pilots, in the order they are generated: the 2024 cohort, then 2025, then 2026. */
    static final List<Pilot> ALL = List.of(
            // 2024: the first nine
            new Pilot("nb-valve", "宁波阀门股份有限公司", "Ningbo Valve Co.", "NB1", "宁波", "Ningbo", "330200", VALVES, 2024, 6, 0.85),
            new Pilot("cz-auto", "常州汽车零部件有限公司", "Changzhou Auto Parts Co.", "CZ1", "常州", "Changzhou", "320400", AUTO_PARTS, 2024, 8, 0.8),
            new Pilot("sz-elec", "深圳智控电子有限公司", "Shenzhen Smart Control Electronics", "SZE", "深圳", "Shenzhen", "440300", ELECTRONICS, 2024, 5, 0.9),
            new Pilot("wx-mach", "无锡精密机械有限公司", "Wuxi Precision Machinery Co.", "WX1", "无锡", "Wuxi", "320200", MACHINERY, 2024, 6, 0.7),
            new Pilot("sx-textile", "绍兴纺织印染有限公司", "Shaoxing Textile Co.", "SX1", "绍兴", "Shaoxing", "330600", TEXTILES, 2024, 8, 0.75),
            new Pilot("jx-food", "嘉兴食品有限公司", "Jiaxing Foods Co.", "JX1", "嘉兴", "Jiaxing", "330400", FOOD, 2024, 5, 0.8),
            new Pilot("nj-chem", "南京精细化工有限公司", "Nanjing Fine Chemicals Co.", "NJ1", "南京", "Nanjing", "320100", CHEMICALS, 2024, 4, 0.85),
            new Pilot("tz-pharma", "台州制药有限公司", "Taizhou Pharmaceutical Co.", "TZ1", "台州", "Taizhou", "331000", PHARMA, 2024, 5, 0.9),
            new Pilot("hz-plastic", "湖州塑料制品有限公司", "Huzhou Plastics Co.", "HU1", "湖州", "Huzhou", "330500", PLASTICS, 2024, 6, 0.65),
            // 2025: twelve more
            new Pilot("wz-valve", "温州阀门有限公司", "Wenzhou Valve Co.", "WZ1", "温州", "Wenzhou", "330300", VALVES, 2025, 4, 0.55),
            new Pilot("nt-auto", "南通汽车部件有限公司", "Nantong Auto Components Co.", "NT1", "南通", "Nantong", "320600", AUTO_PARTS, 2025, 7, 0.6),
            new Pilot("dg-elec", "东莞电子科技有限公司", "Dongguan Electronics Co.", "DG1", "东莞", "Dongguan", "441900", ELECTRONICS, 2025, 6, 0.7),
            new Pilot("jn-mach", "济南重型机械有限公司", "Jinan Heavy Machinery Co.", "JN1", "济南", "Jinan", "370100", MACHINERY, 2025, 5, 0.5),
            new Pilot("fs-furn", "佛山家具有限公司", "Foshan Furniture Co.", "FS1", "佛山", "Foshan", "440600", FURNITURE, 2025, 5, 0.6),
            new Pilot("xm-food", "厦门食品有限公司", "Xiamen Foods Co.", "XM1", "厦门", "Xiamen", "350200", FOOD, 2025, 4, 0.65),
            new Pilot("zb-chem", "淄博化工有限公司", "Zibo Chemical Co.", "ZB1", "淄博", "Zibo", "370300", CHEMICALS, 2025, 6, 0.55),
            new Pilot("sjz-pharma", "石家庄药业有限公司", "Shijiazhuang Pharma Co.", "SJ1", "石家庄", "Shijiazhuang", "130100", PHARMA, 2025, 6, 0.75),
            new Pilot("wh-build", "芜湖建材有限公司", "Wuhu Building Materials Co.", "WH1", "芜湖", "Wuhu", "340200", BUILDING, 2025, 4, 0.6),
            new Pilot("yz-textile", "扬州纺织有限公司", "Yangzhou Textile Co.", "YZ1", "扬州", "Yangzhou", "321000", TEXTILES, 2025, 6, 0.5),
            new Pilot("ks-elec", "昆山电子组件有限公司", "Kunshan Electronic Components Co.", "KS1", "昆山", "Kunshan", "320583", ELECTRONICS, 2025, 8, 0.8),
            new Pilot("qd-mach", "青岛机械制造有限公司", "Qingdao Machinery Co.", "QD1", "青岛", "Qingdao", "370200", MACHINERY, 2025, 4, 0.65),
            // 2026: seven more besides demo and demo2
            new Pilot("jh-plastic", "金华塑胶有限公司", "Jinhua Plastics Co.", "JH1", "金华", "Jinhua", "330700", PLASTICS, 2026, 5, 0.4),
            new Pilot("hf-auto", "合肥汽车配件有限公司", "Hefei Auto Accessories Co.", "HF1", "合肥", "Hefei", "340100", AUTO_PARTS, 2026, 6, 0.45),
            new Pilot("cd-food", "成都食品有限公司", "Chengdu Foods Co.", "CD1", "成都", "Chengdu", "510100", FOOD, 2026, 3, 0.35),
            new Pilot("lz-furn", "柳州家具有限公司", "Liuzhou Furniture Co.", "LZ1", "柳州", "Liuzhou", "450200", FURNITURE, 2026, 4, 0.4),
            new Pilot("yc-build", "宜昌建材有限公司", "Yichang Building Materials Co.", "YC1", "宜昌", "Yichang", "420500", BUILDING, 2026, 5, 0.45),
            new Pilot("ty-pharma", "太原制药有限公司", "Taiyuan Pharmaceutical Co.", "TY1", "太原", "Taiyuan", "140100", PHARMA, 2026, 3, 0.5),
            new Pilot("cs-valve", "长沙阀门有限公司", "Changsha Valve Co.", "CS1", "长沙", "Changsha", "430100", VALVES, 2026, 3, 0.3));

    private DemoPilots() {
    }
}
