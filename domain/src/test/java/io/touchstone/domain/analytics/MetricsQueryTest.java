package io.touchstone.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.analytics.DimensionFilter.Operator;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MetricsQueryTest {

    private static final SurveyId SURVEY = new SurveyId(UUID.fromString("0190a5e0-0000-7000-8000-0000000000b1"));

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    /** A query with every part that matters to the checks; the rest left at "none". */
    private record Q(List<Metric> metrics, Optional<SurveyId> survey, Optional<QuestionId> question, DateRange range,
            Optional<BucketUnit> bucket, List<Dimension> groupBy, List<DimensionFilter> filters,
            List<ScoreRange> scoreRanges, Optional<Baseline> baseline) {

        static Q of(Metric... metrics) {
            return new Q(List.of(metrics), Optional.empty(), Optional.empty(),
                    MetricsQueryTest.range("2026-01-05", "2026-07-06"), Optional.empty(), List.of(), List.of(),
                    List.of(), Optional.empty());
        }

        Q survey(SurveyId id) {
            return new Q(metrics, Optional.of(id), question, range, bucket, groupBy, filters, scoreRanges, baseline);
        }

        Q question(String id) {
            return new Q(metrics, survey, Optional.of(new QuestionId(id)), range, bucket, groupBy, filters,
                    scoreRanges, baseline);
        }

        Q range(String from, String to) {
            return new Q(metrics, survey, question, MetricsQueryTest.range(from, to), bucket, groupBy, filters,
                    scoreRanges, baseline);
        }

        Q bucket(BucketUnit unit) {
            return new Q(metrics, survey, question, range, Optional.of(unit), groupBy, filters, scoreRanges,
                    baseline);
        }

        Q groupBy(Dimension... dimensions) {
            return new Q(metrics, survey, question, range, bucket, List.of(dimensions), filters, scoreRanges,
                    baseline);
        }

        Q filters(DimensionFilter... given) {
            return new Q(metrics, survey, question, range, bucket, groupBy, List.of(given), scoreRanges, baseline);
        }

        Q filters(List<DimensionFilter> given) {
            return new Q(metrics, survey, question, range, bucket, groupBy, given, scoreRanges, baseline);
        }

        Q scoreRanges(List<ScoreRange> given) {
            return new Q(metrics, survey, question, range, bucket, groupBy, filters, given, baseline);
        }

        Q baseline(Baseline given) {
            return new Q(metrics, survey, question, range, bucket, groupBy, filters, scoreRanges, Optional.of(given));
        }

        MetricsQuery build() {
            return new MetricsQuery(metrics, survey, question, range, bucket, groupBy, filters, scoreRanges, baseline,
                    false);
        }
    }

    private static void assertInvalid(Q query, Tuple... violations) {
        assertThatThrownBy(query::build).isInstanceOfSatisfying(InvalidValue.class, invalid ->
                assertThat(invalid.violations()).extracting("field", "code").containsExactly(violations));
    }

    private static DimensionFilter equals(Dimension dimension, String value) {
        return new DimensionFilter(dimension, Operator.EQUALS, List.of(value));
    }

    // --- metrics and questions -------------------------------------------------------------------------------------

    @Test
    void needsAtLeastOneMetric() {
        assertInvalid(Q.of(), tuple("metrics", "query.metrics-required"));
    }

    @Test
    void refusesAMetricAskedForTwiceAtItsSecondPlace() {
        assertInvalid(Q.of(Metric.NPS, Metric.CSAT_PERCENT, Metric.NPS, Metric.CSAT_PERCENT),
                tuple("metrics[2]", "query.metric-duplicate"), tuple("metrics[3]", "query.metric-duplicate"));
    }

    @Test
    void aQuestionNeedsItsSurvey() {
        assertInvalid(Q.of(Metric.NPS).question("nps"), tuple("questionId", "query.question-requires-survey"));
        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS).survey(SURVEY).question("nps").build());
    }

    // --- range and buckets -----------------------------------------------------------------------------------------

    @Test
    void rangeSpansAtMostFiveYears() {
        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS).range("2021-01-01", "2026-01-01").build());
        assertInvalid(Q.of(Metric.NPS).range("2021-01-01", "2026-01-02"), tuple("to", "query.range-too-long"));
        // from a leap day: five years later is 2029-02-28
        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS).range("2024-02-29", "2029-02-28").build());
        assertInvalid(Q.of(Metric.NPS).range("2024-02-29", "2029-03-01"), tuple("to", "query.range-too-long"));
    }

    @Test
    void dailyBucketsOverThreeYearsAreTooMany() {
        // 2023-01-01 .. 2026-01-01: 365 + 366 + 365 = 1096 days > 1000
        assertInvalid(Q.of(Metric.NPS).range("2023-01-01", "2026-01-01").bucket(BucketUnit.DAY),
                tuple("bucket", "query.too-many-buckets"));
    }

    @Test
    void aThousandBucketsAreTheMost() {
        LocalDate from = LocalDate.parse("2024-01-01");

        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS)
                .range(from.toString(), from.plusDays(1_000).toString()).bucket(BucketUnit.DAY).build());
        assertInvalid(Q.of(Metric.NPS).range(from.toString(), from.plusDays(1_001).toString()).bucket(BucketUnit.DAY),
                tuple("bucket", "query.too-many-buckets"));
        // weeks, months or quarters over five years are well within: 260 weeks from 2021-01-04 to 2025-12-29
        assertThat(Q.of(Metric.NPS).range("2021-01-04", "2025-12-29").bucket(BucketUnit.WEEK).build().periods())
                .hasSize(260);
    }

    @Test
    void bucketsNeedARangeFromAndToABucketStart() {
        // 2026-01-06 is a Tuesday, 2026-02-01 a Sunday
        assertInvalid(Q.of(Metric.NPS).range("2026-01-06", "2026-02-01").bucket(BucketUnit.WEEK),
                tuple("from", "query.range-not-aligned"), tuple("to", "query.range-not-aligned"));
        assertInvalid(Q.of(Metric.NPS).range("2026-01-05", "2026-02-01").bucket(BucketUnit.WEEK),
                tuple("to", "query.range-not-aligned"));
        assertInvalid(Q.of(Metric.NPS).range("2026-01-05", "2026-03-01").bucket(BucketUnit.MONTH),
                tuple("from", "query.range-not-aligned"));
        assertInvalid(Q.of(Metric.NPS).range("2026-02-01", "2026-07-01").bucket(BucketUnit.QUARTER),
                tuple("from", "query.range-not-aligned"));
        assertInvalid(Q.of(Metric.NPS).range("2026-01-01", "2026-06-01").bucket(BucketUnit.QUARTER),
                tuple("to", "query.range-not-aligned"));
        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS).range("2026-01-06", "2026-02-01").build());
        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS).range("2026-01-06", "2026-02-01")
                .bucket(BucketUnit.DAY).build());
    }

    @Test
    void aMisalignedOrTooLongRangeIsNotAlsoCountedInBuckets() {
        assertInvalid(Q.of(Metric.NPS).range("2020-01-01", "2026-01-01").bucket(BucketUnit.DAY),
                tuple("to", "query.range-too-long"));
        assertInvalid(Q.of(Metric.NPS).range("2023-01-02", "2026-01-01").bucket(BucketUnit.WEEK),
                tuple("to", "query.range-not-aligned"));
    }

    @Test
    void periodsAreTheBucketsInOrderOrTheWholeRange() {
        MetricsQuery monthly = Q.of(Metric.NPS).range("2025-11-01", "2026-03-01").bucket(BucketUnit.MONTH).build();

        assertThat(monthly.periods()).containsExactly(range("2025-11-01", "2025-12-01"),
                range("2025-12-01", "2026-01-01"), range("2026-01-01", "2026-02-01"),
                range("2026-02-01", "2026-03-01"));
        assertThat(Q.of(Metric.NPS).range("2026-01-06", "2026-02-01").build().periods())
                .containsExactly(range("2026-01-06", "2026-02-01"));
    }

    @Test
    void thePeriodBeforeTheFirstIsTheBucketBeforeOrAsManyDaysBefore() {
        assertThat(Q.of(Metric.NPS).range("2026-01-01", "2026-04-01").bucket(BucketUnit.MONTH).build()
                .periodBeforeFirst()).isEqualTo(range("2025-12-01", "2026-01-01"));
        // quarters: Q4 2025 before Q1 2026
        assertThat(Q.of(Metric.NPS).range("2026-01-01", "2026-07-01").bucket(BucketUnit.QUARTER).build()
                .periodBeforeFirst()).isEqualTo(range("2025-10-01", "2026-01-01"));
        // a March bucket is compared with February (29 days in 2024), not with the 31 days before
        assertThat(Q.of(Metric.NPS).range("2024-03-01", "2024-05-01").bucket(BucketUnit.MONTH).build()
                .periodBeforeFirst()).isEqualTo(range("2024-02-01", "2024-03-01"));
        // without buckets: the 31 days of March 2024 are compared with the 31 days before
        assertThat(Q.of(Metric.NPS).range("2024-03-01", "2024-04-01").build().periodBeforeFirst())
                .isEqualTo(range("2024-01-30", "2024-03-01"));
    }

    // --- group-bys and filters -------------------------------------------------------------------------------------

    @Test
    void groupsByAtMostTwoDimensions() {
        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS).groupBy(Dimension.CHANNEL, Dimension.SURVEY)
                .build());
        assertInvalid(Q.of(Metric.NPS).groupBy(Dimension.CHANNEL, Dimension.LANGUAGE, Dimension.attribute("store")),
                tuple("groupBy", "query.too-many-group-bys"));
    }

    @Test
    void refusesADimensionGroupedByTwice() {
        assertInvalid(Q.of(Metric.NPS).groupBy(Dimension.attribute("store"), Dimension.attribute("store")),
                tuple("groupBy[1]", "query.dimension-duplicate"));
        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS)
                .groupBy(Dimension.attribute("store"), Dimension.attribute("team")).build());
    }

    @Test
    void responseCountCannotBeCutByQuestionOrScale() {
        assertInvalid(Q.of(Metric.NPS, Metric.RESPONSE_COUNT).groupBy(Dimension.QUESTION, Dimension.SCALE),
                tuple("groupBy[0]", "query.dimension-not-applicable"),
                tuple("groupBy[1]", "query.dimension-not-applicable"));
        assertInvalid(Q.of(Metric.RESPONSE_COUNT).filters(equals(Dimension.LANGUAGE, "cs"),
                        equals(Dimension.SCALE, "1-5")),
                tuple("filters[1].dimension", "query.dimension-not-applicable"));
        assertThatNoException().isThrownBy(() -> Q.of(Metric.RESPONSE_COUNT).groupBy(Dimension.SURVEY)
                .filters(equals(Dimension.SURVEY, SURVEY.toString())).build());
        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS).groupBy(Dimension.QUESTION, Dimension.SCALE)
                .build());
    }

    @Test
    void atMostTwentyFiltersAndTenScoreRanges() {
        List<DimensionFilter> twenty = Collections.nCopies(20, equals(Dimension.LANGUAGE, "cs"));
        List<ScoreRange> ten = Collections.nCopies(10, new ScoreRange(new QuestionId("nps"), 0, 6));

        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS).filters(twenty).scoreRanges(ten).build());
        assertInvalid(Q.of(Metric.NPS).filters(Collections.nCopies(21, equals(Dimension.LANGUAGE, "cs"))),
                tuple("filters", "query.too-many-filters"));
        assertInvalid(Q.of(Metric.NPS).scoreRanges(Collections.nCopies(11, new ScoreRange(new QuestionId("nps"), 0,
                6))), tuple("scoreRanges", "query.too-many-score-ranges"));
    }

    @Test
    void responseLevelPartsAreThoseStorageGroupsAndFiltersBy() {
        MetricsQuery query = Q.of(Metric.NPS).groupBy(Dimension.SURVEY, Dimension.CHANNEL)
                .filters(equals(Dimension.QUESTION, "nps"), equals(Dimension.attribute("store"), "Brno")).build();

        assertThat(query.responseGroupBy()).containsExactly(Dimension.CHANNEL);
        assertThat(query.responseFilters()).extracting(DimensionFilter::dimension)
                .containsExactly(Dimension.attribute("store"));
    }

    // --- baseline --------------------------------------------------------------------------------------------------

    @Test
    void aFixedBaselineSpansAtMostFiveYearsToo() {
        assertInvalid(Q.of(Metric.NPS).baseline(new Baseline.Fixed(range("2010-01-01", "2016-01-01"))),
                tuple("comparison.to", "query.range-too-long"));
        MetricsQuery fixed = Q.of(Metric.NPS).baseline(new Baseline.Fixed(range("2025-01-06", "2025-07-07"))).build();
        assertThat(fixed.compares()).isTrue();
        assertThat(Q.of(Metric.NPS).build().compares()).isFalse();
    }

    @Test
    void aFixedBaselineNeedNotBeAligned() {
        assertThatNoException().isThrownBy(() -> Q.of(Metric.NPS).bucket(BucketUnit.WEEK)
                .baseline(new Baseline.Fixed(range("2025-01-07", "2025-02-01"))).build());
    }

    // --- all at once -----------------------------------------------------------------------------------------------

    @Test
    void reportsEveryProblemAtOnceInFieldOrder() {
        assertInvalid(new Q(List.of(Metric.RESPONSE_COUNT, Metric.RESPONSE_COUNT), Optional.empty(),
                        Optional.of(new QuestionId("nps")), range("2026-01-06", "2026-02-01"),
                        Optional.of(BucketUnit.WEEK), List.of(Dimension.QUESTION, Dimension.CHANNEL, Dimension.CHANNEL),
                        List.of(), List.of(), Optional.of(new Baseline.Fixed(range("2000-01-01", "2020-01-01")))),
                tuple("metrics[1]", "query.metric-duplicate"),
                tuple("questionId", "query.question-requires-survey"),
                tuple("from", "query.range-not-aligned"),
                tuple("to", "query.range-not-aligned"),
                tuple("groupBy", "query.too-many-group-bys"),
                tuple("groupBy[0]", "query.dimension-not-applicable"),
                tuple("groupBy[2]", "query.dimension-duplicate"),
                tuple("comparison.to", "query.range-too-long"));
    }

    @Test
    void scoreRangesLieWithinZeroAndTen() {
        QuestionId nps = new QuestionId("nps");

        assertThat(new ScoreRange(nps, 0, 6).contains(6)).isTrue();
        assertThat(new ScoreRange(nps, 0, 6).contains(7)).isFalse();
        assertThat(new ScoreRange(nps, 9, 9).contains(9)).isTrue();
        for (int[] bad : new int[][] {{-1, 6}, {0, 11}, {7, 6}}) {
            assertThatThrownBy(() -> new ScoreRange(nps, bad[0], bad[1])).isInstanceOfSatisfying(InvalidValue.class,
                    invalid -> assertThat(invalid.code()).isEqualTo("query.score-range-invalid"));
        }
    }
}
