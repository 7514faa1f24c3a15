package org.pilotline.kpi.bureau;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the monthly snapshots answer. */
public final class SnapshotViews {

    private SnapshotViews() {
    }

    @Schema(description = "A figure as filed and as the roll-up has it now; difference = current − filed (null where"
            + " either has no value)")
    public record Compared(String code, String nameEn, String nameZh, String unit, BigDecimal filed,
                           BigDecimal current, BigDecimal difference) {
        static Compared of(String code, String nameEn, String nameZh, String unit, BigDecimal filed,
                           BigDecimal current) {
            return new Compared(code, nameEn, nameZh, unit, filed, current,
                    filed == null || current == null ? null : current.subtract(filed));
        }
    }

    @Schema(description = "One enterprise's filed month: its KPIs and time elements as filed, as now, and the"
            + " difference late data made")
    public record EnterpriseSnapshot(String code, String name, String industry, String manufacturingType,
                                     Instant filedAt, boolean changedSinceFiled, List<Compared> kpis,
                                     List<Compared> timeElements) {
    }

    @Schema(description = "The bureau's monthly report: every enterprise's snapshot of the month")
    public record Report(String month, List<EnterpriseSnapshot> enterprises) {
    }

    @Schema(description = "The result of filing a month: enterprises filed now, filed before (unchanged), and waiting"
            + " for their roll-ups to catch up (filed by a later attempt)")
    public record Filed(String month, int filed, int alreadyFiled, int waiting) {
    }
}
