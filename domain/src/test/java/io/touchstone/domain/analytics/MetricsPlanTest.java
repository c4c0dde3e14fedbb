package io.touchstone.domain.analytics;

import static io.touchstone.domain.analytics.AnalyticsFixtures.A;
import static io.touchstone.domain.analytics.AnalyticsFixtures.B;
import static io.touchstone.domain.analytics.AnalyticsFixtures.csat;
import static io.touchstone.domain.analytics.AnalyticsFixtures.published;
import static io.touchstone.domain.analytics.AnalyticsFixtures.q;
import static io.touchstone.domain.analytics.AnalyticsFixtures.withDraft;
import static io.touchstone.domain.survey.SurveyFixtures.ces;
import static io.touchstone.domain.survey.SurveyFixtures.content;
import static io.touchstone.domain.survey.SurveyFixtures.freeText;
import static io.touchstone.domain.survey.SurveyFixtures.nps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.analytics.AnalyticsFixtures.Query;
import io.touchstone.domain.analytics.DimensionFilter.Operator;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.survey.Survey;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MetricsPlanTest {

    private static void assertInvalid(Query query, List<Survey> surveys, Tuple... violations) {
        assertThatThrownBy(() -> MetricsPlan.of(query.build(), surveys)).isInstanceOfSatisfying(InvalidValue.class,
                invalid -> assertThat(invalid.violations()).extracting("field", "code").containsExactly(violations));
    }

    // --- selection ------------------------------------------------------------------------------------------------

    @Test
    void aNamedQuestionIsSelectedInEveryPublishedVersionThatHasIt() {
        Survey survey = published(A, content(nps("nps"), nps("nps-2")), content(nps("nps")), content(nps("nps-2")));

        MetricsPlan plan = Query.of(Metric.NPS).survey(A).question("nps").plan(survey);

        assertThat(plan.scoreQuestions()).containsExactly(new SurveyQuestion(A, q("nps")));
        assertThat(plan.selectedFor(Metric.NPS, A, 1, q("nps"))).isPresent();
        assertThat(plan.selectedFor(Metric.NPS, A, 2, q("nps"))).isPresent();
        assertThat(plan.selectedFor(Metric.NPS, A, 3, q("nps"))).as("version 3 has no 'nps'").isEmpty();
        assertThat(plan.selectedFor(Metric.NPS, A, 1, q("nps-2"))).as("not the named question").isEmpty();
    }

    @Test
    void withoutAQuestionEveryQuestionOfTheMetricsTypeInEverySurveyIsSelected() {
        Survey a = published(A, content(nps("nps"), csat("csat", 5, 4), freeText("comment", 100)));
        Survey b = published(B, content(csat("sat", 5, 4), nps("recommend")));

        MetricsPlan plan = Query.of(Metric.NPS, Metric.CSAT_PERCENT).plan(b, a);

        assertThat(plan.scoreQuestions()).containsExactly(new SurveyQuestion(A, q("csat")),
                new SurveyQuestion(A, q("nps")), new SurveyQuestion(B, q("recommend")),
                new SurveyQuestion(B, q("sat")));
        assertThat(plan.selectedFor(Metric.NPS, B, 1, q("recommend"))).isPresent();
        assertThat(plan.selectedFor(Metric.NPS, B, 1, q("sat"))).as("a CSAT question feeds no NPS").isEmpty();
        assertThat(plan.selectedFor(Metric.CSAT_PERCENT, A, 1, q("csat"))).isPresent();
        assertThat(plan.responseSurveys()).as("no response count asked for").isEmpty();
    }

    @Test
    void aNamedSurveyLimitsTheSelectionToIt() {
        Survey a = published(A, content(nps("nps")));
        Survey b = published(B, content(nps("nps")));

        MetricsPlan plan = Query.of(Metric.NPS, Metric.RESPONSE_COUNT).survey(B).plan(a, b);

        assertThat(plan.scoreQuestions()).containsExactly(new SurveyQuestion(B, q("nps")));
        assertThat(plan.responseSurveys()).containsExactly(B);
    }

    @Test
    void questionLevelFiltersNarrowTheSelection() {
        Survey a = published(A, content(nps("nps"), nps("nps-agent")));
        Survey b = published(B, content(nps("nps")));

        MetricsPlan notAgent = Query.of(Metric.NPS).filter(Dimension.QUESTION, Operator.NOT_IN, "nps-agent")
                .plan(a, b);
        MetricsPlan onlyB = Query.of(Metric.NPS, Metric.RESPONSE_COUNT)
                .filter(Dimension.SURVEY, Operator.EQUALS, B.toString()).plan(a, b);

        assertThat(notAgent.scoreQuestions()).containsExactly(new SurveyQuestion(A, q("nps")),
                new SurveyQuestion(B, q("nps")));
        assertThat(onlyB.scoreQuestions()).containsExactly(new SurveyQuestion(B, q("nps")));
        assertThat(onlyB.responseSurveys()).containsExactly(B);
    }

    @Test
    void draftVersionsAreIgnored() {
        // the draft changes the scale and adds a question: neither matters before it is published
        Survey survey = withDraft(A, content(csat("csat", 5, 4)), content(csat("csat", 7, 6), nps("nps")));

        MetricsPlan plan = Query.of(Metric.CSAT_PERCENT, Metric.NPS).survey(A).plan(survey);

        assertThat(plan.scoreQuestions()).containsExactly(new SurveyQuestion(A, q("csat")));
        assertThat(plan.selectedFor(Metric.CSAT_PERCENT, A, 2, q("csat"))).isEmpty();
    }

    @Test
    void aQuestionOnlyADraftHasIsUnknown() {
        Survey survey = withDraft(A, content(csat("csat", 5, 4)), content(csat("csat", 5, 4), nps("nps")));

        assertInvalid(Query.of(Metric.NPS).survey(A).question("nps"), List.of(survey),
                tuple("questionId", "query.question-unknown"));
    }

    @Test
    void aTypeOnlyADraftGivesTheQuestionDoesNotMatch() {
        // published: 'score' is an NPS question; the draft turns it into a CSAT question
        Survey survey = withDraft(A, content(nps("score")), content(csat("score", 5, 4)));

        assertInvalid(Query.of(Metric.CSAT_PERCENT).survey(A).question("score"), List.of(survey),
                tuple("metrics[0]", "query.metric-question-mismatch"));
    }

    @Test
    void theResponseCountCountsTheResponsesOfEverySurveyInScope() {
        Survey a = published(A, content(nps("nps")));
        Survey b = published(B, content(csat("csat", 5, 4)));

        MetricsPlan plan = Query.of(Metric.RESPONSE_COUNT).plan(b, a);

        assertThat(plan.responseSurveys()).containsExactly(A, B);
        assertThat(plan.scoreQuestions()).isEmpty();
    }

    // --- questions that cannot feed the metric ---------------------------------------------------------------------

    @Test
    void refusesAnUnknownQuestion() {
        assertInvalid(Query.of(Metric.NPS).survey(A).question("missing"), List.of(published(A, content(nps("nps")))),
                tuple("questionId", "query.question-unknown"));
    }

    @Test
    void refusesEveryMetricTheNamedQuestionCannotFeed() {
        Survey survey = published(A, content(nps("nps"), csat("csat", 5, 4)));

        assertInvalid(Query.of(Metric.NPS, Metric.CSAT_PERCENT, Metric.RESPONSE_COUNT, Metric.CES_MEAN).survey(A)
                        .question("nps"), List.of(survey),
                tuple("metrics[1]", "query.metric-question-mismatch"),
                tuple("metrics[3]", "query.metric-question-mismatch"));
        assertInvalid(Query.of(Metric.CSAT_MEAN).survey(A).question("nps"), List.of(survey),
                tuple("metrics[0]", "query.metric-question-mismatch"));
    }

    // --- scales -----------------------------------------------------------------------------------------------------

    @Test
    void aCsatQuestionWhoseScaleChangedBetweenVersionsMixesScales() {
        Survey survey = published(A, content(csat("csat", 5, 4)), content(csat("csat", 7, 6)));

        assertInvalid(Query.of(Metric.NPS, Metric.CSAT_PERCENT).survey(A), List.of(survey),
                tuple("metrics[1]", "query.scales-mixed"));
        assertInvalid(Query.of(Metric.CSAT_PERCENT).survey(A).question("csat")
                        .filter(Dimension.SCALE, Operator.IN, "1-5", "1-7"), List.of(survey),
                tuple("metrics[0]", "query.scales-mixed"));
        assertInvalid(Query.of(Metric.CSAT_MEAN).survey(A), List.of(survey),
                tuple("metrics[0]", "query.scales-mixed"));
        // grouping by question does not help: it is the same question on two scales
        assertInvalid(Query.of(Metric.CSAT_MEAN).survey(A).groupBy(Dimension.QUESTION), List.of(survey),
                tuple("metrics[0]", "query.scales-mixed"));
    }

    @Test
    void groupingOrFilteringByScaleKeepsScalesApart() {
        Survey survey = published(A, content(csat("csat", 5, 4)), content(csat("csat", 7, 6)));

        MetricsPlan grouped = Query.of(Metric.CSAT_PERCENT).survey(A).groupBy(Dimension.CHANNEL, Dimension.SCALE)
                .plan(survey);
        MetricsPlan filtered = Query.of(Metric.CSAT_PERCENT).survey(A).filter(Dimension.SCALE, Operator.EQUALS, "1-7")
                .plan(survey);

        assertThat(grouped.selectedFor(Metric.CSAT_PERCENT, A, 1, q("csat"))).isPresent();
        assertThat(grouped.selectedFor(Metric.CSAT_PERCENT, A, 2, q("csat"))).isPresent();
        assertThat(filtered.selectedFor(Metric.CSAT_PERCENT, A, 1, q("csat"))).isEmpty();
        assertThat(filtered.selectedFor(Metric.CSAT_PERCENT, A, 2, q("csat"))).isPresent();
    }

    @Test
    void csatThresholdsThatDifferMixEvenOnOneScale() {
        Survey survey = published(A, content(csat("top-two", 5, 4), csat("top-box", 5, 5)));

        assertInvalid(Query.of(Metric.CSAT_PERCENT).survey(A), List.of(survey),
                tuple("metrics[0]", "query.scales-mixed"));
        assertInvalid(Query.of(Metric.CSAT_PERCENT).survey(A).groupBy(Dimension.SCALE), List.of(survey),
                tuple("metrics[0]", "query.scales-mixed"));
        assertThatNoException().isThrownBy(() -> Query.of(Metric.CSAT_PERCENT).survey(A)
                .groupBy(Dimension.QUESTION).plan(survey));
    }

    @Test
    void cesQuestionsOfBothOrientationsOnOneScaleDoNotMix() {
        Survey survey = published(A, content(ces("easy", 5, CesOrientation.HIGHER_IS_EASIER),
                ces("effort", 5, CesOrientation.HIGHER_IS_HARDER)));

        MetricsPlan plan = Query.of(Metric.CES_MEAN, Metric.CES_NET).survey(A).plan(survey);

        assertThat(plan.selectedFor(Metric.CES_MEAN, A, 1, q("easy"))).isPresent();
        assertThat(plan.selectedFor(Metric.CES_NET, A, 1, q("effort"))).isPresent();
    }

    @Test
    void cesOnTwoScalesAcrossSurveysIsReportedPerSurveyOrScale() {
        Survey a = published(A, content(ces("ces", 5, CesOrientation.HIGHER_IS_EASIER)));
        Survey b = published(B, content(ces("ces", 7, CesOrientation.HIGHER_IS_HARDER)));

        assertInvalid(Query.of(Metric.RESPONSE_COUNT, Metric.CES_NET), List.of(a, b),
                tuple("metrics[1]", "query.scales-mixed"));
        assertThatNoException().isThrownBy(() -> Query.of(Metric.CES_NET).groupBy(Dimension.SURVEY).plan(a, b));
        assertThatNoException().isThrownBy(() -> Query.of(Metric.CES_NET).groupBy(Dimension.SCALE).plan(a, b));
        assertThatNoException().isThrownBy(() -> Query.of(Metric.CES_NET)
                .filter(Dimension.SURVEY, Operator.NOT_IN, B.toString()).plan(a, b));
    }

    @Test
    void npsIsAlwaysOnOneScale() {
        Survey a = published(A, content(nps("nps")), content(nps("nps"), nps("nps-2")));
        Survey b = published(B, content(nps("nps")));

        assertThat(Query.of(Metric.NPS).plan(a, b).scoreQuestions()).hasSize(3);
    }

    @Test
    void scaleNamesAreThoseOfTheScaleDimension() {
        assertThat(MetricsPlan.scale(nps("nps"))).contains("0-10");
        assertThat(MetricsPlan.scale(csat("csat", 3, 3))).contains("1-3");
        assertThat(MetricsPlan.scale(ces("ces", 10, CesOrientation.HIGHER_IS_HARDER))).contains("1-10");
        assertThat(MetricsPlan.scale(freeText("comment", 10))).isEmpty();
    }

    // --- periods ----------------------------------------------------------------------------------------------------

    @Test
    void boundariesAreTheBucketStartsAndTheEnd() {
        MetricsPlan plan = Query.of(Metric.NPS).range("2025-12-29", "2026-01-19").bucket(BucketUnit.WEEK)
                .plan(published(A, content(nps("nps"))));

        assertThat(plan.boundaries()).containsExactly(LocalDate.parse("2025-12-29"), LocalDate.parse("2026-01-05"),
                LocalDate.parse("2026-01-12"), LocalDate.parse("2026-01-19"));
        assertThat(plan.baselineBoundaries()).isEmpty();
    }

    @Test
    void comparingWithThePreviousPeriodAddsTheLeadPeriodInFront() {
        Survey survey = published(A, content(nps("nps")));

        assertThat(Query.of(Metric.NPS).range("2026-01-01", "2026-03-01").bucket(BucketUnit.MONTH).previousPeriod()
                .plan(survey).boundaries()).containsExactly(LocalDate.parse("2025-12-01"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
        // without buckets: the ten days before
        assertThat(Query.of(Metric.NPS).range("2026-01-05", "2026-01-15").previousPeriod().plan(survey).boundaries())
                .containsExactly(LocalDate.parse("2025-12-26"), LocalDate.parse("2026-01-05"),
                        LocalDate.parse("2026-01-15"));
    }

    @Test
    void aFixedBaselineIsCountedAsOnePeriodOfItsOwn() {
        MetricsPlan plan = Query.of(Metric.NPS).range("2026-01-05", "2026-01-19").bucket(BucketUnit.WEEK)
                .fixed("2025-01-06", "2025-04-07").plan(published(A, content(nps("nps"))));

        assertThat(plan.boundaries()).containsExactly(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-12"),
                LocalDate.parse("2026-01-19"));
        assertThat(plan.baselineBoundaries()).contains(List.of(LocalDate.parse("2025-01-06"),
                LocalDate.parse("2025-04-07")));
    }
}
