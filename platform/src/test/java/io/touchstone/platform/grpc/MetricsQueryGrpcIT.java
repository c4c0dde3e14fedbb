package io.touchstone.platform.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.rpc.BadRequest;
import io.restassured.http.ContentType;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.proto.v1.Answer;
import io.touchstone.proto.v1.Baseline;
import io.touchstone.proto.v1.BucketUnit;
import io.touchstone.proto.v1.Channel;
import io.touchstone.proto.v1.Comparison;
import io.touchstone.proto.v1.CreateSurveyRequest;
import io.touchstone.proto.v1.DimensionFilter;
import io.touchstone.proto.v1.Figure;
import io.touchstone.proto.v1.FilterOperator;
import io.touchstone.proto.v1.GroupValue;
import io.touchstone.proto.v1.Metric;
import io.touchstone.proto.v1.MetricsRow;
import io.touchstone.proto.v1.PublishSurveyRequest;
import io.touchstone.proto.v1.QueryMetricsRequest;
import io.touchstone.proto.v1.QueryMetricsResponse;
import io.touchstone.proto.v1.Question;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.ScoreCount;
import io.touchstone.proto.v1.ScoreRange;
import io.touchstone.proto.v1.SubmitResponseRequest;
import io.touchstone.proto.v1.SurveyContent;
import io.touchstone.platform.support.SubmissionClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Metrics queries over a real channel and real PostgreSQL, against figures computed by hand from ten responses spread
 * over January 2026 in the tenant's zone (Europe/Prague):
 *
 * <pre>
 *  r   submitted (local)   lang channel store  nps csat ces
 *  r1  Tue 01-06 12:00     cs   WEB     Brno   10   5    7
 *  r2  Tue 01-06 12:00     cs   WEB     Praha   9   4    -
 *  r3  Wed 01-07 12:00     fa   EMAIL   Brno    7   3    4
 *  r4  Thu 01-08 12:00     cs   -       -       8   -    -
 *  r5  Fri 01-09 12:00     cs   EMAIL   Brno    0   1    2
 *  r6  Wed 01-14 12:00     cs   WEB     Brno   10   -    -
 *  r7  Mon 01-12 00:30     cs   WEB     Praha   6   -    -     (Sunday 23:30 UTC: week 3 only in Prague)
 *  r8  Wed 01-28 12:00     cs   SMS     Praha   8   5    -
 *  r9  Thu 01-29 12:00     fa   -       -       9   -    -
 *  r10 Fri 01-30 12:00     cs   WEB     Brno   10   2    -
 * </pre>
 *
 * ISO weeks: W2 = 01-05..01-12 (r1-r5), W3 = 01-12..01-19 (r6, r7), W4 = 01-19..01-26 (none), W5 = 01-26..02-02
 * (r8-r10). CSAT is 1-5, satisfied from 4; CES 1-7, higher is easier, agree above 4.
 */
@QuarkusTest
class MetricsQueryGrpcIT extends GrpcTestSupport {

    private static final double EXACT = 1e-9;

    private TestTenant tenant;
    private String key;
    private String surveyId;

    @BeforeEach
    void publishedSurvey() {
        SubmissionClock.install();
        tenant = tenant();
        key = tenant.adminKey();
        surveyId = publishedSurvey(key);
    }

    // --- the data set ------------------------------------------------------------------------------------------------

    private static SubmitResponseRequest response(String surveyId, String localTime, String language,
            Channel channel, String store, Integer nps, Integer csat, Integer ces) {
        List<Answer> answers = new ArrayList<>();
        answers.add(score("nps", nps));
        if (csat != null) {
            answers.add(score("csat", csat));
        }
        if (ces != null) {
            answers.add(score("ces", ces));
        }
        SubmitResponseRequest.Builder request = submission(surveyId, answers.toArray(Answer[]::new)).toBuilder()
                .setLanguage(language)
                .setIdempotencyKey(SubmissionClock.at(OffsetDateTime.parse(localTime).toInstant()))
                .putMetadata("ticket", "T-" + UUID.randomUUID());
        if (channel != null) {
            request.setChannel(channel);
        }
        if (store != null) {
            request.putMetadata("store", store);
        }
        return request.build();
    }

    private void submitTheTenResponses() {
        List<SubmitResponseRequest> requests = List.of(
                response(surveyId, "2026-01-06T12:00:00+01:00", "cs", Channel.CHANNEL_WEB, "Brno", 10, 5, 7),
                response(surveyId, "2026-01-06T12:00:00+01:00", "cs", Channel.CHANNEL_WEB, "Praha", 9, 4, null),
                response(surveyId, "2026-01-07T12:00:00+01:00", "fa", Channel.CHANNEL_EMAIL, "Brno", 7, 3, 4),
                response(surveyId, "2026-01-08T12:00:00+01:00", "cs", null, null, 8, null, null),
                response(surveyId, "2026-01-09T12:00:00+01:00", "cs", Channel.CHANNEL_EMAIL, "Brno", 0, 1, 2),
                response(surveyId, "2026-01-14T12:00:00+01:00", "cs", Channel.CHANNEL_WEB, "Brno", 10, null, null),
                response(surveyId, "2026-01-12T00:30:00+01:00", "cs", Channel.CHANNEL_WEB, "Praha", 6, null, null),
                response(surveyId, "2026-01-28T12:00:00+01:00", "cs", Channel.CHANNEL_SMS, "Praha", 8, 5, null),
                response(surveyId, "2026-01-29T12:00:00+01:00", "fa", null, null, 9, null, null),
                response(surveyId, "2026-01-30T12:00:00+01:00", "cs", Channel.CHANNEL_WEB, "Brno", 10, 2, null));
        for (SubmitResponseRequest request : requests) {
            responses(key).submitResponse(request);
        }
    }

    // --- requests and reading answers ------------------------------------------------------------------------------

    private QueryMetricsRequest.Builder query(String from, String to, Metric... metrics) {
        return QueryMetricsRequest.newBuilder().setSurveyId(surveyId).setFrom(from).setTo(to)
                .addAllMetrics(List.of(metrics));
    }

