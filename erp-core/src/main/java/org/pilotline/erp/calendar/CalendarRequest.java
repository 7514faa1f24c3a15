package org.pilotline.erp.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

@Schema(description = "A working calendar, replaced whole on update. Times are plant-local; a shift ending at or before its start runs into the next day.")
public record CalendarRequest(
        @NotBlank @Pattern(regexp = "\\S{1,32}", message = "must be 1-32 characters without spaces") String code,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "IANA zone; defaults to the enterprise's") @Size(max = 64) String timeZone,
        @NotNull @Size(max = 100) List<@Valid @NotNull ShiftRequest> shifts,
        @Size(max = 1000) List<@Valid @NotNull HolidayRequest> holidays,
        Long version) {

    @Schema(description = "A shift on one weekday (weekday) or the same shift on several (weekdays); stored and read "
            + "back as one shift per weekday.")
    public record ShiftRequest(@Min(1) @Max(7) @Schema(description = "ISO numbering: 1 = Monday … 7 = Sunday; or weekdays",
                                       examples = "1") Integer weekday,
                               @NotBlank @Size(max = 50) String name,
                               @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "08:00") LocalTime start,
                               @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "17:00") LocalTime end,
                               @Size(max = 10) List<@Valid @NotNull BreakRequest> breaks,
                               @Size(min = 1, max = 7) @Schema(description = "several weekdays (1 = Monday … 7 = Sunday) "
                                       + "with this same shift, instead of weekday", examples = "[1, 2, 3, 4, 5]")
                               List<@NotNull @Min(1) @Max(7) Integer> weekdays) {

        /** The form Java callers use: one weekday. */
        public ShiftRequest(Integer weekday, String name, LocalTime start, LocalTime end, List<BreakRequest> breaks) {
            this(weekday, name, start, end, breaks, null);
        }
    }

    public record BreakRequest(@NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime start,
                               @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime end) {
    }

    public record HolidayRequest(@NotNull LocalDate day, @NotBlank @Size(max = 100) String name) {
    }
}
