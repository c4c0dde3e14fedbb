package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JourneysIT {

    static final String JOURNEYS = "/api/v1/journeys";

    /** Order to delivery: Objednávka (Web shop on WEB, Zákaznická linka on PHONE), Doručení (تحویل on SMS). */
    static final String ORDER_TO_DELIVERY = """
            {"name": "Objednávka až po doručení", "description": "Od košíku ke dveřím",
             "stages": [
               {"name": "Objednávka", "touchpoints": [{"name": "Web shop", "channel": "WEB"},
                                                     {"name": "Zákaznická linka", "channel": "PHONE"}]},
               {"name": "Doručení", "touchpoints": [{"name": "تحویل", "channel": "SMS"}]}]}
            """;

    static String createJourney(String key, String body) {
        return json(asTenant(key), body).post(JOURNEYS).then().statusCode(201).extract().path("id");
    }

    @Test
    void createsAJourneyWithStagesAndTouchpointsAndReadsItBack() {
        String key = newTenant().adminKey();
        var created = json(asTenant(key), ORDER_TO_DELIVERY).post(JOURNEYS)
                .then()
                .statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("name", equalTo("Objednávka až po doručení"))
                .body("description", equalTo("Od košíku ke dveřím"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .body("stages.name", equalTo(List.of("Objednávka", "Doručení")))
                .body("stages[0].id", matchesPattern("[0-9a-f-]{36}"))
                .body("stages[0].touchpoints.name", equalTo(List.of("Web shop", "Zákaznická linka")))
                .body("stages[0].touchpoints.channel", equalTo(List.of("WEB", "PHONE")))
                .body("stages[0].touchpoints.status", equalTo(List.of("ACTIVE", "ACTIVE")))
                .body("stages[0].touchpoints[0].retiredAt", nullValue())
                .body("stages[0].touchpoints[0].surveyId", nullValue())
                .body("stages[0].touchpoints[0]", hasKey("surveyId"))
                .body("stages[1].touchpoints[0].name", equalTo("تحویل"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(JOURNEYS + "/" + id);

        byte[] read = asTenant(key).get(JOURNEYS + "/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("stages.id", equalTo(created.path("stages.id")))
                .body("stages[0].touchpoints.id", equalTo(created.path("stages[0].touchpoints.id")))
                .body("createdAt", equalTo(created.path("createdAt")))
                .extract().asByteArray();
        assertThat(new String(read, StandardCharsets.UTF_8)).contains("\"name\":\"تحویل\"");
    }

    @Test
    void aJourneyMayStartWithoutStagesOrDescription() {
        String key = newTenant().adminKey();
        json(asTenant(key), "{\"name\": \"Podpora\"}").post(JOURNEYS)
                .then().statusCode(201)
                .body("description", nullValue())
                .body("$", hasKey("description"))
                .body("stages", equalTo(List.of()));
    }

    @Test
    void unknownOrMalformedJourneyIdsAreNotFound() {
        String key = newTenant().adminKey();
        problem(asTenant(key).get(JOURNEYS + "/{id}", "0190a5e0-0000-7000-8000-000000000000").then(),
                404, "journey.not-found", null);
        problem(asTenant(key).get(JOURNEYS + "/{id}", "not-a-uuid").then(), 404, "journey.not-found", null);
    }

    @Test
    void readingNeedsJourneysReadAndWritingJourneysWrite() {
        String admin = newTenant().adminKey();
        String id = createJourney(admin, ORDER_TO_DELIVERY);
        String reader = keyWith(admin, "journeys:read");
        String writer = keyWith(admin, "journeys:write");

        asTenant(reader).get(JOURNEYS + "/{id}", id).then().statusCode(200);
        problem(json(asTenant(reader), ORDER_TO_DELIVERY).post(JOURNEYS).then(), 403, "auth.scope-missing", null);
        problem(asTenant(writer).get(JOURNEYS + "/{id}", id).then(), 403, "auth.scope-missing", null);
        json(asTenant(writer), ORDER_TO_DELIVERY).post(JOURNEYS).then().statusCode(201);
    }
}
