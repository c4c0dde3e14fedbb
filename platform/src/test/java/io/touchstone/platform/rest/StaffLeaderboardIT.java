package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static io.touchstone.platform.rest.RestFixtures.publishedSurvey;
import static io.touchstone.platform.rest.RestFixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.touchstone.domain.metric.Nps;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.Proportion;
import io.touchstone.domain.metric.ScoreHistogram;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/metrics/staff} against the running service: interactions at the call centre handled by five
 * employees of two teams, recorded through the batch endpoint, and responses about them, all today (in Prague).
 *
 * <pre>
 *   employee  team   NPS answers              P  D  NPS       CSAT (5-point, satisfied from 4)
 *   anna      north  10 10 10 9 8 0           4  1  50        5 5 4 3 2 1 → 50 %
 *   bořek     north  10 10 7 7 6              2  1  20        -
 *   cyrus     south  10 9 9 9 9               5  0  100       -
 *   dana      south  10 10 8 8 0              2  1  20        -
 *   emil      south  0 0                      0  2  -100      -   (2 responses: below the minimum of 5)
 *   (none)           10                       a response about no interaction
 *   north: 11 answers, P 6, D 2 → 36.36…;  south: 12 answers, P 7, D 3 → 33.33…
 * </pre>
 */
@QuarkusTest
class StaffLeaderboardIT {

    static final String STAFF = "/api/v1/metrics/staff";

    private String key;
    private String survey;
    private String from;
    private String to;
    private int events;

    @BeforeEach
    void staffWithResponses() {
        key = newTenant().adminKey();
        survey = publishedSurvey(key);
        var created = json(asTenant(key), JourneysIT.ORDER_TO_DELIVERY).post(JourneysIT.JOURNEYS)
                .then().statusCode(201).extract();
        String callCentre = created.path("stages[0].touchpoints[1].id");
        answered(callCentre, "anna", "north", new int[] {10, 10, 10, 9, 8, 0}, new int[] {5, 5, 4, 3, 2, 1});
        answered(callCentre, "bořek", "north", new int[] {10, 10, 7, 7, 6}, null);
        answered(callCentre, "cyrus", "south", new int[] {10, 9, 9, 9, 9}, null);
        answered(callCentre, "dana", "south", new int[] {10, 10, 8, 8, 0}, null);
        answered(callCentre, "emil", "south", new int[] {0, 0}, null);
        submitted(key, survey, """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 10}]}""");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Prague"));
        from = today.minusDays(1).toString();
        to = today.plusDays(2).toString();
    }

    /** One interaction per answer, handled by {@code employee} of {@code team}, and a response about each. */
    private void answered(String touchpoint, String employee, String team, int[] nps, int[] csat) {
        List<String> eventIds = new ArrayList<>();
        StringJoiner batch = new StringJoiner(",", "{\"events\": [", "]}");
        for (int i = 0; i < nps.length; i++) {
            String eventId = "call-" + ++events;
            eventIds.add(eventId);
            batch.add("""
                    {"eventId": "%s", "touchpointId": "%s", "customerRef": "zákazník-%d", "occurredAt": "%s",
                     "outcome": "COMPLETED", "employee": "%s", "team": "%s", "location": "Brno"}
                    """.formatted(eventId, touchpoint, events, InteractionsIT.now(0), employee, team));
        }
        json(asTenant(key), batch.toString()).post(InteractionsIT.BATCH).then().statusCode(200)
                .body("results.result", hasItems("STORED"));
        for (int i = 0; i < nps.length; i++) {
            String csatAnswer = csat == null ? "" : ", {\"questionId\": \"csat\", \"score\": " + csat[i] + "}";
            submitted(key, survey, """
                    {"language": "cs", "interactionEventId": "%s",
                     "answers": [{"questionId": "nps", "score": %d}%s]}""".formatted(eventIds.get(i), nps[i],
                    csatAnswer));
        }
    }

    private JsonPath leaderboard(String body) {
        return json(asTenant(key), body).post(STAFF).then().statusCode(200).extract().jsonPath();
    }

    private String request(String metric, String level, String more) {
        return """
                {"metric": "%s", "level": "%s", "surveyId": "%s", "from": "%s", "to": "%s"%s}
                """.formatted(metric, level, survey, from, to, more);
    }

    @Test
    void employeesRankedByNpsWithTheirNAndIntervalAndTheFewAnsweredHidden() {
        JsonPath board = leaderboard(request("NPS", "EMPLOYEE", ""));

        assertThat(board.getString("metric")).isEqualTo("NPS");
        assertThat(board.getString("level")).isEqualTo("EMPLOYEE");
        assertThat(board.getString("from")).isEqualTo(from);
        assertThat(board.getInt("minResponses")).isEqualTo(5);
        assertThat(board.getList("entries.member")).containsExactly("cyrus", "anna", "bořek", "dana");
        assertThat(board.getList("entries.rank")).containsExactly(1, 2, 3, 3);
        assertThat(board.getList("entries.n")).containsExactly(5, 6, 5, 5);
        assertThat(board.getDouble("entries[0].value")).isEqualTo(100.0);
        assertThat(board.getDouble("entries[1].value")).isCloseTo(50.0, within(1e-9));
        assertThat(board.getDouble("entries[2].value")).isCloseTo(20.0, within(1e-9));
        assertThat(board.getDouble("entries[3].value")).isEqualTo(board.getDouble("entries[2].value"));
        NpsResult anna = Nps.of(ScoreHistogram.of(0, 10, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3)).orElseThrow();
        assertThat(board.getDouble("entries[1].confidenceInterval.lower"))
                .isEqualTo(anna.confidenceInterval().lower());
        assertThat(board.getDouble("entries[1].confidenceInterval.upper"))
                .isEqualTo(anna.confidenceInterval().upper());
        assertThat(board.getBoolean("entries[1].smallSample")).isTrue();
        assertThat(board.getString("entries")).doesNotContain("emil");
        assertThat(board.getLong("hidden.members")).isEqualTo(1);
        assertThat(board.getLong("hidden.responses")).isEqualTo(2);
        assertThat(board.getLong("members")).isEqualTo(5);
        assertThat(board.getLong("responses")).isEqualTo(23);
        assertThat(board.getLong("unattributedResponses")).isEqualTo(1);
    }

