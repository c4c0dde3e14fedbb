package io.touchstone.domain.analytics;

import static io.touchstone.domain.analytics.AnalyticsFixtures.A;
import static io.touchstone.domain.analytics.AnalyticsFixtures.B;
import static io.touchstone.domain.analytics.AnalyticsFixtures.csat;
import static io.touchstone.domain.analytics.AnalyticsFixtures.published;
import static io.touchstone.domain.analytics.AnalyticsFixtures.q;
import static io.touchstone.domain.analytics.AnalyticsFixtures.range;
import static io.touchstone.domain.analytics.AnalyticsFixtures.withDraft;
import static io.touchstone.domain.survey.SurveyFixtures.ces;
import static io.touchstone.domain.survey.SurveyFixtures.content;
import static io.touchstone.domain.survey.SurveyFixtures.nps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.touchstone.domain.analytics.AnalyticsFixtures.Query;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.ConfidenceInterval;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Reports assembled from hand-made storage rows. Reference values of intervals and z computed independently with
 * 40-digit decimals (python3, module decimal) from the formulas of PRODUCT.md.
 */
class MetricsReportTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private static final GroupKey WEB = GroupKey.of("WEB");
    private static final GroupKey EMAIL = GroupKey.of("EMAIL");
    private static final GroupKey NO_CHANNEL = GroupKey.of((String) null);

    /** nps; csat 1..5 from 4; ease (1..5, higher is easier); effort (1..5, higher is harder). */
    private static final Survey SURVEY_A = published(A, content(nps("nps"), csat("csat", 5, 4),
            ces("ease", 5, CesOrientation.HIGHER_IS_EASIER), ces("effort", 5, CesOrientation.HIGHER_IS_HARDER)));
    private static final Survey SURVEY_B = published(B, content(nps("nps")));

    private final List<ScoreCount> scores = new ArrayList<>();
    private final List<ResponseCount> responses = new ArrayList<>();
    private final List<ScoreCount> baselineScores = new ArrayList<>();
    private final List<ResponseCount> baselineResponses = new ArrayList<>();

    private void answers(int period, GroupKey group, SurveyId survey, String question, int score, long count) {
        scores.add(new ScoreCount(period, group, survey, 1, q(question), score, count));
    }

    /** NPS answers of version 1: promoters as 10, passives as 8, detractors as 0. */
    private void npsAnswers(List<ScoreCount> into, int period, GroupKey group, SurveyId survey, long promoters,
            long passives, long detractors) {
        into.add(new ScoreCount(period, group, survey, 1, q("nps"), 10, promoters));
        into.add(new ScoreCount(period, group, survey, 1, q("nps"), 8, passives));
        into.add(new ScoreCount(period, group, survey, 1, q("nps"), 0, detractors));
    }

    private void responses(int period, GroupKey group, SurveyId survey, long count) {
        responses.add(new ResponseCount(period, group, survey, 1, count));
    }

    private MetricsReport report(MetricsPlan plan) {
        return MetricsReport.of(plan, scores, responses, baselineScores, baselineResponses);
    }

    private static Figure figure(ReportRow row, Metric metric) {
        return row.figures().stream().filter(f -> f.metric() == metric).findFirst().orElseThrow();
    }

    private static void assertAbsent(Figure figure) {
        assertThat(figure.n()).isZero();
        assertThat(figure.smallSample()).isTrue();
        assertThat(figure.value()).isEmpty();
        assertThat(figure.confidenceInterval()).isEmpty();
        assertThat(figure.nps()).isEmpty();
        assertThat(figure.csat()).isEmpty();
        assertThat(figure.ces()).isEmpty();
        assertThat(figure.histogram()).isEmpty();
    }

    // --- figures, periods and groups -------------------------------------------------------------------------------

    @Test
    void everyMetricOfAWeeklyReportByChannelIsHandComputed() {
        MetricsPlan plan = Query.of(Metric.NPS, Metric.CSAT_PERCENT, Metric.CSAT_MEAN, Metric.CES_MEAN,
                        Metric.CES_NET, Metric.RESPONSE_COUNT).survey(A).range("2026-01-05", "2026-01-26")
                .bucket(BucketUnit.WEEK).groupBy(Dimension.CHANNEL).plan(SURVEY_A);
        // week 0, WEB: NPS 10 ×3, 9, 8 ×2, 3, 0
        answers(0, WEB, A, "nps", 10, 3);
        answers(0, WEB, A, "nps", 9, 1);
        answers(0, WEB, A, "nps", 8, 2);
        answers(0, WEB, A, "nps", 3, 1);
        answers(0, WEB, A, "nps", 0, 1);
        // CSAT 5 ×2, 4, 2
        answers(0, WEB, A, "csat", 5, 2);
        answers(0, WEB, A, "csat", 4, 1);
        answers(0, WEB, A, "csat", 2, 1);
        // CES: ease 5, 3 (kept); effort raw 1 → 5, raw 4 → 2
        answers(0, WEB, A, "ease", 5, 1);
        answers(0, WEB, A, "ease", 3, 1);
        answers(0, WEB, A, "effort", 1, 1);
        answers(0, WEB, A, "effort", 4, 1);
        responses(0, WEB, A, 8);
        // week 0, no channel: one promoter
        answers(0, NO_CHANNEL, A, "nps", 9, 1);
        responses(0, NO_CHANNEL, A, 1);
        // week 1: nothing; week 2, EMAIL: two detractors
        answers(2, EMAIL, A, "nps", 6, 2);
        responses(2, EMAIL, A, 2);

        MetricsReport report = report(plan);

        // 3 weeks × groups EMAIL, WEB, no channel (value order, "no value" last), week by week
        assertThat(report.rows()).extracting(ReportRow::period).containsExactly(
                range("2026-01-05", "2026-01-12"), range("2026-01-05", "2026-01-12"), range("2026-01-05", "2026-01-12"),
                range("2026-01-12", "2026-01-19"), range("2026-01-12", "2026-01-19"), range("2026-01-12", "2026-01-19"),
                range("2026-01-19", "2026-01-26"), range("2026-01-19", "2026-01-26"),
                range("2026-01-19", "2026-01-26"));
        assertThat(report.rows()).extracting(ReportRow::group).containsExactly(EMAIL, WEB, NO_CHANNEL, EMAIL, WEB,
                NO_CHANNEL, EMAIL, WEB, NO_CHANNEL);
        ReportRow web = report.rows().get(1);
        assertThat(web.figures()).extracting(Figure::metric).containsExactly(Metric.NPS, Metric.CSAT_PERCENT,
                Metric.CSAT_MEAN, Metric.CES_MEAN, Metric.CES_NET, Metric.RESPONSE_COUNT);

        // NPS: P = 4 (10, 10, 10, 9), passives 2, D = 2 (3, 0) of 8 → 100 × 2 / 8 = 25
        // SE = sqrt((0.5 + 0.25 − 0.25²) / 8) = sqrt(0.0859375); CI = 25 ± 196 × SE = [−32.457593..., 82.457593...]
        Figure nps = figure(web, Metric.NPS);
        assertThat(nps.n()).isEqualTo(8);
        assertThat(nps.smallSample()).isTrue();
        assertThat(nps.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(25.0, EXACT));
        assertThat(nps.confidenceInterval().orElseThrow().lower()).isCloseTo(-32.45759305783701204, EXACT);
        assertThat(nps.confidenceInterval().orElseThrow().upper()).isCloseTo(82.45759305783701204, EXACT);
        assertThat(nps.nps().orElseThrow().promoters()).isEqualTo(4);
        assertThat(nps.nps().orElseThrow().passives()).isEqualTo(2);
        assertThat(nps.nps().orElseThrow().detractors()).isEqualTo(2);
        assertThat(nps.histogram()).as("not asked for").isEmpty();
        assertThat(nps.comparison()).isEmpty();

        // CSAT: satisfied (≥ 4) 3 of 4 → 75 %; Wilson 3/4 = [30.063605244263663..., 95.441393735536377...]
        // mean = (5 + 5 + 4 + 2) / 4 = 4
        Figure csatPercent = figure(web, Metric.CSAT_PERCENT);
        assertThat(csatPercent.n()).isEqualTo(4);
        assertThat(csatPercent.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(75.0, EXACT));
        assertThat(csatPercent.confidenceInterval().orElseThrow().lower()).isCloseTo(30.06360524426366345, EXACT);
        assertThat(csatPercent.confidenceInterval().orElseThrow().upper()).isCloseTo(95.44139373553637735, EXACT);
        assertThat(csatPercent.csat().orElseThrow().satisfiedFrom()).isEqualTo(4);
        Figure csatMean = figure(web, Metric.CSAT_MEAN);
        assertThat(csatMean.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(4.0, EXACT));
        assertThat(csatMean.confidenceInterval()).isEmpty();

        // CES, normalised: 5, 3, 5, 2 (n 4) → mean 15 / 4 = 3.75; agree (> 3) 2, neutral 1, disagree 1 → net 25
        Figure cesMean = figure(web, Metric.CES_MEAN);
        Figure cesNet = figure(web, Metric.CES_NET);
        assertThat(cesMean.n()).isEqualTo(4);
        assertThat(cesMean.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(3.75, EXACT));
        assertThat(cesNet.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(25.0, EXACT));
        assertThat(cesNet.ces().orElseThrow().agree()).isEqualTo(2);
        assertThat(cesNet.ces().orElseThrow().neutral()).isEqualTo(1);
        assertThat(cesNet.ces().orElseThrow().disagree()).isEqualTo(1);
        assertThat(cesNet.confidenceInterval()).isEmpty();

        Figure count = figure(web, Metric.RESPONSE_COUNT);
        assertThat(count.n()).isEqualTo(8);
        assertThat(count.value()).contains(8.0);

        // no channel, week 0: one promoter → NPS 100 with a zero-width interval; no CSAT or CES answers
        ReportRow noChannel = report.rows().get(2);
        assertThat(figure(noChannel, Metric.NPS).value()).contains(100.0);
        assertThat(figure(noChannel, Metric.NPS).confidenceInterval()).contains(new ConfidenceInterval(100, 100));
        assertAbsent(figure(noChannel, Metric.CSAT_PERCENT));
        assertAbsent(figure(noChannel, Metric.CES_NET));
        // EMAIL, week 0: nothing yet — but the response count is a count, 0
        assertAbsent(figure(report.rows().get(0), Metric.NPS));
        assertThat(figure(report.rows().get(0), Metric.RESPONSE_COUNT).value()).contains(0.0);

        // week 1 is present, without observations, for every group
        for (ReportRow empty : report.rows().subList(3, 6)) {
            assertAbsent(figure(empty, Metric.NPS));
            assertAbsent(figure(empty, Metric.CSAT_PERCENT));
            assertAbsent(figure(empty, Metric.CSAT_MEAN));
            assertAbsent(figure(empty, Metric.CES_MEAN));
            assertAbsent(figure(empty, Metric.CES_NET));
            assertThat(figure(empty, Metric.RESPONSE_COUNT).n()).isZero();
        }
        // week 2, EMAIL: two 6s → NPS −100
        assertThat(figure(report.rows().get(6), Metric.NPS).value()).contains(-100.0);
        assertThat(figure(report.rows().get(6), Metric.RESPONSE_COUNT).value()).contains(2.0);
    }

    @Test
    void withoutGroupByEveryPeriodHasOneRowEvenWithoutData() {
        MetricsPlan plan = Query.of(Metric.NPS).survey(A).range("2026-01-01", "2026-04-01").bucket(BucketUnit.MONTH)
                .plan(SURVEY_A);

        MetricsReport report = report(plan);

        assertThat(report.rows()).extracting(ReportRow::period).containsExactly(range("2026-01-01", "2026-02-01"),
                range("2026-02-01", "2026-03-01"), range("2026-03-01", "2026-04-01"));
        assertThat(report.rows()).extracting(ReportRow::group).containsOnly(GroupKey.NONE);
        report.rows().forEach(row -> assertAbsent(figure(row, Metric.NPS)));
    }

    @Test
    void storageRowsWithCountZeroGiveNoValue() {
        MetricsPlan plan = Query.of(Metric.NPS).survey(A).plan(SURVEY_A);
        answers(0, GroupKey.NONE, A, "nps", 9, 0);

        Figure nps = figure(report(plan).rows().getFirst(), Metric.NPS);

        assertThat(nps.n()).isZero();
        assertThat(nps.value()).isEmpty();
    }

    @Test
    void cesAnswersOfBothOrientationsAreAddedUpNormalised() {
        MetricsPlan plan = Query.of(Metric.CES_MEAN, Metric.CES_NET).survey(A).withDistribution().plan(SURVEY_A);
        // ease (higher is easier) 5 ×3; effort (higher is harder) raw 1 ×3 → 5, raw 5 ×2 → 1
        answers(0, GroupKey.NONE, A, "ease", 5, 3);
        answers(0, GroupKey.NONE, A, "effort", 1, 3);
        answers(0, GroupKey.NONE, A, "effort", 5, 2);

        ReportRow row = report(plan).rows().getFirst();

        // normalised: 5 ×6, 1 ×2 (n 8): mean = (30 + 2) / 8 = 4; agree 6, disagree 2 → net = 100 × 4 / 8 = 50
        assertThat(figure(row, Metric.CES_MEAN).value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(4.0, EXACT));
        assertThat(figure(row, Metric.CES_NET).value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(50.0, EXACT));
        assertThat(figure(row, Metric.CES_NET).histogram()).contains(ScoreHistogram.of(1, 5, 2, 0, 0, 0, 6));
    }

    @Test
    void histogramsComeOnlyWhenAskedForAndNeverWithTheResponseCount() {
        answers(0, GroupKey.NONE, A, "nps", 9, 2);
        answers(0, GroupKey.NONE, A, "nps", 4, 1);
        answers(0, GroupKey.NONE, A, "csat", 3, 5);
        responses(0, GroupKey.NONE, A, 5);

        ReportRow without = report(Query.of(Metric.NPS, Metric.CSAT_MEAN, Metric.RESPONSE_COUNT).survey(A)
                .plan(SURVEY_A)).rows().getFirst();
        ReportRow with = report(Query.of(Metric.NPS, Metric.CSAT_MEAN, Metric.RESPONSE_COUNT).survey(A)
                .withDistribution().plan(SURVEY_A)).rows().getFirst();

        assertThat(without.figures()).allSatisfy(f -> assertThat(f.histogram()).isEmpty());
        assertThat(figure(with, Metric.NPS).histogram())
                .contains(ScoreHistogram.empty(0, 10).plus(9, 2).plus(4, 1));
        assertThat(figure(with, Metric.CSAT_MEAN).histogram()).contains(ScoreHistogram.of(1, 5, 0, 0, 5, 0, 0));
        assertThat(figure(with, Metric.RESPONSE_COUNT).histogram()).isEmpty();
    }

    @Test
    void answersToQuestionsOrVersionsNotSelectedAreIgnored() {
        Survey survey = withDraft(A, content(nps("nps"), nps("nps-agent")), content(nps("nps")));
        MetricsPlan plan = Query.of(Metric.NPS).survey(A).question("nps").plan(survey);
        answers(0, GroupKey.NONE, A, "nps", 10, 1);
        answers(0, GroupKey.NONE, A, "nps-agent", 0, 5);
        scores.add(new ScoreCount(0, GroupKey.NONE, A, 2, q("nps"), 0, 7));
        scores.add(new ScoreCount(0, GroupKey.NONE, B, 1, q("nps"), 0, 7));

        Figure nps = figure(report(plan).rows().getFirst(), Metric.NPS);

        assertThat(nps.n()).isEqualTo(1);
        assertThat(nps.value()).contains(100.0);
    }

    @Test
    void questionLevelGroupsCombineWithResponseLevelOnes() {
        MetricsPlan plan = Query.of(Metric.NPS, Metric.RESPONSE_COUNT).groupBy(Dimension.SURVEY, Dimension.CHANNEL)
                .plan(SURVEY_A, SURVEY_B);
        // storage groups by the channel only; the survey comes from the row
        npsAnswers(scores, 0, WEB, A, 3, 0, 1);
        npsAnswers(scores, 0, WEB, B, 1, 0, 0);
        npsAnswers(scores, 0, NO_CHANNEL, B, 0, 0, 2);
        responses(0, WEB, A, 4);
        responses(0, WEB, B, 1);
        responses(0, NO_CHANNEL, B, 2);

        MetricsReport report = report(plan);

        assertThat(report.rows()).extracting(ReportRow::group).containsExactly(GroupKey.of(A.toString(), "WEB"),
                GroupKey.of(B.toString(), "WEB"), GroupKey.of(B.toString(), null));
        // A/WEB: 3 P, 1 D of 4 → 50; B/WEB: 100; B/none: −100
        assertThat(report.rows()).extracting(row -> figure(row, Metric.NPS).value().orElseThrow())
                .containsExactly(50.0, 100.0, -100.0);
        assertThat(report.rows()).extracting(row -> figure(row, Metric.RESPONSE_COUNT).n())
                .containsExactly(4L, 1L, 2L);
    }

    @Test
    void groupingByQuestionAndScaleReadsThemOffTheQuestions() {
        Survey survey = published(A, content(csat("csat", 5, 4), csat("csat-delivery", 3, 3)),
                content(csat("csat", 7, 6)));
        MetricsPlan plan = Query.of(Metric.CSAT_PERCENT).survey(A).groupBy(Dimension.QUESTION, Dimension.SCALE)
                .plan(survey);
        // csat on 1..5 (v1): 4, 5, 2 → 2 of 3; on 1..7 (v2): 6, 5 → 1 of 2; csat-delivery 1..3: 3 ×4 → 4 of 4
        answers(0, GroupKey.NONE, A, "csat", 4, 1);
        answers(0, GroupKey.NONE, A, "csat", 5, 1);
        answers(0, GroupKey.NONE, A, "csat", 2, 1);
        scores.add(new ScoreCount(0, GroupKey.NONE, A, 2, q("csat"), 6, 1));
        scores.add(new ScoreCount(0, GroupKey.NONE, A, 2, q("csat"), 5, 1));
        answers(0, GroupKey.NONE, A, "csat-delivery", 3, 4);

        MetricsReport report = report(plan);

        // groups in value order: question first, then scale
        assertThat(report.rows()).extracting(ReportRow::group).containsExactly(GroupKey.of("csat", "1-5"),
                GroupKey.of("csat", "1-7"), GroupKey.of("csat-delivery", "1-3"));
        assertThat(report.rows()).extracting(row -> figure(row, Metric.CSAT_PERCENT).value().orElseThrow())
                .containsExactly(200.0 / 3, 50.0, 100.0);
        assertThat(report.rows()).extracting(row -> figure(row, Metric.CSAT_PERCENT).csat().orElseThrow()
                .satisfiedFrom()).containsExactly(4, 6, 3);
    }

    // --- comparisons ------------------------------------------------------------------------------------------------

    @Test
    void eachWeekIsComparedWithTheWeekBeforeTheFirstWithTheLeadWeek() {
        MetricsPlan plan = Query.of(Metric.NPS).survey(A).range("2026-01-05", "2026-01-19").bucket(BucketUnit.WEEK)
                .previousPeriod().plan(SURVEY_A);
        // storage period 0 is the lead week 2025-12-29; 1 and 2 the reported weeks
        npsAnswers(scores, 0, GroupKey.NONE, A, 40, 30, 30);
        npsAnswers(scores, 1, GroupKey.NONE, A, 60, 20, 20);
        npsAnswers(scores, 2, GroupKey.NONE, A, 50, 20, 30);

        MetricsReport report = report(plan);

        assertThat(report.rows()).extracting(ReportRow::period).containsExactly(range("2026-01-05", "2026-01-12"),
                range("2026-01-12", "2026-01-19"));
        // week 1: NPS 40 vs 10 in the lead week; z = 30 / sqrt(64 + 69) = 2.601329908572359975...
        Figure first = figure(report.rows().get(0), Metric.NPS);
        Comparison firstVsLead = first.comparison().orElseThrow();
        assertThat(first.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(40.0, EXACT));
        assertThat(firstVsLead.baseline()).isEqualTo(range("2025-12-29", "2026-01-05"));
        assertThat(firstVsLead.n()).isEqualTo(100);
        assertThat(firstVsLead.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(10.0, EXACT));
        assertThat(firstVsLead.change()).hasValueSatisfying(v -> assertThat(v).isCloseTo(30.0, EXACT));
        assertThat(firstVsLead.significance().orElseThrow().z()).isCloseTo(2.601329908572359975, EXACT);
        assertThat(firstVsLead.significance().orElseThrow().significant()).isTrue();
        // week 2: NPS 20 vs 40; SE² = 76 + 64 → z = −20 / sqrt(140) = −1.690308509457033155...
        Comparison secondVsFirst = figure(report.rows().get(1), Metric.NPS).comparison().orElseThrow();
        assertThat(secondVsFirst.baseline()).isEqualTo(range("2026-01-05", "2026-01-12"));
        assertThat(secondVsFirst.change()).hasValueSatisfying(v -> assertThat(v).isCloseTo(-20.0, EXACT));
        assertThat(secondVsFirst.significance().orElseThrow().z()).isCloseTo(-1.690308509457033155, EXACT);
        assertThat(secondVsFirst.significance().orElseThrow().significant()).isFalse();
    }

    @Test
    void aRangeWithoutBucketsIsComparedWithAsManyDaysBefore() {
        MetricsPlan plan = Query.of(Metric.CSAT_PERCENT, Metric.RESPONSE_COUNT).survey(A)
                .range("2026-01-05", "2026-01-15").previousPeriod().plan(SURVEY_A);
        // lead 2025-12-26 .. 2026-01-05: 45 of 100 satisfied; range: 60 of 100
        answers(0, GroupKey.NONE, A, "csat", 5, 45);
        answers(0, GroupKey.NONE, A, "csat", 1, 55);
        answers(1, GroupKey.NONE, A, "csat", 4, 60);
        answers(1, GroupKey.NONE, A, "csat", 3, 40);
        responses(0, GroupKey.NONE, A, 100);
        responses(1, GroupKey.NONE, A, 120);

        ReportRow row = report(plan).rows().getFirst();

        // pooled p̂ = 0.525: z = 15 / (100 × sqrt(0.525 × 0.475 × 0.02)) = 2.123976976214366078...
        Comparison csat = figure(row, Metric.CSAT_PERCENT).comparison().orElseThrow();
        assertThat(row.period()).isEqualTo(range("2026-01-05", "2026-01-15"));
        assertThat(csat.baseline()).isEqualTo(range("2025-12-26", "2026-01-05"));
        assertThat(csat.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(45.0, EXACT));
        assertThat(csat.change()).hasValueSatisfying(v -> assertThat(v).isCloseTo(15.0, EXACT));
        assertThat(csat.significance().orElseThrow().z()).isCloseTo(2.123976976214366078, EXACT);
        // the response count changes by 20 and has no test
        Comparison count = figure(row, Metric.RESPONSE_COUNT).comparison().orElseThrow();
        assertThat(count.n()).isEqualTo(100);
        assertThat(count.change()).contains(20.0);
        assertThat(count.significance()).isEmpty();
    }

    @Test
    void aComparisonWithAnEmptyPeriodHasNoChange() {
        MetricsPlan plan = Query.of(Metric.NPS, Metric.CES_MEAN).survey(A).range("2026-01-05", "2026-01-19")
                .bucket(BucketUnit.WEEK).previousPeriod().plan(SURVEY_A);
        npsAnswers(scores, 1, GroupKey.NONE, A, 3, 0, 0);

        MetricsReport report = report(plan);

        Comparison first = figure(report.rows().get(0), Metric.NPS).comparison().orElseThrow();
        assertThat(first.n()).isZero();
        assertThat(first.value()).isEmpty();
        assertThat(first.change()).isEmpty();
        assertThat(first.significance()).isEmpty();
        Comparison second = figure(report.rows().get(1), Metric.NPS).comparison().orElseThrow();
        assertThat(second.value()).contains(100.0);
        assertThat(second.change()).isEmpty();
        assertThat(figure(report.rows().get(0), Metric.CES_MEAN).comparison().orElseThrow().significance()).isEmpty();
    }

    @Test
    void everyBucketAndGroupIsComparedWithTheFixedBaseline() {
        MetricsPlan plan = Query.of(Metric.CSAT_MEAN).survey(A).range("2026-01-01", "2026-03-01")
                .bucket(BucketUnit.MONTH).groupBy(Dimension.CHANNEL).fixed("2025-01-01", "2025-04-01")
                .plan(SURVEY_A);
        // January WEB 1..5 counts 1, 3, 9, 11, 6; February WEB 1, 8, 2, 8, 11; baseline WEB 5, 5, 10, 5, 5
        long[] january = {1, 3, 9, 11, 6};
        long[] february = {1, 8, 2, 8, 11};
        long[] baseline = {5, 5, 10, 5, 5};
        for (int score = 1; score <= 5; score++) {
            answers(0, WEB, A, "csat", score, january[score - 1]);
            answers(1, WEB, A, "csat", score, february[score - 1]);
            baselineScores.add(new ScoreCount(0, WEB, A, 1, q("csat"), score, baseline[score - 1]));
        }
        // SMS answered only in the baseline: 4, 4
        baselineScores.add(new ScoreCount(0, GroupKey.of("SMS"), A, 1, q("csat"), 4, 2));

        MetricsReport report = report(plan);

        assertThat(report.rows()).extracting(ReportRow::group).containsExactly(GroupKey.of("SMS"), WEB,
                GroupKey.of("SMS"), WEB);
        // January: mean 3.6 vs 3; Welch z = 0.6 / sqrt((31.2/29)/30 + (50/29)/30) = 1.963961012123931431...
        Comparison inJanuary = figure(report.rows().get(1), Metric.CSAT_MEAN).comparison().orElseThrow();
        assertThat(inJanuary.baseline()).isEqualTo(range("2025-01-01", "2025-04-01"));
        assertThat(inJanuary.n()).isEqualTo(30);
        assertThat(inJanuary.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(3.0, EXACT));
        assertThat(inJanuary.change()).hasValueSatisfying(v -> assertThat(v).isCloseTo(0.6, EXACT));
        assertThat(inJanuary.significance().orElseThrow().z()).isCloseTo(1.963961012123931431, EXACT);
        assertThat(inJanuary.significance().orElseThrow().significant()).isTrue();
        // February: mean 3.666... vs 3; z = 1.959862138684506202... — just not significant
        Comparison inFebruary = figure(report.rows().get(3), Metric.CSAT_MEAN).comparison().orElseThrow();
        assertThat(inFebruary.baseline()).isEqualTo(range("2025-01-01", "2025-04-01"));
        assertThat(inFebruary.significance().orElseThrow().z()).isCloseTo(1.959862138684506202, EXACT);
        assertThat(inFebruary.significance().orElseThrow().significant()).isFalse();
        // SMS: no answers now (absent), mean 4 in the baseline, so no change
        Figure sms = figure(report.rows().get(0), Metric.CSAT_MEAN);
        assertAbsent(sms);
        assertThat(sms.comparison().orElseThrow().n()).isEqualTo(2);
        assertThat(sms.comparison().orElseThrow().value()).contains(4.0);
        assertThat(sms.comparison().orElseThrow().change()).isEmpty();
    }

    @Test
    void aGroupSeenOnlyInTheLeadPeriodIsReportedWithoutObservations() {
        MetricsPlan plan = Query.of(Metric.NPS).survey(A).range("2026-01-05", "2026-01-12").bucket(BucketUnit.WEEK)
                .groupBy(Dimension.CHANNEL).previousPeriod().plan(SURVEY_A);
        npsAnswers(scores, 0, EMAIL, A, 1, 0, 1);
        npsAnswers(scores, 1, WEB, A, 2, 0, 0);

        MetricsReport report = report(plan);

        assertThat(report.rows()).extracting(ReportRow::group).containsExactly(EMAIL, WEB);
        Figure email = figure(report.rows().getFirst(), Metric.NPS);
        assertAbsent(email);
        assertThat(email.comparison().orElseThrow().value()).contains(0.0);
        assertThat(figure(report.rows().get(1), Metric.NPS).comparison().orElseThrow().n()).isZero();
    }

    // --- size -------------------------------------------------------------------------------------------------------

    @Test
    void fiftyThousandRowsAreTheMost() {
        MetricsPlan plan = Query.of(Metric.NPS).survey(A).range("2026-01-05", "2026-01-19").bucket(BucketUnit.WEEK)
                .groupBy(Dimension.attribute("store")).plan(SURVEY_A);
        for (int store = 0; store < 25_000; store++) {
            answers(store % 2, GroupKey.of("store-" + store), A, "nps", 9, 1);
        }

        assertThat(report(plan).rows()).hasSize(50_000);

        answers(0, GroupKey.of("one-more"), A, "nps", 9, 1);
        assertThatThrownBy(() -> report(plan)).isInstanceOfSatisfying(RuleViolated.class,
                violated -> assertThat(violated.code()).isEqualTo("query.too-many-groups"));
    }

    @Test
    void groupsOfTheBaselineCountTowardsTheLimit() {
        MetricsPlan plan = Query.of(Metric.NPS).survey(A).groupBy(Dimension.attribute("store"))
                .fixed("2025-01-05", "2025-01-12").plan(SURVEY_A);
        for (int store = 0; store <= 50_000; store++) {
            baselineScores.add(new ScoreCount(0, GroupKey.of("store-" + store), A, 1, q("nps"), 9, 1));
        }

        assertThatThrownBy(() -> report(plan)).isInstanceOfSatisfying(RuleViolated.class,
                violated -> assertThat(violated.code()).isEqualTo("query.too-many-groups"));
    }
}
