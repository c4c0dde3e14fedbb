package io.touchstone.domain.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The calendar days {@code [from, to)} in the tenant's time zone: {@code from} included, {@code to} not. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must lie before to " + to);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** The range of as many days that ends where this one starts. */
    public DateRange previous() {
        return new DateRange(from.minusDays(days()), from);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(to);
    }
}
