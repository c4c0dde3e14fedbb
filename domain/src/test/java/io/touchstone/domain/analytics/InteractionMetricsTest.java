package io.touchstone.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.touchstone.domain.analytics.AnalyticsFixtures.Query;
import io.touchstone.domain.analytics.DimensionFilter.Operator;
import io.touchstone.domain.analytics.MetricsReport.Counted;
import io.touchstone.domain.metric.Proportion;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.survey.QuestionId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The abandonment and churn rates in the metrics query: which dimensions apply, and the figures from the counts. */
class InteractionMetricsTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static final Dimension STORE = Dimension.attribute("store");
    private static final Dimension PLAN = Dimension.attribute("plan");

    // --- which dimensions apply ---------------------------------------------------------------------------------------

    @Test
    void abandonmentIsCutByTheInteractionsDimensionsOnly() {
        assertThatNoException().isThrownBy(() -> Query.of(Metric.ABANDONMENT_RATE)
                .groupBy(Dimension.TOUCHPOINT, Dimension.TEAM)
                .filter(Dimension.CHANNEL, Operator.IN, "PHONE", "CHAT")
                .filter(Dimension.JOURNEY, Operator.NOT_IN, "0190a5e0-0000-7000-8000-000000000001")
                .filter(Dimension.STAGE, Operator.NOT_IN, "x").filter(Dimension.EMPLOYEE, Operator.EQUALS, "e-1")
                .filter(Dimension.LOCATION, Operator.EQUALS, "Brno").filter(STORE, Operator.EQUALS, "7").build());
        assertInvalid(Query.of(Metric.ABANDONMENT_RATE).groupBy(Dimension.SURVEY, Dimension.LANGUAGE)
                        .filter(Dimension.QUESTION, Operator.EQUALS, "nps"),
                tuple("groupBy[0]", "query.dimension-not-applicable"),
                tuple("groupBy[1]", "query.dimension-not-applicable"),
                tuple("filters[0].dimension", "query.dimension-not-applicable"));
    }

    @Test
    void churnIsCutByOneSegmentAttributeOnly() {
        assertThatNoException().isThrownBy(() -> Query.of(Metric.CHURN_RATE).groupBy(PLAN)
                .filter(PLAN, Operator.NOT_IN, "free").build());
        assertInvalid(Query.of(Metric.CHURN_RATE).groupBy(Dimension.CHANNEL),
                tuple("groupBy[0]", "query.dimension-not-applicable"));
        assertInvalid(Query.of(Metric.CHURN_RATE).groupBy(PLAN).filter(STORE, Operator.EQUALS, "7"),
                tuple("filters[0].dimension", "query.dimension-not-applicable"));
    }

    @Test
    void aDimensionMustApplyToEveryMetricOfTheQuery() {
        assertThatNoException().isThrownBy(() -> Query.of(Metric.NPS, Metric.ABANDONMENT_RATE)
                .groupBy(Dimension.CHANNEL).build());
        assertInvalid(Query.of(Metric.NPS, Metric.ABANDONMENT_RATE).groupBy(Dimension.LANGUAGE),
                tuple("groupBy[0]", "query.dimension-not-applicable"));
        assertThatNoException().isThrownBy(() -> Query.of(Metric.NPS, Metric.ABANDONMENT_RATE)
                .groupBy(Dimension.TOUCHPOINT, Dimension.EMPLOYEE).build());
        assertInvalid(Query.of(Metric.ABANDONMENT_RATE, Metric.CHURN_RATE).groupBy(Dimension.TEAM),
                tuple("groupBy[0]", "query.dimension-not-applicable"));
    }

    @Test
    void scoreRangesDoNotApplyToInteractionsOrLifecycleEvents() {
        ScoreRange detractors = new ScoreRange(new QuestionId("nps"), 0, 6);
        assertThatThrownBy(() -> new MetricsQuery(List.of(Metric.NPS, Metric.CHURN_RATE), Optional.empty(),
                Optional.empty(), AnalyticsFixtures.range("2026-01-05", "2026-01-12"), Optional.empty(), List.of(),
                List.of(), List.of(detractors), Optional.empty(), false))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "code")
                        .containsExactly(tuple("scoreRanges[0]", "query.score-range-not-applicable")));
    }

    @Test
    void theChurnSegmentIsTheOneAttributeGroupedByOrFilteredOn() {
        assertThat(Query.of(Metric.CHURN_RATE).build().churnSegment()).isEmpty();
        assertThat(Query.of(Metric.CHURN_RATE).filter(PLAN, Operator.EQUALS, "pro").build().churnSegment())
                .contains("plan");
        assertThat(Query.of(Metric.CHURN_RATE).groupBy(PLAN).build().churnSegment()).contains("plan");
    }

    // --- figures ------------------------------------------------------------------------------------------------------

    @Test
    void fiveHundredCallsReceivedAndFourHundredFiftyHandledIsTenPercentAbandoned() {
        MetricsPlan plan = Query.of(Metric.ABANDONMENT_RATE).plan();

        Figure figure = report(plan, interactions(new InteractionCount(0, GroupKey.NONE, 300, 30),
                new InteractionCount(0, GroupKey.NONE, 200, 20))).rows().getFirst().figures().getFirst();

        assertThat(figure.n()).isEqualTo(500);
        assertThat(figure.value()).contains(10.0);
        assertThat(figure.confidenceInterval()).contains(Proportion.wilsonInterval(50, 500));
        assertThat(figure.abandonment()).hasValueSatisfying(a -> {
            assertThat(a.started()).isEqualTo(500);
            assertThat(a.abandoned()).isEqualTo(50);
        });
        assertThat(figure.smallSample()).isFalse();
    }

    @Test
    void abandonmentPerGroupAndPeriodWithEmptyPeriodsUndefined() {
        MetricsPlan plan = Query.of(Metric.ABANDONMENT_RATE).range("2026-01-05", "2026-01-19")
                .bucket(BucketUnit.WEEK).groupBy(Dimension.TEAM).plan();

        MetricsReport report = report(plan, interactions(
                new InteractionCount(0, GroupKey.of("Brno"), 8, 2),
                new InteractionCount(0, GroupKey.of((String) null), 4, 4)));

        assertThat(report.rows()).extracting(row -> row.period().from().toString(), row -> row.group().values(),
                row -> row.figures().getFirst().n(), row -> row.figures().getFirst().value())
                .containsExactly(
                        tuple("2026-01-05", List.of("Brno"), 8L, Optional.of(25.0)),
                        tuple("2026-01-05", Collections.singletonList(null), 4L, Optional.of(100.0)),
                        tuple("2026-01-12", List.of("Brno"), 0L, Optional.empty()),
                        tuple("2026-01-12", Collections.singletonList(null), 0L, Optional.empty()));
    }

    @Test
    void abandonmentAgainstThePreviousPeriodIsTheTwoProportionTest() {
        MetricsPlan plan = Query.of(Metric.ABANDONMENT_RATE).previousPeriod().plan();

        // period 0 is the previous period, 1 the range
        Figure figure = report(plan, interactions(new InteractionCount(0, GroupKey.NONE, 400, 40),
                new InteractionCount(1, GroupKey.NONE, 400, 80))).rows().getFirst().figures().getFirst();

        Comparison comparison = figure.comparison().orElseThrow();
        assertThat(comparison.n()).isEqualTo(400);
        assertThat(comparison.value()).contains(10.0);
        assertThat(comparison.change().orElseThrow()).isCloseTo(10.0, EXACT);
        // pooled p = 120 / 800 = 0.15; SE = 100 × sqrt(0.15 × 0.85 × (2 / 400)) = 2.5248762...; z = 10 / SE
        assertThat(comparison.significance().orElseThrow().z())
                .isCloseTo(10.0 / (100 * Math.sqrt(0.15 * 0.85 * (2.0 / 400))), EXACT);
        assertThat(comparison.significance().orElseThrow().significant()).isTrue();
    }

    @Test
    void churnAddsUpTheAdmittedSegmentsOrShowsEachWhenGroupedBy() {
        List<ChurnCount> churn = List.of(new ChurnCount(0, Optional.empty(), 10, 1),
                new ChurnCount(0, Optional.of("free"), 50, 20), new ChurnCount(0, Optional.of("pro"), 40, 2));

        Figure total = report(Query.of(Metric.CHURN_RATE).plan(), new Counted(List.of(), List.of(), List.of(),
                churn)).rows().getFirst().figures().getFirst();
        assertThat(total.n()).isEqualTo(100);
        assertThat(total.value()).contains(23.0);
        assertThat(total.churn()).hasValueSatisfying(c -> assertThat(c.lost()).isEqualTo(23));
        assertThat(total.confidenceInterval()).isEmpty();

        Figure paying = report(Query.of(Metric.CHURN_RATE).filter(PLAN, Operator.NOT_IN, "free").plan(),
                new Counted(List.of(), List.of(), List.of(), churn)).rows().getFirst().figures().getFirst();
        assertThat(paying.n()).isEqualTo(50);
        assertThat(paying.value().orElseThrow()).isCloseTo(6.0, EXACT);

        MetricsReport grouped = report(Query.of(Metric.CHURN_RATE).groupBy(PLAN).plan(),
                new Counted(List.of(), List.of(), List.of(), churn));
        assertThat(grouped.rows()).extracting(row -> row.group().values(), row -> row.figures().getFirst().value())
                .containsExactly(tuple(List.of("free"), Optional.of(40.0)), tuple(List.of("pro"), Optional.of(5.0)),
                        tuple(Collections.singletonList(null), Optional.of(10.0)));
    }

    @Test
    void churnComparedWithItsBaselineHasAChangeButNoTest() {
        MetricsPlan plan = Query.of(Metric.CHURN_RATE).previousPeriod().plan();

        Figure figure = report(plan, new Counted(List.of(), List.of(), List.of(), List.of(
                new ChurnCount(0, Optional.empty(), 100, 10), new ChurnCount(1, Optional.empty(), 90, 18))))
                .rows().getFirst().figures().getFirst();

        assertThat(figure.value()).contains(20.0);
        assertThat(figure.comparison().orElseThrow().change().orElseThrow()).isCloseTo(10.0, EXACT);
        assertThat(figure.comparison().orElseThrow().significance()).isEmpty();
    }

    @Test
    void noActiveCustomersIsAnUndefinedChurnRateNotZero() {
        Figure figure = report(Query.of(Metric.CHURN_RATE).plan(), Counted.NOTHING).rows().getFirst().figures()
                .getFirst();

        assertThat(figure.n()).isZero();
        assertThat(figure.value()).isEmpty();
        assertThat(figure.churn()).isEmpty();
    }

    private static Counted interactions(InteractionCount... counts) {
        return new Counted(List.of(), List.of(), List.of(counts), List.of());
    }

    private static MetricsReport report(MetricsPlan plan, Counted counted) {
        return MetricsReport.of(plan, counted, Counted.NOTHING);
    }

    private static void assertInvalid(Query query, org.assertj.core.groups.Tuple... violations) {
        assertThatThrownBy(query::build).isInstanceOfSatisfying(InvalidValue.class, invalid ->
                assertThat(invalid.violations()).extracting("field", "code").containsExactly(violations));
    }
}