    @Test
    void aRequestMayRaiseTheMinimumButNotLowerIt() {
        JsonPath board = leaderboard(request("NPS", "EMPLOYEE", ", \"minResponses\": 6"));

        assertThat(board.getInt("minResponses")).isEqualTo(6);
        assertThat(board.getList("entries.member")).containsExactly("anna");
        assertThat(board.getLong("hidden.members")).isEqualTo(4);
        assertThat(board.getLong("hidden.responses")).isEqualTo(17);

        problem(json(asTenant(key), request("NPS", "EMPLOYEE", ", \"minResponses\": 4")).post(STAFF).then(), 400,
                "leaderboard.min-responses-below-floor", "minResponses");
        problem(json(asTenant(key), request("NPS", "EMPLOYEE", ", \"minResponses\": 0")).post(STAFF).then(), 400,
                "leaderboard.min-responses-below-floor", "minResponses");
    }

    @Test
    void teamsAddUpTheirEmployees() {
        JsonPath board = leaderboard(request("NPS", "TEAM", ""));

        assertThat(board.getList("entries.member")).containsExactly("north", "south");
        assertThat(board.getList("entries.n")).containsExactly(11, 12);
        assertThat(board.getDouble("entries[0].value")).isCloseTo(400.0 / 11, within(1e-9));
        assertThat(board.getDouble("entries[1].value")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(board.getLong("hidden.members")).isZero();
    }

    @Test
    void csatPercentCountsOnlyTheMembersWithCsatAnswers() {
        JsonPath board = leaderboard(request("CSAT_PERCENT", "EMPLOYEE", ""));

        assertThat(board.getList("entries.member")).containsExactly("anna");
        assertThat(board.getDouble("entries[0].value")).isCloseTo(50.0, within(1e-9));
        assertThat(board.getDouble("entries[0].confidenceInterval.lower"))
                .isEqualTo(Proportion.wilsonInterval(3, 6).lower());
        assertThat(board.getLong("members")).isEqualTo(1);
        assertThat(board.getLong("unattributedResponses")).isZero();
    }

    @Test
    void filtersOfTheMetricsQueryNarrowTheMembers() {
        JsonPath board = leaderboard(request("NPS", "EMPLOYEE",
                ", \"filters\": [{\"dimension\": \"team\", \"operator\": \"EQUALS\", \"values\": [\"south\"]}]"));

        assertThat(board.getList("entries.member")).containsExactly("cyrus", "dana");
        assertThat(board.getLong("hidden.members")).isEqualTo(1);
        assertThat(board.getLong("unattributedResponses")).isZero();
    }

    @Test
    void badRequestsNameEveryFieldAndForeignSurveysAreNotFound() {
        json(asTenant(key), """
                {"metric": "CES_MEAN", "level": "DEPARTMENT", "to": "%s", "minResponses": 1,
                 "filters": [{"dimension": "shoe-size", "operator": "EQUALS", "values": ["42"]}]}
                """.formatted(to)).post(STAFF).then().statusCode(400)
                .body("code", equalTo("leaderboard.metric-unsupported"))
                .body("violations.field", hasItems("metric", "level", "minResponses", "from",
                        "filters[0].dimension"))
                .body("violations.code", hasItems("leaderboard.metric-unsupported", "leaderboard.level-unknown",
                        "leaderboard.min-responses-below-floor", "value.required"));
        problem(json(asTenant(key), "{\"level\": \"TEAM\", \"from\": \"%s\", \"to\": \"%s\"}".formatted(from, to))
                .post(STAFF).then(), 400, "value.required", "metric");
        problem(json(asTenant(key), request("NPS", "EMPLOYEE", "").replace(from, "2026-13-01")).post(STAFF).then(),
                400, "query.date-invalid", "from");
        problem(json(asTenant(key), "{\"metric\": \"NPS\"").post(STAFF).then(), 400, "request.malformed-json", null);

        String other = newTenant().adminKey();
        problem(json(asTenant(other), request("NPS", "EMPLOYEE", "")).post(STAFF).then(), 404, "survey.not-found",
                null);
        problem(json(asTenant(key), request("NPS", "EMPLOYEE", "").replace(survey, UUID.randomUUID().toString()))
                .post(STAFF).then(), 404, "survey.not-found", null);
        problem(json(asTenant(keyWith(key, "responses:read")), request("NPS", "EMPLOYEE", "")).post(STAFF).then(),
                403, "auth.scope-missing", null);
    }

    @Test
    void anotherTenantSeesNoneOfTheseMembers() {
        String other = newTenant().adminKey();
        JsonPath board = json(asTenant(other), """
                {"metric": "NPS", "level": "EMPLOYEE", "from": "%s", "to": "%s", "minResponses": 5}
                """.formatted(from, to)).post(STAFF).then().statusCode(200).extract().jsonPath();

        assertThat(board.getList("entries")).isEmpty();
        assertThat(board.getLong("members")).isZero();
        assertThat(board.getLong("responses")).isZero();
        assertThat(board.getLong("unattributedResponses")).isZero();
    }
}
