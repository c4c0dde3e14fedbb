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

    @Test
    void everyChangeAnswersTheWholeJourneyAndIsStored() {
        String key = newTenant().adminKey();
        String id = createJourney(key, ORDER_TO_DELIVERY);
        var journey = asTenant(key).get(JOURNEYS + "/{id}", id).then().statusCode(200).extract();
        String order = journey.path("stages[0].id");
        String delivery = journey.path("stages[1].id");

        json(asTenant(key), "{\"name\": \"Nákup\"}").patch(JOURNEYS + "/{id}", id)
                .then().statusCode(200).body("name", equalTo("Nákup"));
        String payment = json(asTenant(key), "{\"name\": \"Platba\", \"index\": 1}")
                .post(JOURNEYS + "/{id}/stages", id)
                .then().statusCode(200)
                .body("stages.name", equalTo(List.of("Objednávka", "Platba", "Doručení")))
                .body("stages[1].touchpoints", equalTo(List.of()))
                .extract().path("stages[1].id");
        json(asTenant(key), "{\"name\": \"Reklamace\"}").post(JOURNEYS + "/{id}/stages", id)
                .then().statusCode(200).body("stages[3].name", equalTo("Reklamace"));
        json(asTenant(key), "{\"name\": \"Doprava\"}").patch(JOURNEYS + "/{id}/stages/{stageId}", id, delivery)
                .then().statusCode(200).body("stages[2].name", equalTo("Doprava"));
        json(asTenant(key), "{\"name\": \"Platební brána\", \"channel\": \"IN_APP\"}")
                .post(JOURNEYS + "/{id}/stages/{stageId}/touchpoints", id, payment)
                .then().statusCode(200)
                .body("stages[1].touchpoints.name", equalTo(List.of("Platební brána")))
                .body("stages[1].touchpoints[0].channel", equalTo("IN_APP"))
                .body("stages[1].touchpoints[0].status", equalTo("ACTIVE"));
        String complaint = asTenant(key).get(JOURNEYS + "/{id}", id).then().extract().path("stages[3].id");
        json(asTenant(key), "{\"stageIds\": [\"%s\", \"%s\", \"%s\", \"%s\"]}".formatted(
                        complaint, delivery, payment, order))
                .put(JOURNEYS + "/{id}/stage-order", id)
                .then().statusCode(200)
                .body("stages.name", equalTo(List.of("Reklamace", "Doprava", "Platba", "Objednávka")));

        asTenant(key).get(JOURNEYS + "/{id}", id).then().statusCode(200)
                .body("name", equalTo("Nákup"))
                .body("stages.id", equalTo(List.of(complaint, delivery, payment, order)))
                .body("stages[2].touchpoints[0].name", equalTo("Platební brána"))
                .body("stages[3].touchpoints.name", equalTo(List.of("Web shop", "Zákaznická linka")));
    }

    @Test
    void aRetiredTouchpointStaysListedAndTakesNoSurvey() {
        String key = newTenant().adminKey();
        String id = createJourney(key, ORDER_TO_DELIVERY);
        var journey = asTenant(key).get(JOURNEYS + "/{id}", id).then().extract();
        String web = journey.path("stages[0].touchpoints[0].id");
        String phone = journey.path("stages[0].touchpoints[1].id");
        String survey = RestFixtures.createSurvey(key, RestFixtures.SURVEY);

        json(asTenant(key), "{\"surveyId\": \"%s\"}".formatted(survey))
                .put(JOURNEYS + "/{id}/touchpoints/{touchpointId}/survey", id, web)
                .then().statusCode(200).body("stages[0].touchpoints[0].surveyId", equalTo(survey));
        asTenant(key).delete(JOURNEYS + "/{id}/touchpoints/{touchpointId}/survey", id, web)
                .then().statusCode(200).body("stages[0].touchpoints[0].surveyId", nullValue());
        asTenant(key).delete(JOURNEYS + "/{id}/touchpoints/{touchpointId}/survey", id, web)
                .then().statusCode(200).body("stages[0].touchpoints[0].surveyId", nullValue());

        String retiredAt = asTenant(key).post(JOURNEYS + "/{id}/touchpoints/{touchpointId}/retire", id, phone)
                .then().statusCode(200)
                .body("stages[0].touchpoints[1].id", equalTo(phone))
                .body("stages[0].touchpoints[1].status", equalTo("RETIRED"))
                .body("stages[0].touchpoints[1].retiredAt", notNullValue())
                .extract().path("stages[0].touchpoints[1].retiredAt");
        asTenant(key).post(JOURNEYS + "/{id}/touchpoints/{touchpointId}/retire", id, phone)
                .then().statusCode(200)
                .body("stages[0].touchpoints[1].retiredAt", equalTo(retiredAt));
        problem(json(asTenant(key), "{\"surveyId\": \"%s\"}".formatted(survey))
                .put(JOURNEYS + "/{id}/touchpoints/{touchpointId}/survey", id, phone).then(),
                422, "touchpoint.retired", null);
        problem(json(asTenant(key), "{\"name\": \"zákaznická LINKA\", \"channel\": \"PHONE\"}")
                .post(JOURNEYS + "/{id}/stages/{stageId}/touchpoints", id, journey.path("stages[0].id")).then(),
                400, "journey.touchpoint-name-duplicate", "name");
        asTenant(key).get(JOURNEYS + "/{id}", id).then().statusCode(200)
                .body("stages[0].touchpoints.status", equalTo(List.of("ACTIVE", "RETIRED")));
    }

    @Test
    void listsJourneysPageByPageOldestFirst() {
        String key = newTenant().adminKey();
        String first = createJourney(key, ORDER_TO_DELIVERY);
        String second = createJourney(key, ORDER_TO_DELIVERY);
        String third = createJourney(key, ORDER_TO_DELIVERY);

        String cursor = asTenant(key).queryParam("limit", 2).get(JOURNEYS)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second)))
                .body("items[0].stages.name", equalTo(List.of("Objednávka", "Doručení")))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        asTenant(key).queryParam("limit", 2).queryParam("cursor", cursor).get(JOURNEYS)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(third)))
                .body("nextCursor", nullValue());
        problem(asTenant(key).queryParam("limit", 101).get(JOURNEYS).then(), 400, "page.limit-out-of-range",
                "limit");
        problem(asTenant(key).queryParam("cursor", "garbage!").get(JOURNEYS).then(), 400, "page.cursor-invalid",
                "cursor");
    }

    @Test
    void refusesBadDefinitionsNamingEveryFieldAndStoresNothing() {
        String key = newTenant().adminKey();
        problem(json(asTenant(key), "{\"name\": \"J\", \"stages\": [").post(JOURNEYS).then(),
                400, "request.malformed-json", null);
        problem(json(asTenant(key), "{\"name\": \"J\", \"colour\": \"red\"}").post(JOURNEYS).then(),
                400, "request.unknown-field", "colour");
        problem(json(asTenant(key), "{\"name\": 7}").post(JOURNEYS).then(), 400, "request.wrong-type", "name");
        problem(json(asTenant(key), "{\"name\": \"J\", \"stages\": {}}").post(JOURNEYS).then(),
                400, "request.wrong-type", "stages");
        problem(json(asTenant(key), "").post(JOURNEYS).then(), 400, "request.body-required", null);
        problem(json(asTenant(key), """
                {"name": " ", "stages": [
                  {"name": "Platba", "touchpoints": [{"name": "Karta", "channel": "TELEPATHY"}, {"name": "Fax"}]},
                  {"touchpoints": []}]}
                """).post(JOURNEYS).then(), 400, "value.required", "name")
                .body("violations.field", equalTo(List.of("name", "stages[0].touchpoints[0].channel",
                        "stages[0].touchpoints[1].channel", "stages[1].name")))
                .body("violations.code", equalTo(List.of("value.required", "channel.unknown", "value.required",
                        "value.required")));
        problem(json(asTenant(key), """
                {"name": "J", "stages": [
                  {"name": "Platba", "touchpoints": [{"name": "Karta", "channel": "WEB"},
                                                     {"name": "KARTA", "channel": "IN_APP"}]},
                  {"name": "platba"}]}
                """).post(JOURNEYS).then(), 400, "journey.touchpoint-name-duplicate", "stages[0].touchpoints[1].name")
                .body("violations.field", equalTo(List.of("stages[0].touchpoints[1].name", "stages[1].name")));
        StringBuilder stages = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            stages.append(i == 0 ? "" : ",").append("{\"name\": \"S").append(i).append("\"}");
        }
        problem(json(asTenant(key), "{\"name\": \"J\", \"stages\": [" + stages + "]}").post(JOURNEYS).then(),
                400, "journey.stages-count", "stages");
        StringBuilder touchpoints = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            touchpoints.append(i == 0 ? "" : ",")
                    .append("{\"name\": \"T").append(i).append("\", \"channel\": \"WEB\"}");
        }
        problem(json(asTenant(key), "{\"name\": \"J\", \"stages\": [{\"name\": \"S\", \"touchpoints\": ["
                + touchpoints + "]}]}").post(JOURNEYS).then(), 400, "stage.touchpoints-count",
                "stages[0].touchpoints");
        problem(json(asTenant(key), "{\"name\": \"%s\"}".formatted("x".repeat(201))).post(JOURNEYS).then(),
                400, "value.too-long", "name");

        asTenant(key).get(JOURNEYS).then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void refusesBadChangesWithPreciseCodesAndChangesNothing() {
        String key = newTenant().adminKey();
        String other = newTenant().adminKey();
        String id = createJourney(key, ORDER_TO_DELIVERY);
        var journey = asTenant(key).get(JOURNEYS + "/{id}", id).then().extract();
        String before = journey.asString();
        String order = journey.path("stages[0].id");
        String web = journey.path("stages[0].touchpoints[0].id");
        String theirSurvey = RestFixtures.createSurvey(other, RestFixtures.SURVEY);

        problem(json(asTenant(key), "{\"stageIds\": [\"%s\"]}".formatted(order))
                .put(JOURNEYS + "/{id}/stage-order", id).then(), 400, "journey.stage-order-mismatch", "stageIds");
        problem(json(asTenant(key), "{\"stageIds\": [\"%s\", \"%s\"]}".formatted(order, order))
                .put(JOURNEYS + "/{id}/stage-order", id).then(), 400, "journey.stage-order-mismatch", "stageIds");
        problem(json(asTenant(key), "{\"stageIds\": [\"%s\", \"second\"]}".formatted(order))
                .put(JOURNEYS + "/{id}/stage-order", id).then(), 400, "journey.stage-order-mismatch", "stageIds");
        problem(json(asTenant(key), "{}").put(JOURNEYS + "/{id}/stage-order", id).then(),
                400, "journey.stage-order-mismatch", "stageIds");
        problem(json(asTenant(key), "{\"name\": \"DORUČENÍ\"}").post(JOURNEYS + "/{id}/stages", id).then(),
                400, "journey.stage-name-duplicate", "name");
        problem(json(asTenant(key), "{\"name\": \"X\", \"index\": 3}").post(JOURNEYS + "/{id}/stages", id)
                .then(), 400, "journey.stage-index-out-of-range", "index");
        problem(json(asTenant(key), "{\"name\": \"X\", \"index\": \"first\"}")
                .post(JOURNEYS + "/{id}/stages", id).then(), 400, "request.wrong-type", "index");
        problem(json(asTenant(key), "{\"name\": \"Doručení\"}")
                .patch(JOURNEYS + "/{id}/stages/{stageId}", id, order).then(),
                400, "journey.stage-name-duplicate", "name");
        problem(json(asTenant(key), "{\"name\": \"\"}").patch(JOURNEYS + "/{id}", id).then(),
                400, "value.required", "name");
        problem(json(asTenant(key), "{\"name\": \"Fax\", \"channel\": \"FAX\"}")
                .post(JOURNEYS + "/{id}/stages/{stageId}/touchpoints", id, order).then(),
                400, "channel.unknown", "channel");
        problem(json(asTenant(key), "{\"name\": \"Fax\"}")
                .post(JOURNEYS + "/{id}/stages/{stageId}/touchpoints", id, order).then(),
                400, "value.required", "channel");
        problem(json(asTenant(key), "{\"name\": \"X\", \"channel\": \"WEB\"}")
                .post(JOURNEYS + "/{id}/stages/{stageId}/touchpoints", id, "0190a5e0-0000-7000-8000-000000000000")
                .then(), 404, "stage.not-found", null);
        problem(json(asTenant(key), "{\"name\": \"X\"}")
                .patch(JOURNEYS + "/{id}/stages/{stageId}", id, "no-stage").then(), 404, "stage.not-found", null);
        problem(asTenant(key).post(JOURNEYS + "/{id}/touchpoints/{touchpointId}/retire", id, order).then(),
                404, "touchpoint.not-found", null);
        problem(json(asTenant(key), "{\"surveyId\": \"%s\"}".formatted(theirSurvey))
                .put(JOURNEYS + "/{id}/touchpoints/{touchpointId}/survey", id, web).then(),
                404, "survey.not-found", null);
        problem(json(asTenant(key), "{\"surveyId\": \"not-a-survey\"}")
                .put(JOURNEYS + "/{id}/touchpoints/{touchpointId}/survey", id, web).then(),
                404, "survey.not-found", null);
        problem(json(asTenant(key), "{}")
                .put(JOURNEYS + "/{id}/touchpoints/{touchpointId}/survey", id, web).then(),
                400, "value.required", "surveyId");

        String after = asTenant(key).get(JOURNEYS + "/{id}", id).then().statusCode(200).extract().asString();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aFullJourneyOrStageIsARuleViolation() {
        String key = newTenant().adminKey();
        StringBuilder stages = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            stages.append(i == 0 ? "" : ",").append("{\"name\": \"S").append(i).append("\"}");
        }
        String full = createJourney(key, "{\"name\": \"J\", \"stages\": [" + stages + "]}");
        problem(json(asTenant(key), "{\"name\": \"S50\"}").post(JOURNEYS + "/{id}/stages", full).then(),
                422, "journey.stages-full", null);

        StringBuilder touchpoints = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            touchpoints.append(i == 0 ? "" : ",")
                    .append("{\"name\": \"T").append(i).append("\", \"channel\": \"WEB\"}");
        }
        String crowded = createJourney(key, "{\"name\": \"K\", \"stages\": [{\"name\": \"S\", "
                + "\"touchpoints\": [" + touchpoints + "]}]}");
        String stage = asTenant(key).get(JOURNEYS + "/{id}", crowded).then().extract().path("stages[0].id");
        problem(json(asTenant(key), "{\"name\": \"T100\", \"channel\": \"WEB\"}")
                .post(JOURNEYS + "/{id}/stages/{stageId}/touchpoints", crowded, stage).then(),
                422, "stage.touchpoints-full", null);
    }
}
