package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static io.touchstone.platform.rest.RestFixtures.publishedSurvey;
import static io.touchstone.platform.rest.RestFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses about recorded interactions over REST: what they inherit, the errors of an event id that names nothing
 * (another tenant's included), idempotency, and the journey dimensions of the metrics query.
 */
@QuarkusTest
class ResponseLinksIT {

    private String key;
    private String survey;
    private String journey;
    private String ordering;
    private String delivery;
    private String webShop;
    private String callCentre;
    private String sms;

    @BeforeEach
    void journeyWithInteractions() {
        key = newTenant().adminKey();
        survey = publishedSurvey(key);
        var created = json(asTenant(key), JourneysIT.ORDER_TO_DELIVERY).post(JourneysIT.JOURNEYS)
                .then().statusCode(201).extract();
        journey = created.path("id");
        ordering = created.path("stages[0].id");
        delivery = created.path("stages[1].id");
        webShop = created.path("stages[0].touchpoints[0].id");
        callCentre = created.path("stages[0].touchpoints[1].id");
        sms = created.path("stages[1].touchpoints[0].id");
        record(key, """
                {"eventId": "call-1", "touchpointId": "%s", "customerRef": "zákazník-42", "occurredAt": "%s",
                 "outcome": "COMPLETED", "employee": "agent-17", "team": "Tým Brno", "location": "تهران"}
                """.formatted(callCentre, InteractionsIT.now(-1)));
        record(key, """
                {"eventId": "order-1", "touchpointId": "%s", "customerRef": "zákazník-43", "occurredAt": "%s",
                 "outcome": "COMPLETED", "team": "Tým Brno"}
                """.formatted(webShop, InteractionsIT.now(-1)));
        record(key, """
                {"eventId": "sms-1", "touchpointId": "%s", "customerRef": "zákazník-44", "occurredAt": "%s",
                 "outcome": "COMPLETED"}
                """.formatted(sms, InteractionsIT.now(-1)));
    }

    private static void record(String key, String event) {
        json(asTenant(key), InteractionsIT.batch(event)).post(InteractionsIT.BATCH)
                .then().statusCode(200).body("results[0].result", equalTo("STORED"));
    }

    private static String answer(String eventId, String channel, int nps) {
        return """
                {"language": "cs", %s %s "answers": [{"questionId": "nps", "score": %d}]}
                """.formatted(channel == null ? "" : "\"channel\": \"" + channel + "\",",
                eventId == null ? "" : "\"interactionEventId\": \"" + eventId + "\",", nps);
    }

    @Test
    void aResponseAboutAnInteractionInheritsItsJourneyStageTouchpointChannelAndStaff() {
        var created = submit(key, survey, "r-1", answer("call-1", null, 9)).statusCode(201)
                .body("channel", equalTo("PHONE"))
                .body("interaction.interactionId", notNullValue())
                .body("interaction.journeyId", equalTo(journey))
                .body("interaction.stageId", equalTo(ordering))
                .body("interaction.touchpointId", equalTo(callCentre))
                .body("interaction.touchpointChannel", equalTo("PHONE"))
                .body("interaction.employee", equalTo("agent-17"))
                .body("interaction.team", equalTo("Tým Brno"))
                .body("interaction.location", equalTo("تهران"))
                .extract();
        asTenant(key).get("/api/v1/responses/{id}", created.path("id").toString()).then().statusCode(200)
                .body("interaction", equalTo(created.path("interaction")));

        // the channel the respondent was asked on wins; the touchpoint's stays with the interaction
        submit(key, survey, "r-2", answer("sms-1", "EMAIL", 9)).statusCode(201)
                .body("channel", equalTo("EMAIL"))
                .body("interaction.touchpointChannel", equalTo("SMS"))
                .body("interaction.stageId", equalTo(delivery))
                .body("interaction.employee", nullValue())
                .body("interaction.location", nullValue());
        submit(key, survey, "r-3", answer(null, null, 9)).statusCode(201)
                .body("channel", nullValue())
                .body("interaction", nullValue());
    }

    @Test
    void anEventIdThatNamesNoInteractionOfTheTenantIsNotFoundAndStoresNothing() {
        String other = newTenant().adminKey();
        String theirSurvey = publishedSurvey(other);

        problem(submit(other, theirSurvey, "k-1", answer("call-1", null, 9)), 404, "interaction.not-found",
                "interactionEventId");
        problem(submit(key, survey, "k-2", answer("call-404", null, 9)), 404, "interaction.not-found",
                "interactionEventId");
        problem(submit(key, survey, "k-3", answer("two words", null, 9)), 400, "event.id-invalid",
                "interactionEventId");
        problem(json(asTenant(key).header("Idempotency-Key", "k-4"),
                "{\"language\": \"cs\", \"interactionEventId\": 7, \"answers\": [{\"questionId\": \"nps\", \"score\": 9}]}")
                .post("/api/v1/surveys/{id}/responses", survey).then(), 400, "request.wrong-type",
                "interactionEventId");

        asTenant(key).get("/api/v1/surveys/{id}/responses", survey).then().statusCode(200)
                .body("items", equalTo(List.of()));
        asTenant(other).get("/api/v1/surveys/{id}/responses", theirSurvey).then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void theInteractionIsPartOfWhatAnIdempotencyKeyStandsFor() {
        String id = submit(key, survey, "same", answer("call-1", null, 9)).statusCode(201).extract().path("id");

        submit(key, survey, "same", answer("call-1", null, 9)).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        problem(submit(key, survey, "same", answer("order-1", null, 9)), 409, "idempotency.key-reused", null);
        problem(submit(key, survey, "same", answer(null, null, 9)), 409, "idempotency.key-reused", null);
    }

    @Test
    void metricsGroupAndFilterByTheJourneyDimensionsAResponseInherited() {
        submit(key, survey, "a", answer("call-1", null, 10)).statusCode(201);
        submit(key, survey, "b", answer("call-1", null, 2)).statusCode(201);
        submit(key, survey, "c", answer("order-1", null, 9)).statusCode(201);
        submit(key, survey, "d", answer("sms-1", null, 9)).statusCode(201);
        submit(key, survey, "e", answer(null, "WEB", 0)).statusCode(201);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Prague"));
        String range = "\"from\": \"%s\", \"to\": \"%s\"".formatted(today.minusDays(1), today.plusDays(2));

        JsonPath byTouchpoint = query("""
                {"metrics": ["NPS", "RESPONSE_COUNT"], "surveyId": "%s", %s, "groupBy": ["touchpoint"]}
                """.formatted(survey, range));
        assertThat(byTouchpoint.getList("groupBy")).containsExactly("touchpoint");
        List<List<String>> expected = new java.util.ArrayList<>(
                Arrays.asList(List.of(webShop), List.of(callCentre), List.of(sms)));
        expected.sort(java.util.Comparator.comparing(List::getFirst));
        expected.add(Arrays.asList((String) null));
        assertThat(byTouchpoint.getList("rows.group")).isEqualTo(expected);
        Map<String, Integer> responses = new java.util.HashMap<>();
        for (int row = 0; row < 4; row++) {
            responses.put(String.valueOf(byTouchpoint.getList("rows[" + row + "].group").getFirst()),
                    byTouchpoint.getInt("rows[" + row + "].figures[1].n"));
        }
        assertThat(responses).containsEntry(callCentre, 2).containsEntry(webShop, 1).containsEntry(sms, 1)
                .containsEntry("null", 1);

        JsonPath byTeam = query("""
                {"metrics": ["NPS"], "surveyId": "%s", %s, "groupBy": ["team", "stage"],
                 "filters": [{"dimension": "journey", "operator": "EQUALS", "values": ["%s"]}]}
                """.formatted(survey, range, journey.toUpperCase(java.util.Locale.ROOT)));
        // Tým Brno: the call (10, 2) and the order (9) in stage 0; no team: the SMS (9) in stage 1
        assertThat(byTeam.getList("rows.group")).containsExactly(List.of("Tým Brno", ordering),
                Arrays.asList(null, delivery));
        assertThat(byTeam.getInt("rows[0].figures[0].n")).isEqualTo(3);
        // promoters 10 and 9, detractor 2
        assertThat(byTeam.getDouble("rows[0].figures[0].value")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(byTeam.getInt("rows[1].figures[0].n")).isEqualTo(1);

        JsonPath notAgent = query("""
                {"metrics": ["RESPONSE_COUNT"], "surveyId": "%s", %s,
                 "filters": [{"dimension": "employee", "operator": "NOT_IN", "values": ["agent-17"]},
                             {"dimension": "location", "operator": "NOT_IN", "values": ["تهران"]}]}
                """.formatted(survey, range));
        assertThat(notAgent.getInt("rows[0].figures[0].n")).isEqualTo(3);
    }

    @Test
    void anotherTenantsJourneyValuesNeverShowInItsGroups() {
        String other = newTenant().adminKey();
        String theirSurvey = publishedSurvey(other);
        var theirs = json(asTenant(other), JourneysIT.ORDER_TO_DELIVERY).post(JourneysIT.JOURNEYS)
                .then().statusCode(201).extract();
        record(other, """
                {"eventId": "call-1", "touchpointId": "%s", "customerRef": "c", "occurredAt": "%s",
                 "outcome": "COMPLETED", "employee": "secret-agent", "team": "Tajný tým"}
                """.formatted(theirs.path("stages[0].touchpoints[1].id").toString(), InteractionsIT.now(-1)));
        submit(other, theirSurvey, "x", answer("call-1", null, 0)).statusCode(201)
                .body("interaction.journeyId", equalTo(theirs.path("id")));
        submit(key, survey, "y", answer("call-1", null, 10)).statusCode(201)
                .body("interaction.journeyId", equalTo(journey));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Prague"));
        String range = "\"from\": \"%s\", \"to\": \"%s\"".formatted(today.minusDays(1), today.plusDays(2));

        for (String dimension : List.of("journey", "touchpoint", "employee", "team")) {
            JsonPath report = query("""
                    {"metrics": ["NPS"], %s, "groupBy": ["%s"]}
                    """.formatted(range, dimension));
            assertThat(report.getList("rows.group").toString()).as(dimension)
                    .doesNotContain(theirs.path("id").toString(), "secret-agent", "Tajný tým");
            assertThat(report.getList("rows")).as(dimension).hasSize(1);
            assertThat(report.getInt("rows[0].figures[0].n")).as(dimension).isEqualTo(1);
        }
    }

    private JsonPath query(String body) {
        return json(asTenant(key), body).post("/api/v1/metrics/query").then().statusCode(200).extract().jsonPath();
    }
}
