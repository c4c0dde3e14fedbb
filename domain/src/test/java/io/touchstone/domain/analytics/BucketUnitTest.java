package io.touchstone.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.domain.shared.error.InvalidValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketUnitTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "{0} of {1} starts {2}")
    @CsvSource({
            "DAY, 2024-02-29, 2024-02-29",
            // 2026-01-01 is a Thursday: its ISO week (2026-W01) starts on Monday 2025-12-29
            "WEEK, 2026-01-01, 2025-12-29",
            "WEEK, 2026-01-04, 2025-12-29",
            "WEEK, 2026-01-05, 2026-01-05",
            // 2024-03-03 is a Sunday: the week started on Monday 2024-02-26, in a leap February
            "WEEK, 2024-03-03, 2024-02-26",
            "MONTH, 2024-02-29, 2024-02-01",
            "MONTH, 2025-12-31, 2025-12-01",
            "QUARTER, 2026-03-31, 2026-01-01",
            "QUARTER, 2026-04-01, 2026-04-01",
            "QUARTER, 2026-06-30, 2026-04-01",
            "QUARTER, 2026-08-15, 2026-07-01",
            "QUARTER, 2026-12-31, 2026-10-01"})
    void startIsTheFirstDayOfThePeriodContainingTheDay(BucketUnit unit, String day, String start) {
        assertThat(unit.start(day(day))).isEqualTo(day(start));
        assertThat(unit.isStart(day(start))).isTrue();
    }

    @ParameterizedTest(name = "{0}: after {1} comes {2}")
    @CsvSource({
            "DAY, 2024-02-28, 2024-02-29",
            "DAY, 2024-02-29, 2024-03-01",
            "DAY, 2025-02-28, 2025-03-01",
            "DAY, 2025-12-31, 2026-01-01",
            "WEEK, 2025-12-29, 2026-01-05",
            "WEEK, 2024-02-26, 2024-03-04",
            "MONTH, 2024-01-01, 2024-02-01",
            "MONTH, 2024-02-01, 2024-03-01",
            "MONTH, 2025-12-01, 2026-01-01",
            "QUARTER, 2025-10-01, 2026-01-01",
            "QUARTER, 2026-01-01, 2026-04-01"})
    void nextAndPreviousStepOnePeriodAcrossYearEndsAndLeapDays(BucketUnit unit, String start, String next) {
        assertThat(unit.next(day(start))).isEqualTo(day(next));
        assertThat(unit.previous(day(next))).isEqualTo(day(start));
    }

    @Test
    void weeksAreIsoWeeksFromMonday() {
        // 2020 has 53 ISO weeks: week 53 runs Monday 2020-12-28 .. Sunday 2021-01-03
        LocalDate week53 = BucketUnit.WEEK.start(day("2021-01-03"));

        assertThat(week53).isEqualTo(day("2020-12-28"));
        assertThat(week53.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(53);
        assertThat(BucketUnit.WEEK.next(week53).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(1);
        assertThat(BucketUnit.WEEK.isStart(day("2026-01-04"))).as("a Sunday").isFalse();
        assertThat(BucketUnit.WEEK.isStart(day("2026-01-05"))).as("a Monday").isTrue();
    }

    @Test
    void monthsAndQuartersStartOnTheFirst() {
        assertThat(BucketUnit.MONTH.isStart(day("2026-02-01"))).isTrue();
        assertThat(BucketUnit.MONTH.isStart(day("2026-02-02"))).isFalse();
        assertThat(BucketUnit.QUARTER.isStart(day("2026-07-01"))).isTrue();
        assertThat(BucketUnit.QUARTER.isStart(day("2026-08-01"))).isFalse();
        assertThat(BucketUnit.DAY.isStart(day("2026-08-17"))).isTrue();
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.parse("1990-01-01").toEpochDay(),
                LocalDate.parse("2100-12-31").toEpochDay()).map(LocalDate::ofEpochDay);
    }

    @Property
    void everyDayLiesInTheBucketItsStartOpens(@ForAll("days") LocalDate day, @ForAll BucketUnit unit) {
        LocalDate start = unit.start(day);

        assertThat(start).isBeforeOrEqualTo(day);
        assertThat(unit.next(start)).isAfter(day);
        assertThat(unit.isStart(start)).isTrue();
        assertThat(unit.isStart(unit.next(start))).isTrue();
        assertThat(unit.previous(unit.next(start))).isEqualTo(start);
        if (unit == BucketUnit.WEEK) {
            assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        }
    }

    @Test
    void parsesTheNamesBothApisUse() {
        assertThat(BucketUnit.parse("DAY")).isEqualTo(BucketUnit.DAY);
        assertThat(BucketUnit.parse("QUARTER")).isEqualTo(BucketUnit.QUARTER);
        assertThatThrownBy(() -> BucketUnit.parse("week")).isInstanceOfSatisfying(InvalidValue.class,
                invalid -> assertThat(invalid.code()).isEqualTo("query.bucket-unknown"));
        assertThatThrownBy(() -> BucketUnit.parse("YEAR")).isInstanceOf(InvalidValue.class);
    }
}
