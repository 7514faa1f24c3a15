package org.pilotline.kpi.time;

/**
 * The ISO 22400-2 time elements of a work unit that PilotLine measures, plus {@link #UNKNOWN}: time in which the
 * machine could not be observed (a data-loss span of the gateway, or no history at all), which is never counted as
 * running or stopped. Names in English and Chinese.
 */
public enum TimeElement {
    POT("Planned operation time", "计划运行时间"),
    PDOT("Planned downtime", "计划停机时间"),
    PBT("Planned busy time", "计划占用时间"),
    APT("Actual production time", "实际生产时间"),
    ASUT("Actual unit setup time", "实际设备调整时间"),
    ADET("Actual unit delay time", "实际设备延误时间"),
    ADOT("Actual unit down time", "实际设备停机时间"),
    AUPT("Actual unit processing time", "实际设备加工时间"),
    AUBT("Actual unit busy time", "实际设备占用时间"),
    UNKNOWN("Unknown time (no machine data)", "未知时间（无设备数据）");

    public final String nameEn;
    public final String nameZh;

    TimeElement(String nameEn, String nameZh) {
        this.nameEn = nameEn;
        this.nameZh = nameZh;
    }

    /** Whether planned busy time is divided into this element directly (the others are sums or calendar time). */
    public boolean isElementary() {
        return this == APT || this == ASUT || this == ADET || this == ADOT || this == UNKNOWN;
    }
}
