package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.api;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static io.touchstone.platform.rest.RestFixtures.publishedSurvey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.touchstone.platform.support.SubmissionClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /api/v1/metrics/query} against the running service and PostgreSQL. Every expected figure is computed
 * here, by hand, from the answers the test submitted. Responses get their submission times from
 * {@link SubmissionClock} (a test-only trigger of the test database), so that they fall on chosen days of the
 * tenant's time zone (Europe/Prague).
 */
@QuarkusTest
class MetricsQueryIT {

    private static final String QUERY = "/api/v1/metrics/query";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double EXACT = 1e-9;

    @BeforeAll
    static void installClock() {
        SubmissionClock.install();
    }

    @AfterAll
    static void uninstallClock() {
        SubmissionClock.uninstall();
    }

    // --- trends and comparisons -----------------------------------------------------------------------------------

    /**
     * Four ISO weeks: W0 (the baseline of the first) 2025-12-29, W1 2026-01-05, W2 2026-01-12 (no answers), W3
     * 2026-01-19. Prague is UTC+1 in January: 2026-01-04T23:30Z is Monday 00:30 of W1, 2026-01-25T23:30Z is already
     * 2026-01-26, after the range.
     */
    @Test
    void weeklyNpsTrendHasEveryWeekEmptyOnesIncludedAndComparesEachWithTheWeekBefore() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        respond(key, survey, "2025-12-31T12:00:00Z", "WEB", Map.of(), "nps", 10);
        respond(key, survey, "2026-01-02T12:00:00Z", "WEB", Map.of(), "nps", 9);
        respond(key, survey, "2026-01-04T23:30:00Z", null, Map.of(), "nps", 3);
        respond(key, survey, "2026-01-06T10:00:00Z", "WEB", Map.of(), "nps", 10);
        respond(key, survey, "2026-01-07T10:00:00Z", "WEB", Map.of(), "nps", 9);
        respond(key, survey, "2026-01-08T10:00:00Z", "EMAIL", Map.of(), "nps", 8);
        respond(key, survey, "2026-01-20T10:00:00Z", "SMS", Map.of(), "nps", 0);
        respond(key, survey, "2026-01-21T10:00:00Z", "SMS", Map.of(), "nps", 10);
        respond(key, survey, "2026-01-25T22:30:00Z", "SMS", Map.of(), "nps", 6);
        respond(key, survey, "2026-01-25T23:30:00Z", "SMS", Map.of(), "nps", 10);

        JsonPath report = query(key, """
                {"metrics": ["NPS"], "surveyId": "%s", "from": "2026-01-05", "to": "2026-01-26", "bucket": "WEEK",
                 "comparison": {"baseline": "PREVIOUS_PERIOD"}, "distribution": true}
                """.formatted(survey)).statusCode(200).extract().jsonPath();

        assertThat(report.getList("metrics")).containsExactly("NPS");
        assertThat(report.getList("groupBy")).isEmpty();
        assertThat(report.getString("bucket")).isEqualTo("WEEK");
        assertThat(report.getString("from")).isEqualTo("2026-01-05");
        assertThat(report.getString("to")).isEqualTo("2026-01-26");
        assertThat(report.getList("rows.from")).containsExactly("2026-01-05", "2026-01-12", "2026-01-19");
        assertThat(report.getList("rows.to")).containsExactly("2026-01-12", "2026-01-19", "2026-01-26");
        assertThat(report.getList("rows.group")).containsExactly(Map.of(), Map.of(), Map.of());

        int[] w0 = {10, 9};
        int[] w1 = {3, 10, 9, 8};
        int[] w3 = {0, 10, 6};
        Map<String, Object> first = figure(report, 0, 0);
        assertNps(first, w1);
        assertThat(first.get("histogram")).isEqualTo(histogram(0, 10, w1));
        assertThat(interval(first)[1]).as("clamped to +100").isEqualTo(100.0);
        Map<String, Object> firstComparison = map(first, "comparison");
        assertThat(firstComparison).containsEntry("from", "2025-12-29").containsEntry("to", "2026-01-05")
                .containsEntry("n", 2);
        assertThat(number(firstComparison, "value")).isEqualTo(100.0);
        assertThat(number(firstComparison, "change")).isCloseTo(nps(w1) - nps(w0), within(EXACT));
        assertThat(number(firstComparison, "z")).isCloseTo(npsZ(w1, w0), within(EXACT));
        assertThat(npsZ(w1, w0)).isCloseTo(-1.8091, within(1e-4));
        assertThat(firstComparison).containsEntry("significant", false);

        Map<String, Object> empty = figure(report, 1, 0);
        assertThat(empty).containsEntry("metric", "NPS").containsEntry("n", 0).containsEntry("smallSample", true)
                .doesNotContainKeys("value", "confidenceInterval", "nps", "histogram");
        assertThat(map(empty, "comparison")).containsOnlyKeys("from", "to", "n", "value")
                .containsEntry("from", "2026-01-05").containsEntry("to", "2026-01-12").containsEntry("n", 4);
        assertThat(number(map(empty, "comparison"), "value")).isEqualTo(25.0);

