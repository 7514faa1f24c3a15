package org.pilotline.erp.equipment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

import static org.pilotline.platform.quantity.Decimals.plain;

/** Requests and views of the equipment hierarchy below the site. On update, version is the version read. */
public final class EquipmentDtos {

    private EquipmentDtos() {
    }

    public record AreaRequest(@NotNull Long siteId,
                              @NotBlank @Pattern(regexp = "\\S{1,32}", message = "must be 1-32 characters without spaces") String code,
                              @NotBlank @Size(max = 200) String name,
                              Long version) {
    }

    public record AreaView(long id, long siteId, String siteCode, String code, String name, long version) {
        public static AreaView of(Area a) {
            return new AreaView(a.id, a.site.id, a.site.code, a.code, a.name, a.version);
        }
    }

    @Schema(description = "A work center. Without calendarId it is available round the clock.")
    public record WorkCenterRequest(@NotNull Long areaId,
                                    @NotBlank @Pattern(regexp = "\\S{1,32}", message = "must be 1-32 characters without spaces") String code,
                                    @NotBlank @Size(max = 200) String name,
                                    @NotNull @Min(1) @Max(1000) Integer parallelUnits,
                                    @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal hourlyRate,
                                    Long calendarId,
                                    @Schema(description = "operations may pause over breaks (default true)") Boolean breaksInterrupt,
                                    Long version) {
    }

    public record WorkCenterView(long id, long areaId, String areaCode, String code, String name, int parallelUnits,
                                 BigDecimal hourlyRate, Long calendarId, boolean breaksInterrupt, long version) {
        public static WorkCenterView of(WorkCenter w) {
            return new WorkCenterView(w.id, w.area.id, w.area.code, w.code, w.name, w.parallelUnits, plain(w.hourlyRate),
                    w.calendar == null ? null : w.calendar.id, w.breaksInterrupt, w.version);
        }
    }

    public record WorkUnitRequest(@Schema(description = "or workCenterCode") Long workCenterId,
                                  @NotBlank @Pattern(regexp = "\\S{1,32}", message = "must be 1-32 characters without spaces") String code,
                                  @NotBlank @Size(max = 200) String name,
                                  Boolean active,
                                  Long version,
                                  @Size(max = 80) @Schema(description = "the work center's code, instead of workCenterId") String workCenterCode) {

        /** The form Java callers use: work center by id. */
        public WorkUnitRequest(Long workCenterId, String code, String name, Boolean active, Long version) {
            this(workCenterId, code, name, active, version, null);
        }
    }

    public record WorkUnitView(long id, long workCenterId, String workCenterCode, String code, String name,
                               boolean active, long version) {
        public static WorkUnitView of(WorkUnit u) {
            return new WorkUnitView(u.id, u.workCenter.id, u.workCenter.code, u.code, u.name, u.active, u.version);
        }
    }
}
