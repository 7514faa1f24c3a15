package org.pilotline.kpi.programme;

/**
 * The capability domains a CMMM self-assessment rates, after GB/T 39116-2020 智能制造能力成熟度模型 (clause 5): the
 * capability factors 人员, 技术 and 资源 as a whole, and the factor 制造 by its five capability domains 设计, 生产,
 * 物流, 销售 and 服务, where the suite's own usage signals are measured. Levels are the standard's 1 (规划级) to 5
 * (引领级).
 */
public enum CmmmDomain {
    PERSONNEL("人员", "Personnel"),
    TECHNOLOGY("技术", "Technology"),
    RESOURCES("资源", "Resources"),
    DESIGN("设计", "Design"),
    PRODUCTION("生产", "Production"),
    LOGISTICS("物流", "Logistics"),
    SALES("销售", "Sales"),
    SERVICE("服务", "Service");

    public static final int LOWEST_LEVEL = 1;
    public static final int HIGHEST_LEVEL = 5;

    private final String nameZh;
    private final String nameEn;

    CmmmDomain(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The factor of GB/T 39116 the domain belongs to (制造 for the five manufacturing domains). */
    public String factor() {
        return ordinal() < 3 ? name() : "MANUFACTURING";
    }
}