        Map<String, Object> third = figure(report, 2, 0);
        assertNps(third, w3);
        assertThat(interval(third)[0]).as("clamped to -100").isEqualTo(-100.0);
        assertThat(third.get("histogram")).isEqualTo(histogram(0, 10, w3));
        assertThat(map(third, "comparison")).containsOnlyKeys("from", "to", "n")
                .containsEntry("from", "2026-01-12").containsEntry("to", "2026-01-19").containsEntry("n", 0);
    }

    /**
     * Ten days of answers against the ten days before: NPS from −60 to +60 and CSAT % from 30 to 90 are significant
     * changes; the CES mean of the 1-7 question barely moves.
     */
    @Test
    void comparesWithAFixedBaselineAndWithThePreviousPeriodOfTheSameLength() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        int[] npsThen = {0, 0, 0, 0, 0, 0, 0, 0, 10, 10};
        int[] csatThen = {1, 2, 3, 3, 3, 2, 1, 4, 5, 4};
        int[] npsNow = {10, 10, 10, 10, 10, 10, 10, 10, 0, 0};
        int[] csatNow = {5, 5, 4, 4, 5, 5, 4, 5, 5, 2};
        for (int i = 0; i < 10; i++) {
            respond(key, survey, "2025-12-%02dT12:00:00Z".formatted(22 + i), "WEB", Map.of(),
                    "nps", npsThen[i], "csat", csatThen[i]);
            respond(key, survey, "2026-01-%02dT12:00:00Z".formatted(1 + i), "WEB", Map.of(),
                    "nps", npsNow[i], "csat", csatNow[i]);
        }

        String fixed = """
                {"metrics": ["NPS", "CSAT_PERCENT"], "surveyId": "%s", "from": "2026-01-01", "to": "2026-01-11",
                 "comparison": {"baseline": "FIXED", "from": "2025-12-22", "to": "2026-01-01"}}
                """.formatted(survey);
        String previous = """
                {"metrics": ["NPS", "CSAT_PERCENT"], "surveyId": "%s", "from": "2026-01-01", "to": "2026-01-11",
                 "comparison": {"baseline": "PREVIOUS_PERIOD"}}
                """.formatted(survey);
        for (String body : List.of(fixed, previous)) {
            JsonPath report = query(key, body).statusCode(200).extract().jsonPath();
            assertThat(report.getList("rows")).hasSize(1);
            assertThat(report.getString("rows[0].from")).isEqualTo("2026-01-01");
            assertThat(report.getString("rows[0].to")).isEqualTo("2026-01-11");

            Map<String, Object> nps = figure(report, 0, 0);
            assertNps(nps, npsNow);
            Map<String, Object> npsComparison = map(nps, "comparison");
            assertThat(npsComparison).containsEntry("from", "2025-12-22").containsEntry("to", "2026-01-01")
                    .containsEntry("n", 10).containsEntry("significant", true);
            assertThat(number(npsComparison, "value")).isCloseTo(-60.0, within(EXACT));
            assertThat(number(npsComparison, "change")).isCloseTo(120.0, within(EXACT));
            assertThat(number(npsComparison, "z")).isCloseTo(npsZ(npsNow, npsThen), within(EXACT));
            assertThat(npsZ(npsNow, npsThen)).isCloseTo(120 / Math.hypot(100 * Math.sqrt(0.064),
                    100 * Math.sqrt(0.064)), within(EXACT));

            Map<String, Object> csat = figure(report, 0, 1);
            assertCsatPercent(csat, csatNow, 4);
            Map<String, Object> csatComparison = map(csat, "comparison");
            assertThat(csatComparison).containsEntry("n", 10).containsEntry("significant", true);
            assertThat(number(csatComparison, "value")).isCloseTo(30.0, within(EXACT));
            assertThat(number(csatComparison, "change")).isCloseTo(60.0, within(EXACT));
            // pooled share 12 / 20: z = 60 / (100 √(0.6 · 0.4 · (1/10 + 1/10)))
            assertThat(number(csatComparison, "z")).isCloseTo(60 / (100 * Math.sqrt(0.6 * 0.4 * 0.2)),
                    within(EXACT));
        }
    }

    @Test
    void aChangeWithinTheNoiseIsNotSignificantAndMeansAreComparedByWelchsTest() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        int[] then = {7, 6, 5, 4, 6};
        int[] now = {6, 7, 4, 5, 7, 6};
        for (int i = 0; i < then.length; i++) {
            respond(key, survey, "2026-03-%02dT12:00:00Z".formatted(2 + i), "CHAT", Map.of(), "ces", then[i]);
        }
        for (int i = 0; i < now.length; i++) {
            respond(key, survey, "2026-04-%02dT12:00:00Z".formatted(1 + i), "CHAT", Map.of(), "ces", now[i]);
        }

        JsonPath report = query(key, """
                {"metrics": ["CES_MEAN"], "surveyId": "%s", "questionId": "ces", "from": "2026-04-01",
                 "to": "2026-05-01", "bucket": "MONTH", "comparison": {"baseline": "PREVIOUS_PERIOD"}}
                """.formatted(survey)).statusCode(200).extract().jsonPath();

        Map<String, Object> figure = figure(report, 0, 0);
        assertThat(figure).containsEntry("n", now.length);
        assertThat(number(figure, "value")).isCloseTo(mean(now), within(EXACT));
        Map<String, Object> comparison = map(figure, "comparison");
        assertThat(comparison).containsEntry("from", "2026-03-01").containsEntry("to", "2026-04-01")
                .containsEntry("n", then.length).containsEntry("significant", false);
        assertThat(number(comparison, "value")).isCloseTo(mean(then), within(EXACT));
        assertThat(number(comparison, "change")).isCloseTo(mean(now) - mean(then), within(EXACT));
        double z = (mean(now) - mean(then)) / Math.sqrt(variance(now) / now.length + variance(then) / then.length);
        assertThat(number(comparison, "z")).isCloseTo(z, within(EXACT));
    }

    @Test
    void theDistributionOfACesQuestionIsNormalisedSoThatHigherMeansEasier() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        // "effort" is CES 1-5, higher is harder: 1, 2, 5 count as 5, 4, 1
        for (int score : new int[] {1, 2, 5}) {
            respond(key, survey, "2026-02-10T12:00:00Z", "PHONE", Map.of(), "effort", score);
        }

        JsonPath report = query(key, """
                {"metrics": ["CES_MEAN", "CES_NET"], "surveyId": "%s", "questionId": "effort",
                 "from": "2026-02-01", "to": "2026-03-01", "distribution": true}
                """.formatted(survey)).statusCode(200).extract().jsonPath();

        Map<String, Object> mean = figure(report, 0, 0);
        Map<String, Object> net = figure(report, 0, 1);
        assertThat(number(mean, "value")).isEqualTo(10.0 / 3);
        assertThat(number(net, "value")).isEqualTo(100.0 / 3);
        for (Map<String, Object> figure : List.of(mean, net)) {
            assertThat(figure).containsEntry("n", 3).doesNotContainKeys("confidenceInterval", "nps", "csat");
            assertThat(map(figure, "ces")).containsEntry("agree", 2).containsEntry("neutral", 0)
                    .containsEntry("disagree", 1).containsEntry("scale", 5);
            assertThat(number(map(figure, "ces"), "mean")).isEqualTo(10.0 / 3);
            assertThat(number(map(figure, "ces"), "net")).isEqualTo(100.0 / 3);
            assertThat(figure.get("histogram")).isEqualTo(histogram(1, 5, 5, 4, 1));
        }
    }

    // --- groups and filters -----------------------------------------------------------------------------------------

    @Test
    void groupsByChannelAndAttributeWithTheResponsesWithoutAValueAsTheirOwnGroupLast() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        respond(key, survey, "2026-02-02T12:00:00Z", "WEB", Map.of("store", "Brno"), "nps", 10, "csat", 5);
        respond(key, survey, "2026-02-03T12:00:00Z", "WEB", Map.of("store", "Praha"), "nps", 9, "csat", 2);
        respond(key, survey, "2026-02-04T12:00:00Z", "EMAIL", Map.of("store", "Brno"), "nps", 0, "csat", 4);
        respond(key, survey, "2026-02-05T12:00:00Z", null, Map.of("store", "Brno"), "nps", 7);
        respond(key, survey, "2026-02-06T12:00:00Z", null, Map.of("region", "south"), "csat", 1);
        respond(key, survey, "2026-02-07T12:00:00Z", "WEB", Map.of(), "nps", 6, "csat", 3);
        respond(key, survey, "2026-02-08T12:00:00Z", "WEB", Map.of("store", "Brno"), "nps", 9);
        respond(key, survey, "2026-03-01T12:00:00Z", "SOCIAL", Map.of("store", "Ostrava"), "nps", 9);

        JsonPath report = query(key, """
                {"metrics": ["NPS", "CSAT_PERCENT", "RESPONSE_COUNT"], "surveyId": "%s",
                 "from": "2026-02-01", "to": "2026-03-01", "groupBy": ["channel", "attribute:store"]}
                """.formatted(survey)).statusCode(200).extract().jsonPath();

        assertThat(report.getList("groupBy")).containsExactly("channel", "attribute:store");
        assertThat(report.getList("rows.group")).containsExactly(
                group("EMAIL", "Brno"), group("WEB", "Brno"), group("WEB", "Praha"), group("WEB", null),
                group(null, "Brno"), group(null, null));
        assertThat(report.getList("rows.from")).containsOnly("2026-02-01");

        // EMAIL, Brno: nps 0; csat 4 (satisfied)
        assertNps(figure(report, 0, 0), 0);
        assertCsatPercent(figure(report, 0, 1), new int[] {4}, 4);
        // WEB, Brno: nps 10, 9; csat 5
        assertNps(figure(report, 1, 0), 10, 9);
        assertCsatPercent(figure(report, 1, 1), new int[] {5}, 4);
        assertThat(number(figure(report, 1, 2), "value")).isEqualTo(2.0);
        // WEB, Praha: nps 9; csat 2
        assertNps(figure(report, 2, 0), 9);
        assertCsatPercent(figure(report, 2, 1), new int[] {2}, 4);
        // WEB without a store: nps 6; csat 3
        assertNps(figure(report, 3, 0), 6);
        assertCsatPercent(figure(report, 3, 1), new int[] {3}, 4);
        // no channel, Brno: nps 7; no CSAT answer
        assertNps(figure(report, 4, 0), 7);
        assertThat(figure(report, 4, 1)).containsEntry("n", 0).doesNotContainKeys("value", "confidenceInterval");
        // neither: no NPS answer; csat 1
        assertThat(figure(report, 5, 0)).containsEntry("n", 0).doesNotContainKeys("value", "nps");
        assertCsatPercent(figure(report, 5, 1), new int[] {1}, 4);
        for (int row = 0; row < 6; row++) {
            Map<String, Object> count = figure(report, row, 2);
            assertThat(count).containsEntry("metric", "RESPONSE_COUNT").containsEntry("n", row == 1 ? 2 : 1)
                    .doesNotContainKeys("confidenceInterval", "histogram", "nps", "csat", "ces");
        }
    }

    @Test
    void filtersAndScoreRangesKeepOnlyTheResponsesThatPassThemAll() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        respond(key, survey, "2026-02-02T12:00:00Z", "EMAIL", Map.of("store", "Brno"), "nps", 3, "csat", 2);
        respond(key, survey, "2026-02-03T12:00:00Z", null, Map.of("store", "Brno"), "nps", 5, "csat", 5);
        respond(key, survey, "2026-02-04T12:00:00Z", null, Map.of("store", "Brno"), "nps", 9, "csat", 1);
        respond(key, survey, "2026-02-05T12:00:00Z", "WEB", Map.of("store", "Brno"), "nps", 1, "csat", 1);
        respond(key, survey, "2026-02-06T12:00:00Z", "EMAIL", Map.of("store", "Praha"), "nps", 2, "csat", 3);
        respond(key, survey, "2026-02-07T12:00:00Z", "EMAIL", Map.of(), "nps", 2, "csat", 3);
        respond(key, survey, "2026-02-08T12:00:00Z", "EMAIL", Map.of("store", "Brno"), "csat", 4);
        respondIn(key, survey, "en", "2026-02-09T12:00:00Z", "EMAIL", Map.of("store", "Brno"), "nps", 0, "csat", 5);

        // Czech, not on the web (no channel passes NOT_IN), in Brno, detractors: the first two responses
        JsonPath report = query(key, """
                {"metrics": ["RESPONSE_COUNT", "CSAT_MEAN", "NPS"], "surveyId": "%s",
                 "from": "2026-02-01", "to": "2026-03-01",
                 "filters": [{"dimension": "language", "operator": "EQUALS", "values": ["cs"]},
                             {"dimension": "channel", "operator": "NOT_IN", "values": ["WEB"]},
                             {"dimension": "attribute:store", "operator": "IN", "values": ["Brno", "Ostrava"]}],
                 "scoreRanges": [{"questionId": "nps", "min": 0, "max": 6}]}
                """.formatted(survey)).statusCode(200).extract().jsonPath();

        assertThat(figure(report, 0, 0)).containsEntry("n", 2);
        assertThat(number(figure(report, 0, 0), "value")).isEqualTo(2.0);
        assertThat(figure(report, 0, 1)).containsEntry("n", 2);
        assertThat(number(figure(report, 0, 1), "value")).isEqualTo(3.5);
        assertThat(map(figure(report, 0, 1), "csat")).containsEntry("satisfied", 1).containsEntry("satisfiedFrom", 4);
        assertNps(figure(report, 0, 2), 3, 5);

        // a filter that nothing passes: every figure over no observations
        JsonPath none = query(key, """
                {"metrics": ["NPS", "RESPONSE_COUNT"], "surveyId": "%s", "from": "2026-02-01", "to": "2026-03-01",
                 "filters": [{"dimension": "channel", "operator": "EQUALS", "values": ["IN_STORE"]}]}
                """.formatted(survey)).statusCode(200).extract().jsonPath();
        assertThat(figure(none, 0, 0)).containsEntry("n", 0).doesNotContainKey("value");
        assertThat(figure(none, 0, 1)).containsEntry("n", 0);
        assertThat(number(figure(none, 0, 1), "value")).isEqualTo(0.0);
    }

    @Test
    void aQueryOverAllSurveysGroupedBySurveyNeverShowsAnotherTenantsSurveysOrValues() {
        String key = newTenant().adminKey();
        String first = publishedSurvey(key);
        String second = publishedSurvey(key);
        respond(key, first, "2026-02-02T12:00:00Z", "WEB", Map.of("store", "Brno"), "nps", 10);
        respond(key, second, "2026-02-03T12:00:00Z", "WEB", Map.of("store", "Praha"), "nps", 0);
        String other = newTenant().adminKey();
        String othersSurvey = publishedSurvey(other);
        respond(other, othersSurvey, "2026-02-02T12:00:00Z", "SMS", Map.of("store", "Secret-B"), "nps", 5);
        respond(other, othersSurvey, "2026-02-03T12:00:00Z", "WEB", Map.of("store", "Brno"), "nps", 5);

        JsonPath bySurvey = query(key, """
                {"metrics": ["NPS", "RESPONSE_COUNT"], "from": "2026-02-01", "to": "2026-03-01",
                 "groupBy": ["survey"]}
                """).statusCode(200).extract().jsonPath();
        List<Map<String, String>> groups = bySurvey.getList("rows.group");
        assertThat(groups).extracting(group -> group.get("survey"))
                .containsExactlyElementsOf(Stream.of(first, second).sorted().toList());

        JsonPath byStoreAndChannel = query(key, """
                {"metrics": ["NPS"], "from": "2026-02-01", "to": "2026-03-01",
                 "groupBy": ["attribute:store", "channel"]}
                """).statusCode(200).extract().jsonPath();
        assertThat(byStoreAndChannel.getList("rows.group")).containsExactly(group2("Brno", "WEB"),
                group2("Praha", "WEB"));
        assertNps(figure(byStoreAndChannel, 0, 0), 10);
        assertThat(byStoreAndChannel.prettify()).doesNotContain("Secret-B", "SMS", othersSurvey);

        problem(query(key, """
                {"metrics": ["NPS"], "surveyId": "%s", "from": "2026-02-01", "to": "2026-03-01"}
                """.formatted(othersSurvey)), 404, "survey.not-found", null);
    }

    @Test
    void moreThanFiftyThousandRowsAreRefused() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        for (int i = 0; i < 51; i++) {
            respond(key, survey, "2026-02-01T12:00:00Z", "WEB", Map.of("ticket", "T-" + i), "nps", 9);
        }
        // 1000 days × 51 tickets (all on the last day)
        problem(query(key, """
                {"metrics": ["NPS"], "surveyId": "%s", "from": "2023-05-09", "to": "2026-02-02", "bucket": "DAY",
                 "groupBy": ["attribute:ticket"]}
                """.formatted(survey)), 422, "query.too-many-groups", null);
    }

    // --- bad queries ------------------------------------------------------------------------------------------------

    private static String badQueryTenantKey;
    private static String badQuerySurvey;

    /** One tenant and survey for all the bad queries (they change nothing). */
    private static synchronized String[] badQueryFixture() {
        if (badQueryTenantKey == null) {
            badQueryTenantKey = newTenant().adminKey();
            badQuerySurvey = publishedSurvey(badQueryTenantKey);
        }
        return new String[] {badQueryTenantKey, badQuerySurvey};
    }

    static Stream<Arguments> badQueries() {
        String range = "\"from\": \"2026-01-05\", \"to\": \"2026-02-02\"";
        String twentyOneFilters = String.join(", ", IntStream.range(0, 21).mapToObj(i ->
                "{\"dimension\": \"attribute:k" + i + "\", \"operator\": \"EQUALS\", \"values\": [\"v\"]}").toList());
        String elevenRanges = String.join(", ", IntStream.range(0, 11).mapToObj(i ->
                "{\"questionId\": \"nps\", \"min\": 0, \"max\": 10}").toList());
        return Stream.of(
                bad("unknown metric", "{\"metrics\": [\"NPS\", \"NPX\"], " + range + "}",
                        "query.metric-unknown", "metrics[1]"),
                bad("no metric", "{\"metrics\": [], " + range + "}", "query.metrics-required", "metrics"),
                bad("metrics absent", "{" + range + "}", "query.metrics-required", "metrics"),
                bad("a metric twice", "{\"metrics\": [\"NPS\", \"NPS\"], " + range + "}",
                        "query.metric-duplicate", "metrics[1]"),
                bad("CES scales 1-7 and 1-5 mixed", "{\"metrics\": [\"CES_MEAN\"], \"surveyId\": \"{S}\", "
                        + range + "}", "query.scales-mixed", "metrics[0]"),
                bad("CES scales mixed over all surveys", "{\"metrics\": [\"NPS\", \"CES_NET\"], " + range + "}",
                        "query.scales-mixed", "metrics[1]"),
                bad("three group-bys", "{\"metrics\": [\"NPS\"], " + range
                        + ", \"groupBy\": [\"channel\", \"language\", \"attribute:store\"]}",
                        "query.too-many-group-bys", "groupBy"),
                bad("more than five years", "{\"metrics\": [\"NPS\"], \"from\": \"2020-01-01\", "
                        + "\"to\": \"2025-01-02\"}", "query.range-too-long", "to"),
                bad("more than 1000 buckets", "{\"metrics\": [\"NPS\"], \"from\": \"2023-01-01\", "
                        + "\"to\": \"2026-01-01\", \"bucket\": \"DAY\"}", "query.too-many-buckets", "bucket"),
                bad("unknown dimension", "{\"metrics\": [\"NPS\"], " + range + ", \"groupBy\": [\"store\"]}",
                        "query.dimension-unknown", "groupBy[0]"),
                bad("unknown filter dimension", "{\"metrics\": [\"NPS\"], " + range + ", \"filters\": "
                        + "[{\"dimension\": \"attribute:\", \"operator\": \"IN\", \"values\": [\"x\"]}]}",
                        "query.dimension-unknown", "filters[0].dimension"),
                bad("question without survey", "{\"metrics\": [\"NPS\"], \"questionId\": \"nps\", " + range + "}",
                        "query.question-requires-survey", "questionId"),
                bad("unknown question", "{\"metrics\": [\"NPS\"], \"surveyId\": \"{S}\", \"questionId\": \"nope\", "
                        + range + "}", "query.question-unknown", "questionId"),
                bad("metric of another question type", "{\"metrics\": [\"NPS\"], \"surveyId\": \"{S}\", "
                        + "\"questionId\": \"csat\", " + range + "}", "query.metric-question-mismatch", "metrics[0]"),
                bad("not a day", "{\"metrics\": [\"NPS\"], \"from\": \"2026-13-01\", \"to\": \"2026-02-02\"}",
                        "query.date-invalid", "from"),
                bad("no from", "{\"metrics\": [\"NPS\"], \"to\": \"2026-02-02\"}", "value.required", "from"),
                bad("empty range", "{\"metrics\": [\"NPS\"], \"from\": \"2026-01-05\", \"to\": \"2026-01-05\"}",
                        "query.range-empty", "to"),
                bad("week from a Tuesday", "{\"metrics\": [\"NPS\"], \"from\": \"2026-01-06\", "
                        + "\"to\": \"2026-02-02\", \"bucket\": \"WEEK\"}", "query.range-not-aligned", "from"),
                bad("month to the 15th", "{\"metrics\": [\"NPS\"], \"from\": \"2026-01-01\", "
                        + "\"to\": \"2026-02-15\", \"bucket\": \"MONTH\"}", "query.range-not-aligned", "to"),
                bad("unknown bucket", "{\"metrics\": [\"NPS\"], " + range + ", \"bucket\": \"YEAR\"}",
                        "query.bucket-unknown", "bucket"),
                bad("a dimension twice", "{\"metrics\": [\"NPS\"], " + range
                        + ", \"groupBy\": [\"channel\", \"channel\"]}", "query.dimension-duplicate", "groupBy[1]"),
                bad("responses by question", "{\"metrics\": [\"RESPONSE_COUNT\"], " + range
                        + ", \"groupBy\": [\"question\"]}", "query.dimension-not-applicable", "groupBy[0]"),
                bad("unknown operator", "{\"metrics\": [\"NPS\"], " + range + ", \"filters\": "
                        + "[{\"dimension\": \"channel\", \"operator\": \"LIKE\", \"values\": [\"WEB\"]}]}",
                        "query.filter-operator-unknown", "filters[0].operator"),
                bad("EQUALS two values", "{\"metrics\": [\"NPS\"], " + range + ", \"filters\": "
                        + "[{\"dimension\": \"language\", \"operator\": \"EQUALS\", \"values\": [\"cs\", \"en\"]}]}",
                        "query.filter-values-count", "filters[0].values"),
                bad("unknown channel", "{\"metrics\": [\"NPS\"], " + range + ", \"filters\": "
                        + "[{\"dimension\": \"channel\", \"operator\": \"IN\", \"values\": [\"WEB\", \"FAX\"]}]}",
                        "channel.unknown", "filters[0].values[1]"),
                bad("a null filter", "{\"metrics\": [\"NPS\"], " + range + ", \"filters\": [null]}",
                        "value.required", "filters[0]"),
                bad("21 filters", "{\"metrics\": [\"NPS\"], " + range + ", \"filters\": [" + twentyOneFilters
                        + "]}", "query.too-many-filters", "filters"),
                bad("score range upside down", "{\"metrics\": [\"NPS\"], " + range + ", \"scoreRanges\": "
                        + "[{\"questionId\": \"nps\", \"min\": 7, \"max\": 3}]}", "query.score-range-invalid",
                        "scoreRanges[0]"),
                bad("score range without min", "{\"metrics\": [\"NPS\"], " + range + ", \"scoreRanges\": "
                        + "[{\"questionId\": \"nps\", \"max\": 3}]}", "value.required", "scoreRanges[0].min"),
                bad("11 score ranges", "{\"metrics\": [\"NPS\"], " + range + ", \"scoreRanges\": [" + elevenRanges
                        + "]}", "query.too-many-score-ranges", "scoreRanges"),
                bad("unknown baseline", "{\"metrics\": [\"NPS\"], " + range
                        + ", \"comparison\": {\"baseline\": \"LAST_YEAR\"}}", "query.baseline-unknown",
                        "comparison.baseline"),
                bad("previous period with dates", "{\"metrics\": [\"NPS\"], " + range
                        + ", \"comparison\": {\"baseline\": \"PREVIOUS_PERIOD\", \"from\": \"2025-01-06\"}}",
                        "query.baseline-dates-unexpected", "comparison"),
                bad("fixed baseline without from", "{\"metrics\": [\"NPS\"], " + range
                        + ", \"comparison\": {\"baseline\": \"FIXED\", \"to\": \"2025-01-06\"}}", "value.required",
                        "comparison.from"),
                bad("fixed baseline over five years", "{\"metrics\": [\"NPS\"], " + range
                        + ", \"comparison\": {\"baseline\": \"FIXED\", \"from\": \"2015-01-01\", "
                        + "\"to\": \"2021-01-01\"}}", "query.range-too-long", "comparison.to"),
                bad("a date as a number", "{\"metrics\": [\"NPS\"], \"from\": 20260105, \"to\": \"2026-02-02\"}",
                        "request.wrong-type", "from"),
                bad("a metric as a number", "{\"metrics\": [1], " + range + "}", "request.wrong-type", "metrics[0]"),
                bad("a score bound as a string", "{\"metrics\": [\"NPS\"], " + range + ", \"scoreRanges\": "
                        + "[{\"questionId\": \"nps\", \"min\": \"0\", \"max\": 6}]}", "request.wrong-type",
                        "scoreRanges[0].min"),
                bad("filter values as a string", "{\"metrics\": [\"NPS\"], " + range + ", \"filters\": "
                        + "[{\"dimension\": \"language\", \"operator\": \"IN\", \"values\": \"cs\"}]}",
                        "request.wrong-type", "filters[0].values"),
                bad("distribution as a string", "{\"metrics\": [\"NPS\"], " + range + ", \"distribution\": \"yes\"}",
                        "request.wrong-type", "distribution"),
                bad("an unknown field", "{\"metrics\": [\"NPS\"], " + range + ", \"groupby\": [\"channel\"]}",
                        "request.unknown-field", "groupby"),
                bad("not JSON", "{\"metrics\": [\"NPS\"", "request.malformed-json", null),
                bad("no body", "", "request.body-required", null));
    }

    private static Arguments bad(String what, String body, String code, String field) {
        return Arguments.of(what, body, code, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void aBadQueryIsRefusedWithItsCodeAndField(String what, String body, String code, String field) {
        String[] fixture = badQueryFixture();
        problem(query(fixture[0], body.replace("{S}", fixture[1])), 400, code, field)
                .body("violations.code", hasItem(code));
    }

    @Test
    void everyProblemOfAQueryIsReportedAtOnce() {
        String key = badQueryFixture()[0];
        problem(query(key, """
                {"metrics": ["NPX"], "from": "2026-01-06", "to": "2026-02-02", "bucket": "WEEK",
                 "groupBy": ["store"], "comparison": {"baseline": "NEVER"}}
                """), 400, "query.metric-unknown", "metrics[0]")
                .body("violations.field", equalTo(List.of("metrics[0]", "groupBy[0]", "comparison.baseline")))
                .body("violations.code", equalTo(List.of("query.metric-unknown", "query.dimension-unknown",
                        "query.baseline-unknown")));
    }

    @Test
    void anUnknownOrMalformedSurveyIsNotFound() {
        String key = badQueryFixture()[0];
        problem(query(key, """
                {"metrics": ["NPS"], "surveyId": "%s", "from": "2026-01-05", "to": "2026-02-02"}
                """.formatted(UUID.randomUUID())), 404, "survey.not-found", null);
        problem(query(key, """
                {"metrics": ["NPS"], "surveyId": "nope", "from": "2026-01-05", "to": "2026-02-02"}
                """), 404, "survey.not-found", null);
    }

    @Test
    void queriesNeedACredentialWithTheMetricsScope() {
        String admin = badQueryFixture()[0];
        String body = """
                {"metrics": ["NPX"], "from": "2026-01-05", "to": "2026-02-02"}
                """;
        problem(json(api(), body).post(QUERY).then(), 401, "auth.credentials-missing", null);
        problem(json(asTenant("tsk_0123456789abcdef01234567_" + "x".repeat(43)), body).post(QUERY).then(), 401,
                "auth.key-invalid", null);
        String reader = keyWith(admin, "surveys:read", "responses:read");
        problem(query(reader, body), 403, "auth.scope-missing", null);
        String analyst = keyWith(admin, "metrics:read");
        problem(query(analyst, body), 400, "query.metric-unknown", "metrics[0]");
    }

    @Test
    void theOpenApiDocumentDescribesTheQuery() {
        api().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/metrics/query'.post.tags", equalTo(List.of("Metrics")))
                .body("paths.'/api/v1/metrics/query'.post.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/MetricsQuery"))
                .body("paths.'/api/v1/metrics/query'.post.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/MetricsReport"))
                .body("paths.'/api/v1/metrics/query'.post.responses.keySet()",
                        hasItem("422"))
                .body("components.schemas.MetricsFigure.properties.keySet()", hasSize(12));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static ValidatableResponse query(String key, String body) {
        return json(asTenant(key), body).post(QUERY).then();
    }

    private static void respond(String key, String survey, String at, String channel, Map<String, String> metadata,
            Object... answers) {
        respondIn(key, survey, "cs", at, channel, metadata, answers);
    }

    /** Submits a response stored as submitted at {@code at}; {@code answers} alternate question ids and scores. */
    private static void respondIn(String key, String survey, String language, String at, String channel,
            Map<String, String> metadata, Object... answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("language", language);
        if (channel != null) {
            body.put("channel", channel);
        }
        body.put("metadata", metadata);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < answers.length; i += 2) {
            list.add(Map.<String, Object>of("questionId", answers[i], "score", answers[i + 1]));
        }
        body.put("answers", list);
        try {
            RestFixtures.submit(key, survey, SubmissionClock.at(Instant.parse(at)), JSON.writeValueAsString(body))
                    .statusCode(201);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figure(JsonPath report, int row, int figure) {
        return report.<String, Object>getMap("rows[" + row + "].figures[" + figure + "]");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    private static double number(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return ((Number) parent.get(key)).doubleValue();
    }

    private static double[] interval(Map<String, Object> figure) {
        Map<String, Object> interval = map(figure, "confidenceInterval");
        return new double[] {number(interval, "lower"), number(interval, "upper")};
    }

    private static Map<String, String> group(String channel, String store) {
        Map<String, String> group = new HashMap<>();
        group.put("channel", channel);
        group.put("attribute:store", store);
        return group;
    }

    private static Map<String, String> group2(String store, String channel) {
        return group(channel, store);
    }

    /** {@code [{score, count}]} over min..max of the given scores. */
    private static List<Map<String, Object>> histogram(int min, int max, int... scores) {
        List<Map<String, Object>> counts = new ArrayList<>();
        for (int score = min; score <= max; score++) {
            int s = score;
            counts.add(Map.of("score", score, "count", (int) Arrays.stream(scores).filter(x -> x == s).count()));
        }
        return counts;
    }

    // --- the formulas, by hand --------------------------------------------------------------------------------------

    private static long count(int[] scores, int from, int to) {
        return Arrays.stream(scores).filter(score -> score >= from && score <= to).count();
    }

    /** NPS = 100 × (promoters − detractors) / n. */
    private static double nps(int... scores) {
        return 100.0 * (count(scores, 9, 10) - count(scores, 0, 6)) / scores.length;
    }

    /** 100 × √((p + d − (p − d)²) / n). */
    private static double npsError(int... scores) {
        double p = (double) count(scores, 9, 10) / scores.length;
        double d = (double) count(scores, 0, 6) / scores.length;
        return 100 * Math.sqrt((p + d - (p - d) * (p - d)) / scores.length);
    }

    private static double npsZ(int[] now, int[] then) {
        return (nps(now) - nps(then)) / Math.hypot(npsError(now), npsError(then));
    }

    private static void assertNps(Map<String, Object> figure, int... scores) {
        int n = scores.length;
        assertThat(figure).containsEntry("metric", "NPS").containsEntry("n", n)
                .containsEntry("smallSample", n < 30).doesNotContainKeys("csat", "ces");
        assertThat(number(figure, "value")).isCloseTo(nps(scores), within(EXACT));
        double half = 1.96 * npsError(scores);
        double[] interval = interval(figure);
        assertThat(interval[0]).isCloseTo(Math.max(-100, nps(scores) - half), within(EXACT));
        assertThat(interval[1]).isCloseTo(Math.min(100, nps(scores) + half), within(EXACT));
        Map<String, Object> details = map(figure, "nps");
        assertThat(details).containsEntry("promoters", (int) count(scores, 9, 10))
                .containsEntry("passives", (int) count(scores, 7, 8))
                .containsEntry("detractors", (int) count(scores, 0, 6));
        assertThat(number(details, "promoterShare")).isCloseTo((double) count(scores, 9, 10) / n, within(EXACT));
        assertThat(number(details, "passiveShare")).isCloseTo((double) count(scores, 7, 8) / n, within(EXACT));
        assertThat(number(details, "detractorShare")).isCloseTo((double) count(scores, 0, 6) / n, within(EXACT));
    }

    /** CSAT % with its 95 % Wilson interval, for a 1-5 question satisfied from {@code satisfiedFrom}. */
    private static void assertCsatPercent(Map<String, Object> figure, int[] scores, int satisfiedFrom) {
        long n = scores.length;
        long satisfied = count(scores, satisfiedFrom, 5);
        double percent = 100.0 * satisfied / n;
        assertThat(figure).containsEntry("metric", "CSAT_PERCENT").containsEntry("n", (int) n);
        assertThat(number(figure, "value")).isCloseTo(percent, within(EXACT));
        double z = 1.96;
        double p = (double) satisfied / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        double[] interval = interval(figure);
        assertThat(interval[0]).isCloseTo(satisfied == 0 ? 0 : 100 * (centre - half), within(EXACT));
        assertThat(interval[1]).isCloseTo(satisfied == n ? 100 : 100 * (centre + half), within(EXACT));
        assertThat(map(figure, "csat")).containsEntry("satisfied", (int) satisfied)
                .containsEntry("satisfiedFrom", satisfiedFrom);
        assertThat(number(map(figure, "csat"), "mean")).isCloseTo(mean(scores), within(EXACT));
    }

    private static double mean(int[] scores) {
        return Arrays.stream(scores).average().orElseThrow();
    }

    /** The sample variance, divided by n − 1. */
    private static double variance(int[] scores) {
        double mean = mean(scores);
        return Arrays.stream(scores).mapToDouble(score -> (score - mean) * (score - mean)).sum()
                / (scores.length - 1);
    }
}
