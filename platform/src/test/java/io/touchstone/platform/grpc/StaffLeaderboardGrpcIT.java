package io.touchstone.platform.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.proto.v1.DimensionFilter;
import io.touchstone.proto.v1.FilterOperator;
import io.touchstone.proto.v1.GetStaffLeaderboardRequest;
import io.touchstone.proto.v1.GetStaffLeaderboardResponse;
import io.touchstone.proto.v1.Metric;
import io.touchstone.proto.v1.StaffLeaderboardEntry;
import io.touchstone.proto.v1.StaffLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code MetricsService.GetStaffLeaderboard} over a real channel. Interactions recorded today (in Prague) through
 * REST, responses about them submitted through gRPC:
 *
 * <pre>
 *   agent-1  team A  NPS 10 10 10 10 0   → 60 (n 5)
 *   agent-2  team A  NPS 9 9 9 9 9       → 100 (n 5)
 *   agent-3  team B  NPS 0               → hidden (n 1)
 *   team A: 10 answers, P 9, D 1 → 80;  team B: 1 answer → hidden
 * </pre>
 */
@QuarkusTest
class StaffLeaderboardGrpcIT extends GrpcTestSupport {

    private TestTenant tenant;
    private String key;
    private String surveyId;
    private String from;
    private String to;
    private int events;

    @BeforeEach
    void staffWithResponses() {
        tenant = tenant();
        key = tenant.adminKey();
        surveyId = publishedSurvey(key);
        String callCentre = given().header("X-API-Key", key).contentType(ContentType.JSON).body("""
                {"name": "Podpora", "stages": [{"name": "Případ", "touchpoints": [
                  {"name": "Zákaznická linka", "channel": "PHONE"}]}]}
                """).post("/api/v1/journeys").then().statusCode(201).extract().path("stages[0].touchpoints[0].id");
        answered(callCentre, "agent-1", "A", 10, 10, 10, 10, 0);
        answered(callCentre, "agent-2", "A", 9, 9, 9, 9, 9);
        answered(callCentre, "agent-3", "B", 0);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Prague"));
        from = today.minusDays(1).toString();
        to = today.plusDays(2).toString();
    }

    private void answered(String touchpoint, String employee, String team, int... nps) {
        for (int score : nps) {
            String eventId = "call-" + ++events;
            given().header("X-API-Key", key).contentType(ContentType.JSON).body("""
                    {"events": [{"eventId": "%s", "touchpointId": "%s", "customerRef": "zákazník-%d",
                      "occurredAt": "%s", "outcome": "COMPLETED", "employee": "%s", "team": "%s"}]}
                    """.formatted(eventId, touchpoint, events, Instant.now().truncatedTo(ChronoUnit.MICROS),
                    employee, team)).post("/api/v1/interactions/batch").then().statusCode(200);
            responses(key).submitResponse(submission(surveyId, score("nps", score)).toBuilder()
                    .setInteractionEventId(eventId).build());
        }
    }

    private GetStaffLeaderboardRequest.Builder request(StaffLevel level) {
        return GetStaffLeaderboardRequest.newBuilder().setMetric(Metric.METRIC_NPS).setLevel(level)
                .setSurveyId(surveyId).setFrom(from).setTo(to);
    }

