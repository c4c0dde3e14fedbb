package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.assertInvalid;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWith;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.csat;
import static io.touchstone.application.service.ServiceHarness.definition;
import static io.touchstone.application.service.ServiceHarness.everyType;
import static io.touchstone.application.service.ServiceHarness.nps;
import static io.touchstone.application.service.ServiceHarness.score;
import static io.touchstone.application.service.ServiceHarness.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.QueryMetricsUseCase.ComparisonInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.MetricsQueryCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ScoreRangeInput;
import io.touchstone.application.port.in.SubmitResponseUseCase.AnswerInput;
import io.touchstone.domain.analytics.Comparison;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.Figure;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.analytics.MetricsReport;
import io.touchstone.domain.analytics.ReportRow;
import io.touchstone.domain.metric.ConfidenceInterval;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Metrics queries end to end against the in-memory fakes. The tenant's time zone is Europe/Prague (CET, UTC+1 in
 * winter; CEST, UTC+2 in summer). Reference values of intervals and z computed independently with 40-digit decimals
 * (python3, module decimal).
 */
class MetricsQueryServiceTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private final ServiceHarness app = new ServiceHarness();
    private final Caller.Tenant tenant = app.newTenant();
    private final Caller.Tenant otherTenant = app.newTenant();
    private final AtomicInteger keys = new AtomicInteger();

    /** A metrics request; each test sets what it needs. */
    private record Request(List<String> metrics, String surveyId, String questionId, String from, String to,
            String bucket, List<String> groupBy, List<FilterInput> filters, List<ScoreRangeInput> scoreRanges,
            ComparisonInput comparison, boolean distribution) {

        static Request of(String from, String to, String... metrics) {
            return new Request(List.of(metrics), null, null, from, to, null, List.of(), List.of(), List.of(), null,
                    false);
        }

        Request survey(Survey survey) {
            return survey(survey.id().value().toString());
        }

        Request survey(String id) {
            return new Request(metrics, id, questionId, from, to, bucket, groupBy, filters, scoreRanges, comparison,
                    distribution);
        }

        Request question(String id) {
            return new Request(metrics, surveyId, id, from, to, bucket, groupBy, filters, scoreRanges, comparison,
                    distribution);
        }

        Request bucket(String unit) {
            return new Request(metrics, surveyId, questionId, from, to, unit, groupBy, filters, scoreRanges,
                    comparison, distribution);
        }

        Request groupBy(String... dimensions) {
            return new Request(metrics, surveyId, questionId, from, to, bucket, List.of(dimensions), filters,
                    scoreRanges, comparison, distribution);
        }

        Request filter(String dimension, String operator, String... values) {
            List<FilterInput> more = new ArrayList<>(filters);
            more.add(new FilterInput(dimension, operator, Arrays.asList(values)));
            return new Request(metrics, surveyId, questionId, from, to, bucket, groupBy, more, scoreRanges,
                    comparison, distribution);
        }

        Request scoreRange(String question, int min, int max) {
            List<ScoreRangeInput> more = new ArrayList<>(scoreRanges);
            more.add(new ScoreRangeInput(question, min, max));
            return new Request(metrics, surveyId, questionId, from, to, bucket, groupBy, filters, more, comparison,
                    distribution);
        }

        Request previousPeriod() {
            return new Request(metrics, surveyId, questionId, from, to, bucket, groupBy, filters, scoreRanges,
                    new ComparisonInput("PREVIOUS_PERIOD", null, null), distribution);
        }

        Request fixed(String start, String end) {
            return new Request(metrics, surveyId, questionId, from, to, bucket, groupBy, filters, scoreRanges,
                    new ComparisonInput("FIXED", start, end), distribution);
        }

        MetricsQueryCommand command() {
            return new MetricsQueryCommand(metrics, surveyId, questionId, from, to, bucket, groupBy, filters,
                    scoreRanges, comparison, distribution);
        }
    }

    private MetricsReport query(Caller caller, Request request) {
        return await(app.metrics.query(caller, request.command()));
    }

    private Survey survey(Caller caller, io.touchstone.application.port.in.SurveyDefinition definition) {
        app.clock.set(Instant.parse("2025-12-01T08:00:00Z"));
        return app.publishedSurvey(caller, definition);
    }

    private void submit(String at, Caller caller, Survey survey, String channel, AnswerInput... answers) {
        app.submitAt(Instant.parse(at), caller, submission("k" + keys.incrementAndGet(), survey, "cs", channel,
                Map.of(), answers));
    }

    private void submitWith(String at, Caller caller, Survey survey, Map<String, String> metadata,
            AnswerInput... answers) {
        app.submitAt(Instant.parse(at), caller, submission("k" + keys.incrementAndGet(), survey, "cs", null,
                metadata, answers));
    }

    private static Figure figure(ReportRow row, Metric metric) {
        return row.figures().stream().filter(f -> f.metric() == metric).findFirst().orElseThrow();
    }

    private static DateRange days(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    // --- end to end -------------------------------------------------------------------------------------------------

    @Test
    void weeklyFiguresByChannelComparedWithThePreviousWeekAreHandComputed() {
        // nps; csat 1..5 (satisfied from 4); ces 1..7, higher is harder (normalised 8 − raw)
        Survey survey = survey(tenant, everyType());
        // the lead week 2025-12-29 .. 2026-01-05
        submit("2025-12-30T10:00:00Z", tenant, survey, "WEB", score("nps", 10), score("csat", 5), score("ces", 1));
        submit("2025-12-31T10:00:00Z", tenant, survey, "WEB", score("nps", 3), score("csat", 2), score("ces", 6));
        // week 1: 2026-01-05 .. 2026-01-12; 23:30 UTC on Jan 4 is 00:30 on Jan 5 in Prague
        submit("2026-01-04T23:30:00Z", tenant, survey, (String) null, score("nps", 0));
        submit("2026-01-05T09:00:00Z", tenant, survey, "WEB", score("nps", 9), score("csat", 4), score("ces", 2));
        submit("2026-01-06T09:00:00Z", tenant, survey, "WEB", score("nps", 10), score("csat", 5), score("ces", 4));
        submit("2026-01-07T09:00:00Z", tenant, survey, "EMAIL", score("nps", 7), score("csat", 3), score("ces", 7));
        // week 2: 2026-01-12 .. 2026-01-19; 22:59 UTC on Jan 18 is still Jan 18 in Prague, 23:00 is Jan 19
        submit("2026-01-18T22:59:00Z", tenant, survey, "WEB", score("nps", 8));
        submit("2026-01-18T23:00:00Z", tenant, survey, "WEB", score("nps", 0));
        // another tenant's answers never count
        Survey theirs = survey(otherTenant, everyType());
        submit("2026-01-06T09:00:00Z", otherTenant, theirs, "WEB", score("nps", 0));

        MetricsReport report = query(tenant, Request.of("2026-01-05", "2026-01-19", "NPS", "CSAT_PERCENT", "CES_MEAN",
                "RESPONSE_COUNT").survey(survey).bucket("WEEK").groupBy("channel").previousPeriod());

        assertThat(report.rows()).extracting(ReportRow::period).containsExactly(days("2026-01-05", "2026-01-12"),
                days("2026-01-05", "2026-01-12"), days("2026-01-05", "2026-01-12"), days("2026-01-12", "2026-01-19"),
                days("2026-01-12", "2026-01-19"), days("2026-01-12", "2026-01-19"));
        assertThat(report.rows()).extracting(ReportRow::group).containsExactly(GroupKey.of("EMAIL"),
                GroupKey.of("WEB"), GroupKey.of((String) null), GroupKey.of("EMAIL"), GroupKey.of("WEB"),
                GroupKey.of((String) null));

        // week 1, EMAIL: a 7 (passive) → NPS 0; CSAT 3 → 0 %; CES raw 7 → 1; nothing in the lead week
        ReportRow email = report.rows().get(0);
        assertThat(figure(email, Metric.NPS).value()).contains(0.0);
        assertThat(figure(email, Metric.CSAT_PERCENT).value()).contains(0.0);
        assertThat(figure(email, Metric.CES_MEAN).value()).contains(1.0);
        assertThat(figure(email, Metric.NPS).comparison().orElseThrow().n()).isZero();
        assertThat(figure(email, Metric.NPS).comparison().orElseThrow().change()).isEmpty();

        // week 1, WEB: NPS 9, 10 → 100, interval [100, 100]; lead week 10, 3 → 0: change +100
        // SE₁ = 0, SE₀ = 100 × sqrt((0.5 + 0.5 − 0) / 2) = 70.710678...; z = 100 / 70.710678... = sqrt(2)
        ReportRow web = report.rows().get(1);
        Figure nps = figure(web, Metric.NPS);
        assertThat(nps.n()).isEqualTo(2);
        assertThat(nps.smallSample()).isTrue();
        assertThat(nps.value()).contains(100.0);
        assertThat(nps.confidenceInterval()).contains(new ConfidenceInterval(100, 100));
        Comparison npsVsLead = nps.comparison().orElseThrow();
        assertThat(npsVsLead.baseline()).isEqualTo(days("2025-12-29", "2026-01-05"));
        assertThat(npsVsLead.n()).isEqualTo(2);
        assertThat(npsVsLead.value()).contains(0.0);
        assertThat(npsVsLead.change()).contains(100.0);
        assertThat(npsVsLead.significance().orElseThrow().z()).isCloseTo(Math.sqrt(2), EXACT);
        assertThat(npsVsLead.significance().orElseThrow().significant()).isFalse();
        // CSAT 4, 5 → 2 of 2 = 100 %, Wilson [34.237195288961928..., 100]; lead 5, 2 → 50 %
        // pooled p̂ = 3/4: z = 50 / (100 × sqrt(0.75 × 0.25 × (1/2 + 1/2))) = 1.154700538379251529...
        Figure csat = figure(web, Metric.CSAT_PERCENT);
        assertThat(csat.value()).contains(100.0);
        assertThat(csat.confidenceInterval().orElseThrow().lower()).isCloseTo(34.23719528896192824, EXACT);
        assertThat(csat.confidenceInterval().orElseThrow().upper()).isEqualTo(100.0);
        assertThat(csat.comparison().orElseThrow().value()).contains(50.0);
        assertThat(csat.comparison().orElseThrow().significance().orElseThrow().z())
                .isCloseTo(1.154700538379251529, EXACT);
        // CES raw 2, 4 → 6, 4: mean 5, s² = 2; lead raw 1, 6 → 7, 2: mean 4.5, s² = 12.5
        // Welch z = 0.5 / sqrt(2/2 + 12.5/2) = 0.5 / sqrt(7.25) = 0.185695338177051863...
        Figure ces = figure(web, Metric.CES_MEAN);
        assertThat(ces.value()).contains(5.0);
        assertThat(ces.comparison().orElseThrow().value()).contains(4.5);
        assertThat(ces.comparison().orElseThrow().change()).contains(0.5);
        assertThat(ces.comparison().orElseThrow().significance().orElseThrow().z())
                .isCloseTo(0.185695338177051863, EXACT);
        // 2 responses vs 2
        assertThat(figure(web, Metric.RESPONSE_COUNT).value()).contains(2.0);
        assertThat(figure(web, Metric.RESPONSE_COUNT).comparison().orElseThrow().change()).contains(0.0);

        // week 1, no channel: the 0 submitted at 00:30 local time on Monday → NPS −100, no CSAT or CES answer
        ReportRow none = report.rows().get(2);
        assertThat(figure(none, Metric.NPS).value()).contains(-100.0);
        assertThat(figure(none, Metric.CSAT_PERCENT).n()).isZero();
        assertThat(figure(none, Metric.CSAT_PERCENT).value()).isEmpty();
        assertThat(figure(none, Metric.RESPONSE_COUNT).value()).contains(1.0);

        // week 2, WEB: only the 8 (the 0 fell on Jan 19 in Prague) → NPS 0 vs 100; both SE 0 → no test
        ReportRow webLater = report.rows().get(4);
        assertThat(figure(webLater, Metric.NPS).n()).isEqualTo(1);
        assertThat(figure(webLater, Metric.NPS).value()).contains(0.0);
        Comparison webVsWeek1 = figure(webLater, Metric.NPS).comparison().orElseThrow();
        assertThat(webVsWeek1.baseline()).isEqualTo(days("2026-01-05", "2026-01-12"));
        assertThat(webVsWeek1.change()).contains(-100.0);
        assertThat(webVsWeek1.significance()).isEmpty();
        assertThat(figure(webLater, Metric.CES_MEAN).value()).isEmpty();
        // week 2, EMAIL and no channel: present, n = 0
        assertThat(figure(report.rows().get(3), Metric.NPS).n()).isZero();
        assertThat(figure(report.rows().get(5), Metric.RESPONSE_COUNT).value()).contains(0.0);
    }

    @Test
    void aQueryOverAllSurveysCountsEveryQuestionOfTheTypeAndOnlyTheTenantsOwn() {
        Survey first = survey(tenant, definition(nps("nps"), csat("csat", 5)));
        Survey second = survey(tenant, definition(nps("recommend")));
        Survey theirs = survey(otherTenant, definition(nps("nps")));
        submit("2026-01-05T09:00:00Z", tenant, first, "WEB", score("nps", 10), score("csat", 5));
        submit("2026-01-05T10:00:00Z", tenant, second, "SMS", score("recommend", 0));
        submit("2026-01-05T11:00:00Z", tenant, second, "SMS", score("recommend", 9));
        submit("2026-01-05T12:00:00Z", otherTenant, theirs, "PHONE", score("nps", 0));

        MetricsReport total = query(tenant, Request.of("2026-01-05", "2026-01-06", "NPS", "RESPONSE_COUNT"));
        MetricsReport bySurvey = query(tenant, Request.of("2026-01-05", "2026-01-06", "NPS").groupBy("survey",
                "channel"));

        // 10, 0, 9 → (2 − 1) / 3
        assertThat(figure(total.rows().getFirst(), Metric.NPS).value())
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(100.0 / 3, EXACT));
        assertThat(figure(total.rows().getFirst(), Metric.RESPONSE_COUNT).value()).contains(3.0);
        String a = first.id().value().toString();
        String b = second.id().value().toString();
        assertThat(bySurvey.rows()).extracting(ReportRow::group).containsExactlyElementsOf(
                a.compareTo(b) < 0
                        ? List.of(GroupKey.of(a, "WEB"), GroupKey.of(b, "SMS"))
                        : List.of(GroupKey.of(b, "SMS"), GroupKey.of(a, "WEB")));
        assertThat(bySurvey.rows()).flatExtracting(ReportRow::group).doesNotContain("PHONE",
                theirs.id().value().toString());
    }

    @Test
    void aQueryOverAllSurveysReadsThemPageByPage() {
        app.clock.set(Instant.parse("2025-12-01T08:00:00Z"));
        List<Survey> surveys = new ArrayList<>();
        for (int i = 0; i <= MetricsQueryService.SURVEY_PAGE; i++) {
            surveys.add(app.publishedSurvey(tenant, definition(nps("nps"))));
        }
        for (Survey survey : surveys) {
            submit("2026-01-05T09:00:00Z", tenant, survey, "WEB", score("nps", 10));
        }

        MetricsReport report = query(tenant, Request.of("2026-01-05", "2026-01-06", "NPS", "RESPONSE_COUNT"));

        assertThat(figure(report.rows().getFirst(), Metric.NPS).n()).isEqualTo(MetricsQueryService.SURVEY_PAGE + 1);
        assertThat(figure(report.rows().getFirst(), Metric.RESPONSE_COUNT).n())
                .isEqualTo(MetricsQueryService.SURVEY_PAGE + 1);
    }

    @Test
    void filtersAndScoreRangesNarrowTheResponsesCounted() {
        Survey survey = survey(tenant, everyType());
        submitWith("2026-01-05T09:00:00Z", tenant, survey, Map.of("store", "Brno"), score("nps", 10), score("csat", 5));
        submitWith("2026-01-05T10:00:00Z", tenant, survey, Map.of("store", "Praha"), score("nps", 2), score("csat", 1));
        submitWith("2026-01-05T11:00:00Z", tenant, survey, Map.of(), score("nps", 4), score("csat", 4));
        submitWith("2026-01-05T12:00:00Z", tenant, survey, Map.of("store", "Brno"), score("nps", 6), score("csat", 2));

        // not in Praha: Brno, Brno and the one without a store
        MetricsReport notPraha = query(tenant, Request.of("2026-01-05", "2026-01-06", "NPS").survey(survey)
                .filter("attribute:store", "NOT_IN", "Praha").groupBy("attribute:store"));
        // detractors (0..6) only, CSAT of those
        MetricsReport detractors = query(tenant, Request.of("2026-01-05", "2026-01-06", "CSAT_MEAN", "RESPONSE_COUNT")
                .survey(survey).scoreRange("nps", 0, 6));

        assertThat(notPraha.rows()).extracting(ReportRow::group).containsExactly(GroupKey.of("Brno"),
                GroupKey.of((String) null));
        // Brno: 10, 6 → 0; none: 4 → −100
        assertThat(notPraha.rows()).extracting(row -> figure(row, Metric.NPS).value().orElseThrow())
                .containsExactly(0.0, -100.0);
        // 2, 4, 6 → CSAT 1, 4, 2 → mean 7/3
        ReportRow row = detractors.rows().getFirst();
        assertThat(figure(row, Metric.CSAT_MEAN).value())
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(7.0 / 3, EXACT));
        assertThat(figure(row, Metric.RESPONSE_COUNT).value()).contains(3.0);
    }

    @Test
    void aFixedBaselineIsCountedOverItsOwnDays() {
        Survey survey = survey(tenant, definition(nps("nps")));
        submit("2025-12-10T09:00:00Z", tenant, survey, "WEB", score("nps", 0));
        submit("2025-12-11T09:00:00Z", tenant, survey, "WEB", score("nps", 10));
        submit("2026-01-05T09:00:00Z", tenant, survey, "WEB", score("nps", 10));

        MetricsReport report = query(tenant, Request.of("2026-01-05", "2026-01-12", "NPS").survey(survey)
                .fixed("2025-12-01", "2026-01-01"));

        Comparison comparison = figure(report.rows().getFirst(), Metric.NPS).comparison().orElseThrow();
        assertThat(comparison.baseline()).isEqualTo(days("2025-12-01", "2026-01-01"));
        assertThat(comparison.n()).isEqualTo(2);
        assertThat(comparison.value()).contains(0.0);
        assertThat(comparison.change()).contains(100.0);
    }

    // --- the time zone ----------------------------------------------------------------------------------------------

    @Test
    void aResponseCountsOnItsLocalDayInPragueAcrossBothDstChanges() {
        Survey survey = survey(tenant, definition(nps("nps")));
        // spring: 2026-03-29 02:00 CET becomes 03:00 CEST; the local day of March 29 lasts 23 hours,
        // from 2026-03-28T23:00Z to 2026-03-29T22:00Z
        submit("2026-03-28T22:59:59Z", tenant, survey, "WEB", score("nps", 10)); // 23:59:59 CET, March 28
        submit("2026-03-28T23:00:00Z", tenant, survey, "WEB", score("nps", 10)); // 00:00 CET, March 29
        submit("2026-03-29T21:59:59Z", tenant, survey, "WEB", score("nps", 10)); // 23:59:59 CEST, March 29
        submit("2026-03-29T22:00:00Z", tenant, survey, "WEB", score("nps", 10)); // 00:00 CEST, March 30
        // autumn: 2026-10-25 03:00 CEST becomes 02:00 CET; October 25 lasts 25 hours,
        // from 2026-10-24T22:00Z to 2026-10-25T23:00Z
        submit("2026-10-24T21:59:59Z", tenant, survey, "WEB", score("nps", 0)); // 23:59:59 CEST, October 24
        submit("2026-10-24T22:00:00Z", tenant, survey, "WEB", score("nps", 0)); // 00:00 CEST, October 25
        submit("2026-10-25T00:30:00Z", tenant, survey, "WEB", score("nps", 0)); // 02:30 CEST, the first time
        submit("2026-10-25T01:30:00Z", tenant, survey, "WEB", score("nps", 0)); // 02:30 CET, the second time
        submit("2026-10-25T22:59:59Z", tenant, survey, "WEB", score("nps", 0)); // 23:59:59 CET, October 25
        submit("2026-10-25T23:00:00Z", tenant, survey, "WEB", score("nps", 0)); // 00:00 CET, October 26

        MetricsReport spring = query(tenant, Request.of("2026-03-28", "2026-03-31", "RESPONSE_COUNT", "NPS")
                .survey(survey).bucket("DAY"));
        MetricsReport autumn = query(tenant, Request.of("2026-10-24", "2026-10-27", "RESPONSE_COUNT", "NPS")
                .survey(survey).bucket("DAY"));

        assertThat(spring.rows()).extracting(ReportRow::period).containsExactly(days("2026-03-28", "2026-03-29"),
                days("2026-03-29", "2026-03-30"), days("2026-03-30", "2026-03-31"));
        assertThat(spring.rows()).extracting(row -> figure(row, Metric.RESPONSE_COUNT).n()).containsExactly(1L, 2L, 1L);
        assertThat(spring.rows()).extracting(row -> figure(row, Metric.NPS).n()).containsExactly(1L, 2L, 1L);
        assertThat(autumn.rows()).extracting(row -> figure(row, Metric.RESPONSE_COUNT).n()).containsExactly(1L, 4L, 1L);
        assertThat(autumn.rows()).extracting(row -> figure(row, Metric.NPS).n()).containsExactly(1L, 4L, 1L);
    }

    @Test
    void aMonthAcrossTheSpringChangeHoldsEveryLocalDayOfIt() {
        Survey survey = survey(tenant, definition(nps("nps")));
        submit("2026-02-28T23:00:00Z", tenant, survey, "WEB", score("nps", 10)); // 00:00 CET, March 1
        submit("2026-03-31T21:59:59Z", tenant, survey, "WEB", score("nps", 10)); // 23:59:59 CEST, March 31
        submit("2026-03-31T22:00:00Z", tenant, survey, "WEB", score("nps", 0)); // 00:00 CEST, April 1

        MetricsReport report = query(tenant, Request.of("2026-03-01", "2026-05-01", "RESPONSE_COUNT")
                .survey(survey).bucket("MONTH"));

        assertThat(report.rows()).extracting(row -> figure(row, Metric.RESPONSE_COUNT).n()).containsExactly(2L, 1L);
    }

    // --- refusals ---------------------------------------------------------------------------------------------------

    @Test
    void needsTheMetricsReadScopeAndATenant() {
        Survey survey = survey(tenant, everyType());
        Request request = Request.of("2026-01-05", "2026-01-12", "NPS").survey(survey);

        assertAccessFailure(app.metrics.query(callerWithout(tenant.tenantId(), Scope.METRICS_READ), request.command()),
                Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.metrics.query(app.operator, request.command()), Forbidden.class,
                "auth.tenant-required");
        assertThat(query(callerWith(tenant.tenantId(), Scope.METRICS_READ), request).rows()).hasSize(1);
    }

    @Test
    void theScopeIsCheckedBeforeTheQuery() {
        assertAccessFailure(app.metrics.query(callerWithout(tenant.tenantId(), Scope.METRICS_READ),
                Request.of("nonsense", null, "NOPE").command()), Forbidden.class, "auth.scope-missing");
    }

    @Test
    void anotherTenantsUnknownOrMalformedSurveyIsNotFound() {
        Survey theirs = survey(otherTenant, everyType());

        assertDomainFailure(app.metrics.query(tenant, Request.of("2026-01-05", "2026-01-12", "NPS").survey(theirs)
                .command()), NotFound.class, "survey.not-found");
        assertDomainFailure(app.metrics.query(tenant, Request.of("2026-01-05", "2026-01-12", "NPS")
                .survey(UUID.randomUUID().toString()).command()), NotFound.class, "survey.not-found");
        assertDomainFailure(app.metrics.query(tenant, Request.of("2026-01-05", "2026-01-12", "NPS")
                .survey("42").command()), NotFound.class, "survey.not-found");
    }

    @Test
    void badQueriesNameTheirFields() {
        Survey survey = survey(tenant, everyType());

        assertInvalid(app.metrics.query(tenant, Request.of("2026-01-06", "2026-01-12", "NPS", "NPS").bucket("WEEK")
                        .groupBy("channel", "language", "attribute:store").command()),
                tuple("metrics[1]", "query.metric-duplicate"),
                tuple("from", "query.range-not-aligned"),
                tuple("groupBy", "query.too-many-group-bys"));
        assertInvalid(app.metrics.query(tenant, Request.of("2026-01-05", "2026-01-12", "CSAT_PERCENT").survey(survey)
                .question("nps").command()), tuple("metrics[0]", "query.metric-question-mismatch"));
        assertInvalid(app.metrics.query(tenant, Request.of("2026-01-05", "2026-01-12", "NPS").survey(survey)
                .question("missing").command()), tuple("questionId", "query.question-unknown"));
    }

    @Test
    void cesOnTwoScalesAcrossSurveysMustBeSplit() {
        survey(tenant, definition(ServiceHarness.ces("ces", 5, "HIGHER_IS_EASIER")));
        survey(tenant, definition(ServiceHarness.ces("ces", 7, "HIGHER_IS_HARDER")));

        assertInvalid(app.metrics.query(tenant, Request.of("2026-01-05", "2026-01-12", "CES_NET").command()),
                tuple("metrics[0]", "query.scales-mixed"));
        assertThat(query(tenant, Request.of("2026-01-05", "2026-01-12", "CES_NET").groupBy("scale")).rows())
                .isEmpty();
    }
}
