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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.touchstone.domain.metric.Proportion;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/journeys/{id}/map} against the running service: a journey whose call centre has the survey
 * attached, interactions recorded through the batch endpoint and responses about them, all today (in Prague); the
 * map covers yesterday to the day after tomorrow, the previous period the three days before.
 *
 * <pre>
 *   Web shop           2 interactions, 1 abandoned (50 %); a response about one: not the headline's touchpoint
 *   Zákaznická linka   4 interactions, 1 abandoned (25 %); 3 responses about them, NPS 10, 10, 0 → 33.3…
 *   تحویل (SMS)        nothing
 * </pre>
 */
@QuarkusTest
class JourneyMapIT {

    private static final String MAP = JourneysIT.JOURNEYS + "/{id}/map";

    private String key;
    private String journey;
    private String webShop;
    private String callCentre;
    private String from;
    private String to;
    private int events;

    @BeforeEach
    void journeyWithInteractionsAndResponses() {
        key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        var created = json(asTenant(key), JourneysIT.ORDER_TO_DELIVERY).post(JourneysIT.JOURNEYS)
                .then().statusCode(201).extract();
        journey = created.path("id");
        webShop = created.path("stages[0].touchpoints[0].id");
        callCentre = created.path("stages[0].touchpoints[1].id");
        json(asTenant(key), "{\"surveyId\": \"" + survey + "\"}")
                .put(JourneysIT.JOURNEYS + "/{id}/touchpoints/{touchpointId}/survey", journey, callCentre)
                .then().statusCode(200);
        String web1 = record(webShop, "COMPLETED");
        record(webShop, "ABANDONED");
        String call1 = record(callCentre, "COMPLETED");
        String call2 = record(callCentre, "COMPLETED");
        String call3 = record(callCentre, "COMPLETED");
        record(callCentre, "ABANDONED");
        respond(survey, call1, 10);
        respond(survey, call2, 10);
        respond(survey, call3, 0);
        respond(survey, web1, 0);
        respond(survey, null, 10);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Prague"));
        from = today.minusDays(1).toString();
        to = today.plusDays(2).toString();
    }

    private String record(String touchpoint, String outcome) {
        String eventId = "event-" + ++events;
        json(asTenant(key), InteractionsIT.batch(InteractionsIT.event(eventId, touchpoint, InteractionsIT.now(0),
                outcome))).post(InteractionsIT.BATCH).then().statusCode(200).body("results[0].result",
                equalTo("STORED"));
        return eventId;
    }

    private void respond(String survey, String eventId, int nps) {
        submitted(key, survey, """
                {"language": "cs", %s "answers": [{"questionId": "nps", "score": %d}]}
                """.formatted(eventId == null ? "" : "\"interactionEventId\": \"" + eventId + "\",", nps));
    }

    @Test
    void everyStageAndTouchpointWithVolumeAbandonmentResponsesAndTheHeadline() {
        JsonPath map = asTenant(key).queryParam("from", from).queryParam("to", to).get(MAP, journey)
                .then().statusCode(200).extract().jsonPath();

        assertThat(map.getString("journeyId")).isEqualTo(journey);
        assertThat(map.getString("from")).isEqualTo(from);
        assertThat(map.getString("previousFrom")).isEqualTo(LocalDate.parse(from).minusDays(3).toString());
        assertThat(map.getList("stages.name")).containsExactly("Objednávka", "Doručení");
        assertThat(map.getInt("stages[0].volume")).isEqualTo(6);
        assertThat(map.getInt("stages[0].abandonment.abandoned")).isEqualTo(2);
        assertThat(map.getInt("stages[0].responses")).isEqualTo(4);
        assertThat(map.getString("stages[0].touchpoints[0].id")).isEqualTo(webShop);
        assertThat(map.getInt("stages[0].touchpoints[0].volume")).isEqualTo(2);
        assertThat(map.getDouble("stages[0].touchpoints[0].abandonment.rate")).isEqualTo(50.0);
        assertThat(map.getInt("stages[0].touchpoints[0].responses")).isEqualTo(1);
        assertThat(map.getMap("stages[0].touchpoints[0]")).doesNotContainKey("headline");
        assertThat(map.getString("stages[0].touchpoints[1].id")).isEqualTo(callCentre);
        assertThat(map.getString("stages[0].touchpoints[1].channel")).isEqualTo("PHONE");
        assertThat(map.getInt("stages[0].touchpoints[1].volume")).isEqualTo(4);
        assertThat(map.getDouble("stages[0].touchpoints[1].abandonment.rate")).isEqualTo(25.0);
        assertThat(map.getDouble("stages[0].touchpoints[1].abandonment.confidenceInterval.lower"))
                .isEqualTo(Proportion.wilsonInterval(1, 4).lower());
        assertThat(map.getBoolean("stages[0].touchpoints[1].abandonment.smallSample")).isTrue();
        assertThat(map.getInt("stages[0].touchpoints[1].responses")).isEqualTo(3);
        assertThat(map.getString("stages[0].touchpoints[1].headline.metric")).isEqualTo("NPS");
        assertThat(map.getInt("stages[0].touchpoints[1].headline.n")).isEqualTo(3);
        assertThat(map.getDouble("stages[0].touchpoints[1].headline.value")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(map.getInt("stages[0].touchpoints[1].headline.previousN")).isZero();
        assertThat(map.getMap("stages[0].touchpoints[1].headline")).doesNotContainKeys("previousValue", "change");
        assertThat(map.getDouble("stages[0].headline.value")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(map.getInt("stages[1].volume")).isZero();
        assertThat(map.getMap("stages[1]")).doesNotContainKeys("abandonment", "headline");
        assertThat(map.getList("significantChanges")).isEmpty();
    }

    @Test
    void anotherTenantsJourneyIsNotFoundAndABadPeriodNamesItsField() {
        String other = newTenant().adminKey();
        problem(asTenant(other).queryParam("from", from).queryParam("to", to).get(MAP, journey).then(), 404,
                "journey.not-found", null);
        problem(asTenant(key).queryParam("from", from).queryParam("to", to).get(MAP, "not-a-uuid").then(), 404,
                "journey.not-found", null);
        problem(asTenant(key).queryParam("from", to).queryParam("to", from).get(MAP, journey).then(), 400,
                "query.range-empty", "to");
        problem(asTenant(key).queryParam("to", to).get(MAP, journey).then(), 400, "value.required", "from");
        problem(asTenant(keyWith(key, "journeys:read")).queryParam("from", from).queryParam("to", to)
                .get(MAP, UUID.randomUUID()).then(), 403, "auth.scope-missing", null);
    }
}
