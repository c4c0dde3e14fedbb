package io.touchstone.domain.analytics;

import io.touchstone.domain.shared.error.InvalidValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Calendar periods a time range is cut into, in the tenant's time zone. Weeks are ISO weeks, from Monday. */
public enum BucketUnit {
    DAY, WEEK, MONTH, QUARTER;

    /** The first day of the period that contains {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
        };
    }

    public boolean isStart(LocalDate day) {
        return start(day).equals(day);
    }

    /** The start of the period after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    /** The start of the period before the one starting at {@code start}. */
    public LocalDate previous(LocalDate start) {
        return switch (this) {
            case DAY -> start.minusDays(1);
            case WEEK -> start.minusWeeks(1);
            case MONTH -> start.minusMonths(1);
            case QUARTER -> start.minusMonths(3);
        };
    }

    public static BucketUnit parse(String name) {
        for (BucketUnit unit : values()) {
            if (unit.name().equals(name)) {
                return unit;
            }
        }
        throw new InvalidValue("", "query.bucket-unknown", "'" + name + "' is not a bucket; one of DAY, WEEK, "
                + "MONTH, QUARTER");
    }
}