    @Test
    void employeesAndTeamsRankedWithTheSameNumbersAsRest() {
        GetStaffLeaderboardResponse employees = metrics(key).getStaffLeaderboard(
                request(StaffLevel.STAFF_LEVEL_EMPLOYEE).build());

        assertThat(employees.getMetric()).isEqualTo(Metric.METRIC_NPS);
        assertThat(employees.getLevel()).isEqualTo(StaffLevel.STAFF_LEVEL_EMPLOYEE);
        assertThat(employees.getMinResponses()).isEqualTo(5);
        assertThat(employees.getEntriesList()).extracting(StaffLeaderboardEntry::getMember)
                .containsExactly("agent-2", "agent-1");
        assertThat(employees.getEntries(0).getRank()).isEqualTo(1);
        assertThat(employees.getEntries(0).getValue()).isEqualTo(100.0);
        assertThat(employees.getEntries(1).getValue()).isCloseTo(60.0, within(1e-9));
        assertThat(employees.getEntries(1).getN()).isEqualTo(5);
        assertThat(employees.getEntries(1).getSmallSample()).isTrue();
        assertThat(employees.getHiddenMembers()).isEqualTo(1);
        assertThat(employees.getHiddenResponses()).isEqualTo(1);
        assertThat(employees.getMembers()).isEqualTo(3);
        assertThat(employees.getResponses()).isEqualTo(11);

        JsonPath rest = given().config(io.restassured.config.RestAssuredConfig.config().jsonConfig(
                        io.restassured.config.JsonConfig.jsonConfig()
                                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .header("X-API-Key", key).contentType(ContentType.JSON).body("""
                        {"metric": "NPS", "level": "EMPLOYEE", "surveyId": "%s", "from": "%s", "to": "%s"}
                        """.formatted(surveyId, from, to))
                .post("/api/v1/metrics/staff").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < employees.getEntriesCount(); i++) {
            StaffLeaderboardEntry entry = employees.getEntries(i);
            assertThat(rest.getString("entries[" + i + "].member")).isEqualTo(entry.getMember());
            assertThat(rest.getDouble("entries[" + i + "].value")).isEqualTo(entry.getValue());
            assertThat(rest.getDouble("entries[" + i + "].confidenceInterval.lower"))
                    .isEqualTo(entry.getConfidenceInterval().getLower());
            assertThat(rest.getDouble("entries[" + i + "].confidenceInterval.upper"))
                    .isEqualTo(entry.getConfidenceInterval().getUpper());
        }

        GetStaffLeaderboardResponse teams = metrics(key).getStaffLeaderboard(
                request(StaffLevel.STAFF_LEVEL_TEAM).setMinResponses(10).build());
        assertThat(teams.getLevel()).isEqualTo(StaffLevel.STAFF_LEVEL_TEAM);
        assertThat(teams.getMinResponses()).isEqualTo(10);
        assertThat(teams.getEntriesList()).extracting(StaffLeaderboardEntry::getMember).containsExactly("A");
        assertThat(teams.getEntries(0).getN()).isEqualTo(10);
        assertThat(teams.getEntries(0).getValue()).isCloseTo(80.0, within(1e-9));
        assertThat(teams.getHiddenMembers()).isEqualTo(1);
    }

    @Test
    void aFilterNarrowsTheMembersAndAnUnspecifiedLevelIsEmployees() {
        GetStaffLeaderboardResponse board = metrics(key).getStaffLeaderboard(
                request(StaffLevel.STAFF_LEVEL_UNSPECIFIED).addFilters(DimensionFilter.newBuilder()
                        .setDimension("employee").setOperator(FilterOperator.FILTER_OPERATOR_NOT_IN)
                        .addValues("agent-2")).build());

        assertThat(board.getLevel()).isEqualTo(StaffLevel.STAFF_LEVEL_EMPLOYEE);
        assertThat(board.getEntriesList()).extracting(StaffLeaderboardEntry::getMember).containsExactly("agent-1");
        assertThat(board.getMembers()).isEqualTo(2);
    }

    @Test
    void badRequestsAreInvalidWithTheirFieldsAndForeignSurveysNotFound() {
        com.google.rpc.Status below = assertFails(Status.Code.INVALID_ARGUMENT,
                "leaderboard.min-responses-below-floor",
                () -> metrics(key).getStaffLeaderboard(request(StaffLevel.STAFF_LEVEL_EMPLOYEE)
                        .setMinResponses(4).build()));
        assertField(below, "minResponses", "leaderboard.min-responses-below-floor");

        com.google.rpc.Status several = assertFails(Status.Code.INVALID_ARGUMENT, "leaderboard.metric-unsupported",
                () -> metrics(key).getStaffLeaderboard(request(StaffLevel.STAFF_LEVEL_EMPLOYEE)
                        .setMetric(Metric.METRIC_CES_MEAN).setLevelValue(99).setFrom("").build()));
        assertField(several, "metric", "leaderboard.metric-unsupported");
        assertThat(badRequest(several).getFieldViolationsList())
                .extracting(violation -> violation.getField() + " " + violation.getReason())
                .containsExactly("metric leaderboard.metric-unsupported", "level leaderboard.level-unknown",
                        "from value.required");

        String other = tenant().adminKey();
        assertFails(Status.Code.NOT_FOUND, "survey.not-found", () -> metrics(other).getStaffLeaderboard(
                request(StaffLevel.STAFF_LEVEL_EMPLOYEE).build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found", () -> metrics(key).getStaffLeaderboard(
                request(StaffLevel.STAFF_LEVEL_EMPLOYEE).setSurveyId(UUID.randomUUID().toString()).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing", () -> metrics(
                key(tenant, Scope.RESPONSES_READ)).getStaffLeaderboard(request(StaffLevel.STAFF_LEVEL_EMPLOYEE)
                        .build()));

        GetStaffLeaderboardResponse theirs = metrics(other).getStaffLeaderboard(GetStaffLeaderboardRequest
                .newBuilder().setMetric(Metric.METRIC_NPS).setFrom(from).setTo(to).build());
        assertThat(theirs.getEntriesList()).isEmpty();
        assertThat(theirs.getMembers()).isZero();
    }
}