    private QueryMetricsResponse run(QueryMetricsRequest.Builder request) {
        return metrics(key).queryMetrics(request.build());
    }

    private static DimensionFilter filter(String dimension, FilterOperator operator, String... values) {
        return DimensionFilter.newBuilder().setDimension(dimension).setOperator(operator)
                .addAllValues(List.of(values)).build();
    }

    /** The group values of a row, null for "no value". */
    private static List<String> group(MetricsRow row) {
        return row.getGroupList().stream().map(value -> value.hasValue() ? value.getValue() : null).toList();
    }

    private static void assertUndefined(Figure figure) {
        assertThat(figure.getN()).isZero();
        assertThat(figure.hasValue()).as("value of %s", figure.getMetric()).isFalse();
        assertThat(figure.hasConfidenceInterval()).isFalse();
        assertThat(figure.hasNps() || figure.hasCsat() || figure.hasCes()).isFalse();
        assertThat(figure.getHistogramList()).isEmpty();
    }

    /** NPS z of a change between two samples (promoters, detractors, n each), as PRODUCT.md defines it. */
    private static double npsZ(double change, long p1, long d1, long n1, long p0, long d0, long n0) {
        double se1 = 100 * Math.sqrt(((double) p1 / n1 + (double) d1 / n1
                - Math.pow((double) (p1 - d1) / n1, 2)) / n1);
        double se0 = 100 * Math.sqrt(((double) p0 / n0 + (double) d0 / n0
                - Math.pow((double) (p0 - d0) / n0, 2)) / n0);
        return change / Math.sqrt(se1 * se1 + se0 * se0);
    }

    // --- figures -----------------------------------------------------------------------------------------------------

