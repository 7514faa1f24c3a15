package org.pilotline.kpi.indicator;

/**
 * The KPIs PilotLine computes, with their ISO 22400-2 definition (or, for the two delivery KPIs, the definition used
 * here), formula over the time elements and quantities, unit and good direction. Ratios are served in percent.
 */
public enum Kpi {
    AVAILABILITY("Availability", "可用率", "Share of planned busy time in which the unit actually produced",
            "APT / PBT", "%", Direction.HIGHER),
    EFFECTIVENESS("Effectiveness", "有效性", "Planned run time of what was produced against the actual production time",
            "PRI × PQ / APT", "%", Direction.HIGHER),
    QUALITY_RATIO("Quality ratio", "质量比率", "Good quantity against produced quantity", "GQ / PQ", "%",
            Direction.HIGHER),
    OEE("Overall equipment effectiveness", "设备综合效率", "Availability × effectiveness × quality ratio",
            "(APT / PBT) × (PRI × PQ / APT) × (GQ / PQ)", "%", Direction.HIGHER),
    NEE("Net equipment effectiveness", "设备净效率",
            "Utilization efficiency × effectiveness × quality ratio: like OEE, but only over the time the unit was busy"
                    + " with orders", "(APT / AUBT) × (PRI × PQ / APT) × (GQ / PQ)", "%", Direction.HIGHER),
    TECHNICAL_EFFICIENCY("Technical efficiency", "技术效率", "Production time against production and delay time",
            "APT / (APT + ADET)", "%", Direction.HIGHER),
    UTILIZATION_EFFICIENCY("Utilization efficiency", "利用效率", "Production time against the unit's busy time",
            "APT / AUBT", "%", Direction.HIGHER),
    ALLOCATION_RATIO("Allocation ratio", "分配率",
            "Busy time of the work units against the actual execution time of the orders they worked on",
            "AUBT / AOET", "%", Direction.HIGHER),
    SETUP_RATE("Setup rate", "调整率", "Setup time against processing time", "ASUT / AUPT", "%", Direction.LOWER),
    THROUGHPUT_RATE("Throughput rate", "产出率", "Produced quantity per hour of actual order execution time",
            "PQ / AOET", "unit/h", Direction.HIGHER),
    SCRAP_RATIO("Scrap ratio", "废品率", "Scrap quantity against produced quantity", "SQ / PQ", "%", Direction.LOWER),
    REWORK_RATIO("Rework ratio", "返工率", "Rework quantity against produced quantity", "RQ / PQ", "%",
            Direction.LOWER),
    FIRST_PASS_YIELD("First-pass yield", "一次合格率",
            "Pieces good the first time through (neither scrapped nor reworked) against produced quantity",
            "(PQ − SQ − RQ) / PQ", "%", Direction.HIGHER),
    MTBF("Mean operating time between failures", "平均故障间隔时间",
            "Processing time per failure (an out-of-service episode in planned busy time)", "AUPT / FE", "min",
            Direction.HIGHER),
    MTTR("Mean time to restoration", "平均修复时间",
            "Out-of-service time in planned busy time per failure", "Σ TTR / FE", "min", Direction.LOWER),
    ON_TIME_DELIVERY("On-time delivery", "准时交付率",
            "Sales order lines requested in the period and shipped in full by their requested date (plant's date),"
                    + " against all lines requested in the period", "lines on time / lines requested", "%",
            Direction.HIGHER),
    SCHEDULE_ADHERENCE("Schedule adherence", "计划达成率",
            "Operations finished in the period no later than the live schedule's planned end, against all finished"
                    + " operations that had a planned end", "operations on time / operations finished", "%",
            Direction.HIGHER);

    /** Which way is better. */
    public enum Direction { HIGHER, LOWER }

    public final String nameEn;
    public final String nameZh;
    public final String definition;
    public final String formula;
    public final String unit;
    public final Direction goodDirection;

    Kpi(String nameEn, String nameZh, String definition, String formula, String unit, Direction goodDirection) {
        this.nameEn = nameEn;
        this.nameZh = nameZh;
        this.definition = definition;
        this.formula = formula;
        this.unit = unit;
        this.goodDirection = goodDirection;
    }
}
