package org.pilotline.app.bootstrap;

import org.pilotline.app.bootstrap.PlantBuilder.ReasonSpec;
import org.pilotline.mes.reason.ReasonPurpose;

import java.util.ArrayList;
import java.util.List;

/**
 * The reason tree of a demo plant: planned and unplanned downtime (ISO 22400 separates planned down time from the
 * unplanned stops that cost availability), pauses and scrap, in Chinese and English. Each plant adds its own
 * breakdowns and scrap causes.
 */
final class DemoReasons {

    private DemoReasons() {
    }

    static List<ReasonSpec> tree(List<ReasonSpec> breakdowns, List<ReasonSpec> scrap) {
        List<ReasonSpec> tree = new ArrayList<>(List.of(
                category("DT-PLANNED", true, "计划停机", "Planned downtime"),
                reason("DT-PLANNED", "DT-CHANGEOVER", ReasonPurpose.DOWNTIME, true, "换型调整", "Changeover"),
                reason("DT-PLANNED", "DT-MAINTENANCE", ReasonPurpose.DOWNTIME, true, "计划保养", "Planned maintenance"),
                reason("DT-PLANNED", "DT-NO-ORDER", ReasonPurpose.DOWNTIME, true, "无生产任务", "No order to run"),
                category("DT-UNPLANNED", false, "非计划停机", "Unplanned downtime"),
                reason("DT-UNPLANNED", "DT-BREAKDOWN", ReasonPurpose.DOWNTIME, false, "设备故障", "Breakdown"),
                reason("DT-UNPLANNED", "DT-NO-MATERIAL", ReasonPurpose.DOWNTIME, false, "缺料", "Material shortage"),
                reason("DT-UNPLANNED", "DT-QUALITY", ReasonPurpose.DOWNTIME, false, "质量问题停机",
                        "Stopped for a quality problem"),
                category("PAUSES", false, "暂停", "Pauses"),
                reason("PAUSES", "PS-BREAK", ReasonPurpose.PAUSE, true, "休息", "Break"),
                reason("PAUSES", "PS-SHIFT-MEETING", ReasonPurpose.PAUSE, true, "班前会", "Shift meeting"),
                reason("PAUSES", "PS-WAIT-QC", ReasonPurpose.PAUSE, false, "等待检验", "Waiting for inspection"),
                category("SCRAP", false, "报废", "Scrap")));
        tree.addAll(breakdowns);
        tree.addAll(scrap);
        return tree;
    }

    static ReasonSpec category(String code, boolean planned, String nameZh, String nameEn) {
        return new ReasonSpec(null, code, ReasonPurpose.CATEGORY, planned, nameZh, nameEn);
    }

    static ReasonSpec reason(String parent, String code, ReasonPurpose purpose, boolean planned, String nameZh,
                             String nameEn) {
        return new ReasonSpec(parent, code, purpose, planned, nameZh, nameEn);
    }

    /** A breakdown of a kind, under "Breakdown". */
    static ReasonSpec breakdown(String code, String nameZh, String nameEn) {
        return reason("DT-BREAKDOWN", code, ReasonPurpose.DOWNTIME, false, nameZh, nameEn);
    }

    /** A cause of scrap, under "Scrap". */
    static ReasonSpec scrap(String code, String nameZh, String nameEn) {
        return reason("SCRAP", code, ReasonPurpose.SCRAP, false, nameZh, nameEn);
    }
}