    @Test
    void aWeeklyTrendHasEveryWeekTheEmptyOneWithoutValues() {
        submitTheTenResponses();

        QueryMetricsResponse answer = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS,
                Metric.METRIC_CSAT_PERCENT, Metric.METRIC_CES_NET, Metric.METRIC_RESPONSE_COUNT)
                .setBucket(BucketUnit.BUCKET_UNIT_WEEK));

        assertThat(answer.getMetricsList()).containsExactly(Metric.METRIC_NPS, Metric.METRIC_CSAT_PERCENT,
                Metric.METRIC_CES_NET, Metric.METRIC_RESPONSE_COUNT);
        assertThat(answer.getBucket()).isEqualTo(BucketUnit.BUCKET_UNIT_WEEK);
        assertThat(answer.getFrom()).isEqualTo("2026-01-05");
        assertThat(answer.getTo()).isEqualTo("2026-02-02");
        assertThat(answer.getRowsList()).extracting(MetricsRow::getFrom, MetricsRow::getTo).containsExactly(
                tuple("2026-01-05", "2026-01-12"), tuple("2026-01-12", "2026-01-19"),
                tuple("2026-01-19", "2026-01-26"), tuple("2026-01-26", "2026-02-02"));
        assertThat(answer.getRowsList()).allSatisfy(row -> assertThat(row.getGroupList()).isEmpty());

        // W2: NPS 10, 9, 7, 8, 0 → 2 promoters, 2 passives, 1 detractor of 5: 20
        Figure nps = answer.getRows(0).getFigures(0);
        assertThat(nps.getMetric()).isEqualTo(Metric.METRIC_NPS);
        assertThat(nps.getN()).isEqualTo(5);
        assertThat(nps.getSmallSample()).isTrue();
        assertThat(nps.getValue()).isCloseTo(20.0, within(EXACT));
        assertThat(nps.getNps().getPromoters()).isEqualTo(2);
        assertThat(nps.getNps().getPassives()).isEqualTo(2);
        assertThat(nps.getNps().getDetractors()).isEqualTo(1);
        assertThat(nps.getNps().getPromoterShare()).isEqualTo(0.4);
        assertThat(nps.getNps().getPassiveShare()).isEqualTo(0.4);
        assertThat(nps.getNps().getDetractorShare()).isEqualTo(0.2);
        // Wald: 20 ± 1.96 × 100 × sqrt((0.4 + 0.2 − 0.2²) / 5)
        double halfWidth = 1.96 * 100 * Math.sqrt(0.56 / 5);
        assertThat(nps.getConfidenceInterval().getLower()).isCloseTo(20 - halfWidth, within(EXACT));
        assertThat(nps.getConfidenceInterval().getUpper()).isCloseTo(20 + halfWidth, within(EXACT));
        assertThat(nps.hasCsat() || nps.hasCes()).isFalse();
        // W2: CSAT 5, 4, 3, 1 → 2 of 4 satisfied
        Figure csat = answer.getRows(0).getFigures(1);
        assertThat(csat.getN()).isEqualTo(4);
        assertThat(csat.getValue()).isCloseTo(50.0, within(EXACT));
        assertThat(csat.getCsat().getSatisfied()).isEqualTo(2);
        assertThat(csat.getCsat().getSatisfiedFrom()).isEqualTo(4);
        assertThat(csat.getCsat().getMean()).isCloseTo(3.25, within(EXACT));
        assertThat(csat.hasConfidenceInterval()).isTrue();
        assertThat(csat.getConfidenceInterval().getLower()).isLessThan(50.0);
        assertThat(csat.getConfidenceInterval().getUpper()).isGreaterThan(50.0);
        // W2: CES 7, 4, 2 → agree, neutral, disagree: net exactly 0, which is a value, not an absence
        Figure ces = answer.getRows(0).getFigures(2);
        assertThat(ces.getN()).isEqualTo(3);
        assertThat(ces.hasValue()).isTrue();
        assertThat(ces.getValue()).isCloseTo(0.0, within(EXACT));
        assertThat(ces.getCes().getAgree()).isEqualTo(1);
        assertThat(ces.getCes().getNeutral()).isEqualTo(1);
        assertThat(ces.getCes().getDisagree()).isEqualTo(1);
        assertThat(ces.getCes().getMean()).isCloseTo(13.0 / 3, within(EXACT));
        assertThat(ces.getCes().getScale()).isEqualTo(7);
        assertThat(ces.hasConfidenceInterval()).isFalse();
        assertThat(answer.getRows(0).getFigures(3).getValue()).isEqualTo(5.0);

        // W3: r6 (10) and r7 (6, Monday 00:30 in Prague): NPS 0 of 2; no CSAT, no CES
        assertThat(answer.getRows(1).getFigures(0).getN()).isEqualTo(2);
        assertThat(answer.getRows(1).getFigures(0).getValue()).isCloseTo(0.0, within(EXACT));
        assertUndefined(answer.getRows(1).getFigures(1));
        assertUndefined(answer.getRows(1).getFigures(2));
        assertThat(answer.getRows(1).getFigures(3).getValue()).isEqualTo(2.0);

        // W4: nothing at all; the response count is 0, a value
        MetricsRow empty = answer.getRows(2);
        assertUndefined(empty.getFigures(0));
        assertUndefined(empty.getFigures(1));
        assertUndefined(empty.getFigures(2));
        assertThat(empty.getFigures(3).getN()).isZero();
        assertThat(empty.getFigures(3).getValue()).isZero();

        // W5: NPS 8, 9, 10 → 2 promoters, 1 passive of 3; CSAT 5, 2 → 1 of 2
        assertThat(answer.getRows(3).getFigures(0).getValue()).isCloseTo(200.0 / 3, within(EXACT));
        assertThat(answer.getRows(3).getFigures(1).getValue()).isCloseTo(50.0, within(EXACT));
        assertThat(answer.getRows(3).getFigures(1).getCsat().getMean()).isCloseTo(3.5, within(EXACT));
        assertUndefined(answer.getRows(3).getFigures(2));
        assertThat(answer.getRows(3).getFigures(3).getValue()).isEqualTo(3.0);
    }

    @Test
    void groupingByChannelPutsTheGroupWithoutChannelLast() {
        submitTheTenResponses();

        QueryMetricsResponse answer = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS,
                Metric.METRIC_RESPONSE_COUNT).addGroupBy("channel"));

        assertThat(answer.getGroupByList()).containsExactly("channel");
        assertThat(answer.getBucket()).isEqualTo(BucketUnit.BUCKET_UNIT_UNSPECIFIED);
        assertThat(answer.getRowsList()).allSatisfy(row -> {
            assertThat(row.getFrom()).isEqualTo("2026-01-05");
            assertThat(row.getTo()).isEqualTo("2026-02-02");
            assertThat(row.getGroupList()).extracting(GroupValue::getDimension).containsExactly("channel");
        });
        assertThat(answer.getRowsList()).extracting(MetricsQueryGrpcIT::group).containsExactly(
                List.of("EMAIL"), List.of("SMS"), List.of("WEB"), java.util.Collections.singletonList(null));
        // EMAIL 7, 0 → -50; SMS 8 → 0; WEB 10, 9, 10, 6, 10 → 60; none 8, 9 → 50
        assertThat(answer.getRowsList()).extracting(row -> row.getFigures(0).getN(),
                row -> row.getFigures(1).getValue()).containsExactly(tuple(2L, 2.0), tuple(1L, 1.0),
                tuple(5L, 5.0), tuple(2L, 2.0));
        assertThat(answer.getRows(0).getFigures(0).getValue()).isCloseTo(-50.0, within(EXACT));
        assertThat(answer.getRows(1).getFigures(0).getValue()).isCloseTo(0.0, within(EXACT));
        assertThat(answer.getRows(2).getFigures(0).getValue()).isCloseTo(60.0, within(EXACT));
        assertThat(answer.getRows(3).getFigures(0).getValue()).isCloseTo(50.0, within(EXACT));
        assertThat(answer.getRows(3).getGroup(0).hasValue()).isFalse();
    }

    @Test
    void twoGroupBysListTheGroupsSeenInValueOrder() {
        submitTheTenResponses();

        QueryMetricsResponse answer = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS)
                .addGroupBy("channel").addGroupBy("attribute:store"));

        assertThat(answer.getGroupByList()).containsExactly("channel", "attribute:store");
        assertThat(answer.getRowsList()).extracting(MetricsQueryGrpcIT::group).containsExactly(
                List.of("EMAIL", "Brno"), List.of("SMS", "Praha"), List.of("WEB", "Brno"), List.of("WEB", "Praha"),
                java.util.Arrays.asList(null, null));
        assertThat(answer.getRowsList()).extracting(row -> row.getFigures(0).getN())
                .containsExactly(2L, 1L, 3L, 2L, 2L);
        assertThat(answer.getRowsList()).extracting(row -> row.getFigures(0).getValue()).satisfiesExactly(
                v -> assertThat(v).isCloseTo(-50.0, within(EXACT)),
                v -> assertThat(v).isCloseTo(0.0, within(EXACT)),
                v -> assertThat(v).isCloseTo(100.0, within(EXACT)),
                v -> assertThat(v).isCloseTo(0.0, within(EXACT)),
                v -> assertThat(v).isCloseTo(50.0, within(EXACT)));
        assertThat(answer.getRows(4).getGroupList()).extracting(GroupValue::getDimension)
                .containsExactly("channel", "attribute:store");
    }

    @Test
    void filtersKeepOnlyTheResponsesThatPass() {
        submitTheTenResponses();

        // Persian responses: r3 (7), r9 (9)
        Figure persian = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS)
                .addFilters(filter("language", FilterOperator.FILTER_OPERATOR_EQUALS, "fa")))
                .getRows(0).getFigures(0);
        assertThat(persian.getN()).isEqualTo(2);
        assertThat(persian.getValue()).isCloseTo(50.0, within(EXACT));

        // not WEB, including the responses without a channel: r3, r4, r5, r8, r9 → 7, 8, 0, 8, 9
        QueryMetricsResponse notWeb = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS,
                Metric.METRIC_RESPONSE_COUNT)
                .addFilters(filter("channel", FilterOperator.FILTER_OPERATOR_NOT_IN, "WEB")));
        assertThat(notWeb.getRows(0).getFigures(0).getN()).isEqualTo(5);
        assertThat(notWeb.getRows(0).getFigures(0).getNps().getPassives()).isEqualTo(3);
        assertThat(notWeb.getRows(0).getFigures(0).getValue()).isCloseTo(0.0, within(EXACT));
        assertThat(notWeb.getRows(0).getFigures(1).getValue()).isEqualTo(5.0);

        // WEB or SMS in Praha: r2, r7, r8 → 9, 6, 8
        Figure praha = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS)
                .addFilters(filter("channel", FilterOperator.FILTER_OPERATOR_IN, "WEB", "SMS"))
                .addFilters(filter("attribute:store", FilterOperator.FILTER_OPERATOR_EQUALS, "Praha")))
                .getRows(0).getFigures(0);
        assertThat(praha.getN()).isEqualTo(3);
        assertThat(praha.getNps().getPromoters()).isEqualTo(1);
        assertThat(praha.getNps().getDetractors()).isEqualTo(1);

        // the promoters' CSAT: r1, r2, r6, r9, r10 answered NPS 9-10; their CSAT 5, 4, 2 → 2 of 3
        QueryMetricsResponse promoters = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS,
                Metric.METRIC_CSAT_PERCENT)
                .addScoreRanges(ScoreRange.newBuilder().setQuestionId("nps").setMin(9).setMax(10)));
        assertThat(promoters.getRows(0).getFigures(0).getN()).isEqualTo(5);
        assertThat(promoters.getRows(0).getFigures(0).getValue()).isCloseTo(100.0, within(EXACT));
        assertThat(promoters.getRows(0).getFigures(1).getN()).isEqualTo(3);
        assertThat(promoters.getRows(0).getFigures(1).getValue()).isCloseTo(200.0 / 3, within(EXACT));

        // unhappy with CSAT (1-3): r3, r5, r10 → NPS 7, 0, 10, grouped by store
        QueryMetricsResponse unhappy = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS)
                .addScoreRanges(ScoreRange.newBuilder().setQuestionId("csat").setMin(1).setMax(3))
                .addGroupBy("attribute:store"));
        assertThat(unhappy.getRowsList()).extracting(MetricsQueryGrpcIT::group).containsExactly(List.of("Brno"));
        assertThat(unhappy.getRows(0).getFigures(0).getN()).isEqualTo(3);
        assertThat(unhappy.getRows(0).getFigures(0).getValue()).isCloseTo(0.0, within(EXACT));
    }

    @Test
    void eachWeekIsComparedWithTheWeekBefore() {
        submitTheTenResponses();

        QueryMetricsResponse answer = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS)
                .setBucket(BucketUnit.BUCKET_UNIT_WEEK)
                .setComparison(Comparison.newBuilder().setBaseline(Baseline.BASELINE_PREVIOUS_PERIOD)));

        List<io.touchstone.proto.v1.ComparisonFigures> comparisons = answer.getRowsList().stream()
                .map(row -> row.getFigures(0).getComparison()).toList();
        assertThat(comparisons).extracting(c -> c.getFrom(), c -> c.getTo(), c -> c.getN()).containsExactly(
                tuple("2025-12-29", "2026-01-05", 0L), tuple("2026-01-05", "2026-01-12", 5L),
                tuple("2026-01-12", "2026-01-19", 2L), tuple("2026-01-19", "2026-01-26", 0L));
        // W2 against an empty week: nothing to compare
        assertThat(comparisons.get(0).hasValue() || comparisons.get(0).hasChange() || comparisons.get(0).hasZ()
                || comparisons.get(0).hasSignificant()).isFalse();
        // W3 (0, n 2) against W2 (20, n 5)
        assertThat(comparisons.get(1).getValue()).isCloseTo(20.0, within(EXACT));
        assertThat(comparisons.get(1).getChange()).isCloseTo(-20.0, within(EXACT));
        assertThat(comparisons.get(1).getZ()).isCloseTo(npsZ(-20, 1, 1, 2, 2, 1, 5), within(EXACT));
        assertThat(comparisons.get(1).getZ()).isCloseTo(-20 / (100 * Math.sqrt(0.612)), within(EXACT));
        assertThat(comparisons.get(1).getSignificant()).isFalse();
        // W4 (empty) against W3: the baseline has a value, the change none
        assertThat(comparisons.get(2).getValue()).isCloseTo(0.0, within(EXACT));
        assertThat(comparisons.get(2).hasChange()).isFalse();
        assertThat(comparisons.get(2).hasZ()).isFalse();
        // W5 against the empty W4
        assertThat(comparisons.get(3).hasValue()).isFalse();
        assertThat(comparisons.get(3).hasChange()).isFalse();
    }

    @Test
    void aRangeWithoutBucketsIsComparedWithAsManyDaysBeforeOrAFixedPeriod() {
        submitTheTenResponses();

        // 01-19..02-02 (W4, W5: r8-r10, NPS 200/3) against the 14 days before (r1-r7: 3 promoters, 2 detractors of 7)
        Figure previous = run(query("2026-01-19", "2026-02-02", Metric.METRIC_NPS)
                .setComparison(Comparison.newBuilder().setBaseline(Baseline.BASELINE_PREVIOUS_PERIOD)))
                .getRows(0).getFigures(0);
        double change = 200.0 / 3 - 100.0 / 7;
        assertThat(previous.getValue()).isCloseTo(200.0 / 3, within(EXACT));
        assertThat(previous.getComparison().getFrom()).isEqualTo("2026-01-05");
        assertThat(previous.getComparison().getTo()).isEqualTo("2026-01-19");
        assertThat(previous.getComparison().getN()).isEqualTo(7);
        assertThat(previous.getComparison().getValue()).isCloseTo(100.0 / 7, within(EXACT));
        assertThat(previous.getComparison().getChange()).isCloseTo(change, within(EXACT));
        assertThat(previous.getComparison().getZ()).isCloseTo(npsZ(change, 2, 0, 3, 3, 2, 7), within(EXACT));
        assertThat(previous.getComparison().getSignificant()).isFalse();

        // W5 against W2 + W3 fixed, by channel; CSAT 50 % (1 of 2) against 50 % (2 of 4): a z of exactly 0
        QueryMetricsResponse fixed = run(query("2026-01-26", "2026-02-02", Metric.METRIC_NPS,
                Metric.METRIC_CSAT_PERCENT)
                .addGroupBy("channel")
                .setComparison(Comparison.newBuilder().setBaseline(Baseline.BASELINE_FIXED)
                        .setFrom("2026-01-05").setTo("2026-01-19")));
        // EMAIL only in the baseline, SMS only now
        assertThat(fixed.getRowsList()).extracting(MetricsQueryGrpcIT::group).containsExactly(List.of("EMAIL"),
                List.of("SMS"), List.of("WEB"), java.util.Collections.singletonList(null));
        Figure email = fixed.getRows(0).getFigures(0);
        assertUndefined(email);
        assertThat(email.getComparison().getFrom()).isEqualTo("2026-01-05");
        assertThat(email.getComparison().getTo()).isEqualTo("2026-01-19");
        assertThat(email.getComparison().getN()).isEqualTo(2);
        assertThat(email.getComparison().getValue()).isCloseTo(-50.0, within(EXACT));
        Figure sms = fixed.getRows(1).getFigures(0);
        assertThat(sms.getValue()).isCloseTo(0.0, within(EXACT));
        assertThat(sms.getComparison().getN()).isZero();
        assertThat(sms.getComparison().hasValue()).isFalse();
        // WEB: r10 (10) now; r1, r2, r6, r7 (10, 9, 10, 6) before: 100 against 50
        Figure web = fixed.getRows(2).getFigures(0);
        assertThat(web.getValue()).isCloseTo(100.0, within(EXACT));
        assertThat(web.getComparison().getValue()).isCloseTo(50.0, within(EXACT));
        assertThat(web.getComparison().getChange()).isCloseTo(50.0, within(EXACT));
        Figure webCsat = fixed.getRows(2).getFigures(1);
        // WEB CSAT: r10 2 now (0 of 1); r1 5, r2 4 before (2 of 2)
        assertThat(webCsat.getValue()).isCloseTo(0.0, within(EXACT));
        assertThat(webCsat.getComparison().getValue()).isCloseTo(100.0, within(EXACT));
        assertThat(webCsat.getComparison().getChange()).isCloseTo(-100.0, within(EXACT));

        // all channels together: CSAT 1 of 2 now, 2 of 4 before
        Figure csat = run(query("2026-01-26", "2026-02-02", Metric.METRIC_CSAT_PERCENT)
                .setComparison(Comparison.newBuilder().setBaseline(Baseline.BASELINE_FIXED)
                        .setFrom("2026-01-05").setTo("2026-01-19")))
                .getRows(0).getFigures(0);
        assertThat(csat.getComparison().getChange()).isZero();
        assertThat(csat.getComparison().hasZ()).isTrue();
        assertThat(csat.getComparison().getZ()).isZero();
        assertThat(csat.getComparison().hasSignificant()).isTrue();
        assertThat(csat.getComparison().getSignificant()).isFalse();
    }

    @Test
    void theDistributionListsEveryScoreOfTheScale() {
        submitTheTenResponses();

        QueryMetricsResponse answer = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS,
                Metric.METRIC_CES_MEAN).setDistribution(true));

        Figure nps = answer.getRows(0).getFigures(0);
        assertThat(nps.getHistogramList()).extracting(ScoreCount::getScore)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // 0, 6, 7 once; 8, 9 twice; 10 three times
        assertThat(nps.getHistogramList()).extracting(ScoreCount::getCount)
                .containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 2L, 2L, 3L);
        Figure ces = answer.getRows(0).getFigures(1);
        assertThat(ces.getValue()).isCloseTo(13.0 / 3, within(EXACT));
        assertThat(ces.getHistogramList()).extracting(ScoreCount::getScore).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(ces.getHistogramList()).extracting(ScoreCount::getCount)
                .containsExactly(0L, 1L, 0L, 1L, 0L, 0L, 1L);

        QueryMetricsResponse without = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS));
        assertThat(without.getRows(0).getFigures(0).getHistogramList()).isEmpty();
        QueryMetricsResponse emptyWeek = run(query("2026-01-19", "2026-01-26", Metric.METRIC_NPS)
                .setDistribution(true));
        assertUndefined(emptyWeek.getRows(0).getFigures(0));
    }

    // --- the same numbers through REST ------------------------------------------------------------------------------

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A double of the REST answer: present exactly when the proto field is, and the same to the last bit. */
    private static void assertSameDouble(JsonNode rest, String field, boolean present, double grpc, String where) {
        JsonNode value = rest.get(field);
        assertThat(value != null && !value.isNull()).as("%s.%s present", where, field).isEqualTo(present);
        if (present) {
            assertThat(value.isNumber()).as("%s.%s is a number", where, field).isTrue();
            assertThat(Double.doubleToLongBits(value.doubleValue())).as("%s.%s: REST %s, gRPC %s", where, field,
                    value.asText(), grpc).isEqualTo(Double.doubleToLongBits(grpc));
        }
    }

    private static void assertSameLong(JsonNode rest, String field, long grpc, String where) {
        assertThat(rest.get(field)).as("%s.%s", where, field).isNotNull();
        assertThat(rest.get(field).asLong()).as("%s.%s", where, field).isEqualTo(grpc);
    }

    private static void assertSameFigure(JsonNode rest, Figure grpc, String where) {
        assertThat(rest.get("metric").asText()).isEqualTo(grpc.getMetric().name().substring("METRIC_".length()));
        assertSameLong(rest, "n", grpc.getN(), where);
        assertThat(rest.get("smallSample").asBoolean()).as("%s.smallSample", where).isEqualTo(grpc.getSmallSample());
        assertSameDouble(rest, "value", grpc.hasValue(), grpc.getValue(), where);
        assertThat(rest.has("confidenceInterval")).as("%s.confidenceInterval", where)
                .isEqualTo(grpc.hasConfidenceInterval());
        if (grpc.hasConfidenceInterval()) {
            JsonNode interval = rest.get("confidenceInterval");
            assertSameDouble(interval, "lower", true, grpc.getConfidenceInterval().getLower(), where + ".ci");
            assertSameDouble(interval, "upper", true, grpc.getConfidenceInterval().getUpper(), where + ".ci");
        }
        assertThat(rest.has("nps")).as("%s.nps", where).isEqualTo(grpc.hasNps());
        if (grpc.hasNps()) {
            JsonNode nps = rest.get("nps");
            assertSameLong(nps, "promoters", grpc.getNps().getPromoters(), where + ".nps");
            assertSameLong(nps, "passives", grpc.getNps().getPassives(), where + ".nps");
            assertSameLong(nps, "detractors", grpc.getNps().getDetractors(), where + ".nps");
            assertSameDouble(nps, "promoterShare", true, grpc.getNps().getPromoterShare(), where + ".nps");
            assertSameDouble(nps, "passiveShare", true, grpc.getNps().getPassiveShare(), where + ".nps");
            assertSameDouble(nps, "detractorShare", true, grpc.getNps().getDetractorShare(), where + ".nps");
        }
        assertThat(rest.has("csat")).as("%s.csat", where).isEqualTo(grpc.hasCsat());
        if (grpc.hasCsat()) {
            JsonNode csat = rest.get("csat");
            assertSameLong(csat, "satisfied", grpc.getCsat().getSatisfied(), where + ".csat");
            assertSameLong(csat, "satisfiedFrom", grpc.getCsat().getSatisfiedFrom(), where + ".csat");
            assertSameDouble(csat, "mean", true, grpc.getCsat().getMean(), where + ".csat");
        }
        assertThat(rest.has("ces")).as("%s.ces", where).isEqualTo(grpc.hasCes());
        if (grpc.hasCes()) {
            JsonNode ces = rest.get("ces");
            assertSameLong(ces, "agree", grpc.getCes().getAgree(), where + ".ces");
            assertSameLong(ces, "neutral", grpc.getCes().getNeutral(), where + ".ces");
            assertSameLong(ces, "disagree", grpc.getCes().getDisagree(), where + ".ces");
            assertSameDouble(ces, "mean", true, grpc.getCes().getMean(), where + ".ces");
            assertSameDouble(ces, "net", true, grpc.getCes().getNet(), where + ".ces");
            assertSameLong(ces, "scale", grpc.getCes().getScale(), where + ".ces");
        }
        List<long[]> restHistogram = new ArrayList<>();
        if (rest.has("histogram")) {
            rest.get("histogram").forEach(count -> restHistogram.add(new long[] {count.get("score").asLong(),
                    count.get("count").asLong()}));
        }
        assertThat(restHistogram).as("%s.histogram", where).usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(grpc.getHistogramList().stream()
                        .map(count -> new long[] {count.getScore(), count.getCount()}).toList());
        assertThat(rest.has("comparison")).as("%s.comparison", where).isEqualTo(grpc.hasComparison());
        if (grpc.hasComparison()) {
            JsonNode comparison = rest.get("comparison");
            var expected = grpc.getComparison();
            assertThat(comparison.get("from").asText()).isEqualTo(expected.getFrom());
            assertThat(comparison.get("to").asText()).isEqualTo(expected.getTo());
            assertSameLong(comparison, "n", expected.getN(), where + ".comparison");
            assertSameDouble(comparison, "value", expected.hasValue(), expected.getValue(), where + ".comparison");
            assertSameDouble(comparison, "change", expected.hasChange(), expected.getChange(),
                    where + ".comparison");
            assertSameDouble(comparison, "z", expected.hasZ(), expected.getZ(), where + ".comparison");
            JsonNode significant = comparison.get("significant");
            assertThat(significant != null && !significant.isNull()).isEqualTo(expected.hasSignificant());
            if (expected.hasSignificant()) {
                assertThat(significant.asBoolean()).isEqualTo(expected.getSignificant());
            }
        }
    }

    @Test
    void restAndGrpcGiveTheSameNumbersToTheLastBit() throws Exception {
        submitTheTenResponses();
        String body = """
                {"metrics": ["NPS", "CSAT_PERCENT", "CSAT_MEAN", "CES_MEAN", "CES_NET", "RESPONSE_COUNT"],
                 "surveyId": "%s", "from": "2026-01-05", "to": "2026-02-02", "bucket": "WEEK",
                 "groupBy": ["channel"], "comparison": {"baseline": "PREVIOUS_PERIOD"}, "distribution": true}
                """.formatted(surveyId);

        String restAnswer = given().header("X-API-Key", key)
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/metrics/query")
                .then().statusCode(200).extract().asString();
        QueryMetricsResponse grpc = run(query("2026-01-05", "2026-02-02", Metric.METRIC_NPS,
                Metric.METRIC_CSAT_PERCENT, Metric.METRIC_CSAT_MEAN, Metric.METRIC_CES_MEAN, Metric.METRIC_CES_NET,
                Metric.METRIC_RESPONSE_COUNT)
                .setBucket(BucketUnit.BUCKET_UNIT_WEEK)
                .addGroupBy("channel")
                .setComparison(Comparison.newBuilder().setBaseline(Baseline.BASELINE_PREVIOUS_PERIOD))
                .setDistribution(true));

        JsonNode rest = JSON.readTree(restAnswer);
        JsonNode rows = rest.get("rows");
        assertThat(rows.size()).isEqualTo(grpc.getRowsCount()).isEqualTo(4 * 4);
        for (int i = 0; i < grpc.getRowsCount(); i++) {
            MetricsRow row = grpc.getRows(i);
            JsonNode restRow = rows.get(i);
            assertThat(restRow.get("from").asText()).isEqualTo(row.getFrom());
            assertThat(restRow.get("to").asText()).isEqualTo(row.getTo());
            JsonNode channel = restRow.get("group").get("channel");
            assertThat(channel == null || channel.isNull() ? null : channel.asText())
                    .as("rows[%d].group.channel", i).isEqualTo(group(row).getFirst());
            assertThat(restRow.get("figures").size()).isEqualTo(row.getFiguresCount());
            for (int j = 0; j < row.getFiguresCount(); j++) {
                assertSameFigure(restRow.get("figures").get(j), row.getFigures(j),
                        "rows[" + i + "].figures[" + j + "]");
            }
        }
        // the numbers compared are not only round ones: W2 EMAIL, CSAT 0 of 2, has a Wilson interval up to ~65.8 %
        double upper = grpc.getRows(0).getFigures(1).getConfidenceInterval().getUpper();
        assertThat(upper).isBetween(50.0, 80.0).isNotEqualTo(Math.rint(upper));
    }

    // --- tenants -----------------------------------------------------------------------------------------------------

    @Test
    void groupingNeverShowsAnotherTenantsValues() {
        submitTheTenResponses();
        TestTenant other = tenant();
        String otherSurvey = publishedSurvey(other.adminKey());
        for (int i = 0; i < 3; i++) {
            responses(other.adminKey()).submitResponse(response(otherSurvey, "2026-01-06T12:00:00+01:00", "fa",
                    Channel.CHANNEL_PHONE, "Ostrava-only-B", 0, 1, 1));
        }

        QueryMetricsResponse answer = metrics(key).queryMetrics(QueryMetricsRequest.newBuilder()
                .addMetrics(Metric.METRIC_NPS).addMetrics(Metric.METRIC_RESPONSE_COUNT)
                .setFrom("2026-01-05").setTo("2026-02-02")
                .addGroupBy("channel").addGroupBy("attribute:store")
                .build());

        assertThat(answer.getRowsList()).extracting(MetricsQueryGrpcIT::group).containsExactly(
                List.of("EMAIL", "Brno"), List.of("SMS", "Praha"), List.of("WEB", "Brno"), List.of("WEB", "Praha"),
                java.util.Arrays.asList(null, null));
        assertThat(answer.getRowsList().stream().mapToDouble(row -> row.getFigures(1).getValue()).sum())
                .isEqualTo(10.0);
        assertThat(answer.toString()).doesNotContain("Ostrava-only-B").doesNotContain("PHONE");

        Figure byLanguage = metrics(key).queryMetrics(QueryMetricsRequest.newBuilder()
                .addMetrics(Metric.METRIC_NPS).setFrom("2026-01-05").setTo("2026-02-02")
                .addFilters(filter("attribute:store", FilterOperator.FILTER_OPERATOR_EQUALS, "Ostrava-only-B"))
                .build()).getRows(0).getFigures(0);
        assertUndefined(byLanguage);
    }

    @Test
    void anotherTenantsSurveyIsNotFound() {
        TestTenant other = tenant();
        String otherSurvey = publishedSurvey(other.adminKey());

        assertFails(Status.Code.NOT_FOUND, "survey.not-found", () -> metrics(key).queryMetrics(
                QueryMetricsRequest.newBuilder().addMetrics(Metric.METRIC_NPS).setSurveyId(otherSurvey)
                        .setFrom("2026-01-05").setTo("2026-02-02").build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found", () -> metrics(key).queryMetrics(
                QueryMetricsRequest.newBuilder().addMetrics(Metric.METRIC_NPS).setSurveyId("not-a-uuid")
                        .setFrom("2026-01-05").setTo("2026-02-02").build()));
    }

    @Test
    void withoutTheMetricsScopeTheQueryIsRefused() {
        String responsesOnly = key(tenant, Scope.RESPONSES_READ);

        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing", () -> metrics(responsesOnly).queryMetrics(
                query("2026-01-05", "2026-02-02", Metric.METRIC_NPS).build()));
        assertFails(Status.Code.UNAUTHENTICATED, "auth.credentials-missing", () -> metrics(null).queryMetrics(
                query("2026-01-05", "2026-02-02", Metric.METRIC_NPS).build()));
    }

    // --- bad queries -------------------------------------------------------------------------------------------------

    /** The field paths of the BadRequest, in order. */
    private static List<String> fields(com.google.rpc.Status status) {
        return badRequest(status).getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField)
                .toList();
    }

    private com.google.rpc.Status refused(String reason, QueryMetricsRequest.Builder request) {
        return assertFails(Status.Code.INVALID_ARGUMENT, reason, () -> run(request));
    }

    @Test
    void anUnknownOrMissingMetricIsNamedByItsIndex() {
        com.google.rpc.Status unknown = refused("query.metric-unknown",
                query("2026-01-05", "2026-02-02", Metric.METRIC_NPS).addMetricsValue(99));
        assertField(unknown, "metrics[1]", "query.metric-unknown");
        assertThat(fields(unknown)).containsExactly("metrics[1]");

        com.google.rpc.Status unspecified = refused("query.metric-unknown",
                query("2026-01-05", "2026-02-02", Metric.METRIC_UNSPECIFIED));
        assertField(unspecified, "metrics[0]", "query.metric-unknown");

        assertField(refused("query.metrics-required", query("2026-01-05", "2026-02-02")), "metrics",
                "query.metrics-required");
        assertField(refused("query.metric-duplicate", query("2026-01-05", "2026-02-02", Metric.METRIC_NPS,
                Metric.METRIC_NPS)), "metrics[1]", "query.metric-duplicate");
    }

    @Test
    void mixingCesScalesIsRefused() {
        SurveyContent fivePoints = standardContent().toBuilder().setQuestions(2, Question.newBuilder()
                .setId("ces").setType(QuestionType.QUESTION_TYPE_CES).setText(localized("cs", CES_CS))
                .setScale(5)).build();
        String other = surveys(key).createSurvey(CreateSurveyRequest.newBuilder().setContent(fivePoints).build())
                .getSurvey().getId();
        surveys(key).publishSurvey(PublishSurveyRequest.newBuilder().setSurveyId(other).build());

        com.google.rpc.Status status = refused("query.scales-mixed", QueryMetricsRequest.newBuilder()
                .addMetrics(Metric.METRIC_NPS).addMetrics(Metric.METRIC_CES_MEAN)
                .setFrom("2026-01-05").setTo("2026-02-02"));

        assertField(status, "metrics[1]", "query.scales-mixed");
    }

    @Test
    void rangesBucketsAndGroupBysBeyondTheLimitsAreRefused() {
        assertField(refused("query.range-too-long", query("2020-01-01", "2025-01-02", Metric.METRIC_NPS)),
                "to", "query.range-too-long");
        assertField(refused("query.too-many-buckets", query("2023-01-01", "2026-01-01", Metric.METRIC_NPS)
                .setBucket(BucketUnit.BUCKET_UNIT_DAY)), "bucket", "query.too-many-buckets");
        assertField(refused("query.too-many-group-bys", query("2026-01-05", "2026-02-02", Metric.METRIC_NPS)
                .addGroupBy("channel").addGroupBy("language").addGroupBy("attribute:store")), "groupBy",
                "query.too-many-group-bys");
        assertField(refused("query.dimension-unknown", query("2026-01-05", "2026-02-02", Metric.METRIC_NPS)
                .addGroupBy("channel").addGroupBy("colour")), "groupBy[1]", "query.dimension-unknown");
        assertField(refused("query.range-not-aligned", query("2026-01-06", "2026-02-02", Metric.METRIC_NPS)
                .setBucket(BucketUnit.BUCKET_UNIT_WEEK)), "from", "query.range-not-aligned");
        assertField(refused("query.bucket-unknown", query("2026-01-05", "2026-02-02", Metric.METRIC_NPS)
                .setBucketValue(77)), "bucket", "query.bucket-unknown");
        assertField(refused("query.range-empty", query("2026-02-02", "2026-01-05", Metric.METRIC_NPS)), "to",
                "query.range-empty");
        assertField(refused("query.date-invalid", query("2026-01-05", "2.2.2026", Metric.METRIC_NPS)), "to",
                "query.date-invalid");
        assertField(refused("value.required", QueryMetricsRequest.newBuilder().addMetrics(Metric.METRIC_NPS)
                .setTo("2026-02-02")), "from", "value.required");
        assertField(refused("query.question-requires-survey", QueryMetricsRequest.newBuilder()
                .addMetrics(Metric.METRIC_NPS).setQuestionId("nps").setFrom("2026-01-05").setTo("2026-02-02")),
                "questionId", "query.question-requires-survey");
        assertField(refused("query.dimension-not-applicable", query("2026-01-05", "2026-02-02",
                Metric.METRIC_RESPONSE_COUNT).addGroupBy("question")), "groupBy[0]",
                "query.dimension-not-applicable");
    }

    @Test
    void badFiltersAndComparisonsNameTheirFields() {
        com.google.rpc.Status filters = refused("query.filter-operator-unknown", query("2026-01-05", "2026-02-02",
                Metric.METRIC_NPS)
                .addFilters(filter("language", FilterOperator.FILTER_OPERATOR_IN, "cs"))
                .addFilters(filter("channel", FilterOperator.FILTER_OPERATOR_UNSPECIFIED, "WEB"))
                .addFilters(filter("channel", FilterOperator.FILTER_OPERATOR_IN, "WEB", "FAX"))
                .addFilters(filter("language", FilterOperator.FILTER_OPERATOR_EQUALS, "cs", "fa"))
                .addFilters(DimensionFilter.newBuilder().setDimension("channel").setOperatorValue(12)
                        .addValues("WEB").build())
                .addScoreRanges(ScoreRange.newBuilder().setQuestionId("nps").setMin(9).setMax(11))
                .addScoreRanges(ScoreRange.newBuilder().setQuestionId("nps").setMax(6)));
        assertThat(fields(filters)).containsExactly("filters[1].operator", "filters[2].values[1]",
                "filters[3].values", "filters[4].operator", "scoreRanges[0]", "scoreRanges[1].min");
        assertThat(badRequest(filters).getFieldViolationsList()).extracting(BadRequest.FieldViolation::getReason)
                .containsExactly("query.filter-operator-unknown", "channel.unknown", "query.filter-values-count",
                        "query.filter-operator-unknown", "query.score-range-invalid", "value.required");
        assertField(filters, "filters[1].operator", "query.filter-operator-unknown");

        com.google.rpc.Status fixed = refused("value.required", query("2026-01-05", "2026-02-02",
                Metric.METRIC_NPS).setComparison(Comparison.newBuilder().setBaseline(Baseline.BASELINE_FIXED)
                .setTo("2025-02-02")));
        assertField(fixed, "comparison.from", "value.required");
        assertField(refused("query.baseline-unknown", query("2026-01-05", "2026-02-02", Metric.METRIC_NPS)
                .setComparison(Comparison.getDefaultInstance())), "comparison.baseline", "query.baseline-unknown");
        assertField(refused("query.baseline-dates-unexpected", query("2026-01-05", "2026-02-02",
                Metric.METRIC_NPS).setComparison(Comparison.newBuilder()
                .setBaseline(Baseline.BASELINE_PREVIOUS_PERIOD).setFrom("2025-01-05"))), "comparison",
                "query.baseline-dates-unexpected");
    }

    @Test
    void everyProblemOfAQueryIsReportedAtOnce() {
        com.google.rpc.Status status = refused("query.metric-unknown", QueryMetricsRequest.newBuilder()
                .addMetricsValue(42)
                .setFrom("2026-01-06").setTo("2026-02-03")
                .setBucket(BucketUnit.BUCKET_UNIT_WEEK)
                .addGroupBy("colour")
                .setComparison(Comparison.newBuilder().setBaseline(Baseline.BASELINE_FIXED).setFrom("x")
                        .setTo("2025-02-02")));

        assertField(status, "metrics[0]", "query.metric-unknown");
        assertThat(fields(status)).containsExactly("metrics[0]", "groupBy[0]", "comparison.from");
        assertThat(status.getMessage()).isNotBlank();
        assertThat(Objects.requireNonNull(errorInfo(status).getMetadataMap())).isEqualTo(Map.of("field",
                "metrics[0]"));
    }
}
