package io.touchstone.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void holdsFromButNotTo() {
        DateRange week = range("2026-01-05", "2026-01-12");

        assertThat(week.days()).isEqualTo(7);
        assertThat(week.contains(LocalDate.parse("2026-01-05"))).isTrue();
        assertThat(week.contains(LocalDate.parse("2026-01-11"))).isTrue();
        assertThat(week.contains(LocalDate.parse("2026-01-12"))).isFalse();
        assertThat(week.contains(LocalDate.parse("2026-01-04"))).isFalse();
    }

    @Test
    void previousIsAsManyDaysEndingWhereTheRangeStarts() {
        assertThat(range("2026-01-05", "2026-01-12").previous()).isEqualTo(range("2025-12-29", "2026-01-05"));
        // March 2024 has 31 days; the 31 days before it are the 29 of the leap February and January 30 and 31
        assertThat(range("2024-03-01", "2024-04-01").previous()).isEqualTo(range("2024-01-30", "2024-03-01"));
        // a year of 365 days before 2026: the whole of 2025
        assertThat(range("2026-01-01", "2027-01-01").previous()).isEqualTo(range("2025-01-01", "2026-01-01"));
    }

    @Test
    void previousOfALeapYearIsCountedInDaysNotYears() {
        // 2024 has 366 days; the 366 days before it start on 2022-12-31, not on 2023-01-01
        assertThat(range("2024-01-01", "2025-01-01").previous()).isEqualTo(range("2022-12-31", "2024-01-01"));
    }

    @Test
    void refusesAnEmptyOrInvertedRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> range("2026-01-05", "2026-01-05"));
        assertThatIllegalArgumentException().isThrownBy(() -> range("2026-01-06", "2026-01-05"));
    }
}
