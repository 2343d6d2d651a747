package io.consulta.appointment.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.consulta.appointment.domain.VisitType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** A doctor's availability as they edit it; minutes are multiples of five and times are on the doctor's clock. */
public record AvailabilityRequest(
        @Schema(examples = "Europe/Berlin") @NotBlank String timeZone,
        @Schema(description = "Working hours per weekday; an end at or before the start runs past midnight")
        @NotNull Map<DayOfWeek, @Size(max = MAX_RANGES_PER_DAY) List<@Valid @NotNull Hours>> weeklyHours,
        @Schema(description = "Dates whose hours differ from the week; no hours = closed that day")
        @Size(max = MAX_DATE_OVERRIDES) List<@Valid @NotNull DateOverride> dateOverrides,
        @NotNull @Min(5) @Max(480) Integer slotMinutes,
        @Min(0) @Max(240) Integer bufferBeforeMinutes,
        @Min(0) @Max(240) Integer bufferAfterMinutes,
        @Min(0) @Max(43200) Integer minimumNoticeMinutes,
        @Min(1) @Max(365) Integer horizonDays,
        @Min(0) @Max(336) Integer cancellationCutoffHours,
        @NotEmpty List<@Valid @NotNull VisitLength> visitTypes) {

    public record Hours(@Schema(examples = "09:00") @JsonFormat(pattern = "HH:mm") @NotNull LocalTime start,
                        @Schema(examples = "17:00") @JsonFormat(pattern = "HH:mm") @NotNull LocalTime end) {
    }

    /** Every patient reads the availability: it stays small (issue 16: 3,000 overrides were 2.7 MB). */
    public static final int MAX_DATE_OVERRIDES = 400;
    public static final int MAX_RANGES_PER_DAY = 6;

    public record DateOverride(@NotNull LocalDate date,
                               @NotNull @Size(max = MAX_RANGES_PER_DAY) List<@Valid @NotNull Hours> hours) {
    }

    public record VisitLength(@NotNull VisitType type, @NotNull @Min(5) @Max(480) Integer minutes) {
    }
}
