package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.SURVEY;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.createSurvey;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static io.touchstone.platform.rest.RestFixtures.publishedSurvey;
import static io.touchstone.platform.rest.RestFixtures.submit;
import static io.touchstone.platform.rest.RestFixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResponsesIT {

    private static final String FULL_ANSWER = """
            {"language": "fa", "respondentRef": "customer-42", "metadata": {"channel": "web", "ticket": "T-1001"},
             "answers": [{"questionId": "nps", "score": 9},
                         {"questionId": "ces", "score": 6},
                         {"questionId": "comment", "text": "حل کردن مشکلتان با ما چقدر آسان بود؟ خیلی آسان!"},
                         {"questionId": "channel", "choice": "web"}]}
            """;

    @Test
    void storesAResponseAndReadsItBack() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);

        var created = submit(key, survey, "order-1001", FULL_ANSWER)
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("surveyId", equalTo(survey))
                .body("version", equalTo(1))
                .body("language", equalTo("fa"))
                .body("respondentRef", equalTo("customer-42"))
                .body("metadata", equalTo(Map.of("channel", "web", "ticket", "T-1001")))
                .body("answers.questionId", equalTo(List.of("nps", "ces", "comment", "channel")))
                .body("answers[0].score", equalTo(9))
                .body("answers[0]", not(hasKey("text")))
                .body("answers[1].score", equalTo(6))
                .body("answers[2].text", equalTo("حل کردن مشکلتان با ما چقدر آسان بود؟ خیلی آسان!"))
                .body("answers[3].choice", equalTo("web"))
                .body("submittedAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/responses/" + id);

        var stored = asTenant(key).get("/api/v1/responses/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("answers[2].text", equalTo("حل کردن مشکلتان با ما چقدر آسان بود؟ خیلی آسان!"))
                .extract();
        assertThat(stored.jsonPath().getMap("$")).isEqualTo(created.jsonPath().getMap("$"));

        asTenant(key).get("/api/v1/surveys/{id}/responses", survey)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].respondentRef", equalTo("customer-42"))
                .body("nextCursor", nullValue());
    }

    @Test
    void listsResponsesPageByPage() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        String first = submitted(key, survey, answer(1));
        String second = submitted(key, survey, answer(2));
        String third = submitted(key, survey, answer(3));

        String cursor = asTenant(key).queryParam("limit", 2).get("/api/v1/surveys/{id}/responses", survey)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second)))
                .body("items.collect { it.answers[0].score }", equalTo(List.of(1, 2)))
                .extract().path("nextCursor");
        assertThat(cursor).isNotBlank();
        asTenant(key).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/surveys/{id}/responses", survey)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(third)))
                .body("nextCursor", nullValue());
    }

    @Test
    void sameIdempotencyKeyTwiceStoresOneResponse() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);

        var first = submit(key, survey, "retry-me", FULL_ANSWER).statusCode(201).extract();
        var second = submit(key, survey, "retry-me", FULL_ANSWER)
                .statusCode(200)
                .header("Idempotent-Replayed", equalTo("true"))
                .extract();
        assertThat(second.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(second.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));

        asTenant(key).get("/api/v1/surveys/{id}/responses", survey)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(first.<String>path("id"))));
        asTenant(key).get("/api/v1/surveys/{id}/summary", survey)
                .then().statusCode(200)
                .body("responses", equalTo(1))
                .body("questions[0].n", equalTo(1));
    }

    @Test
    void sameIdempotencyKeyWithOtherContentIsAConflict() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        String id = submit(key, survey, "order-7", answer(9)).statusCode(201).extract().path("id");

        problem(submit(key, survey, "order-7", answer(3)), 409, "idempotency.key-reused", null);

        asTenant(key).get("/api/v1/surveys/{id}/responses", survey)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].answers[0].score", equalTo(9));
    }

    @Test
    void aSubmissionNeedsAnIdempotencyKey() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        problem(json(asTenant(key), answer(9)).post("/api/v1/surveys/{id}/responses", survey).then(),
                400, "idempotency.key-invalid", "Idempotency-Key")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        problem(submit(key, survey, "has spaces", answer(9)), 400, "idempotency.key-invalid",
                "Idempotency-Key");
        assertNothingStored(key, survey);
    }

    @Test
    void refusesAnswersTheSurveyCannotTakeAndStoresNothing() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);

        problem(submit(key, survey, "k1", answer(11)), 400, "answer.out-of-range", "answers[0].score");
        problem(submit(key, survey, "k2", """
                {"language": "cs", "answers": [{"questionId": "csat", "score": 0}]}
                """), 400, "answer.out-of-range", "answers[0].score");
        problem(submit(key, survey, "k3", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 9}, {"questionId": "sla", "score": 3}]}
                """), 400, "answer.question-unknown", "answers[1].questionId");
        problem(submit(key, survey, "k4", """
                {"language": "cs", "answers": [{"questionId": "nps", "text": "devět"}]}
                """), 400, "answer.wrong-type", "answers[0].text");
        problem(submit(key, survey, "k5", """
                {"language": "cs", "answers": [{"questionId": "channel", "choice": "fax"}]}
                """), 400, "answer.option-unknown", "answers[0].choice");
        problem(submit(key, survey, "k6", """
                {"language": "de", "answers": [{"questionId": "nps", "score": 9}]}
                """), 400, "response.language-not-offered", "language");
        problem(submit(key, survey, "k7", """
                {"language": "cs", "answers": []}
                """), 400, "response.answers-required", "answers");
        problem(submit(key, survey, "k8", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 9, "text": "nine"}]}
                """), 400, "answer.value-count", "answers[0]");

        assertNothingStored(key, survey);
    }

    @Test
    void refusesBodiesOfTheWrongShapeAndStoresNothing() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);

        problem(submit(key, survey, "j1", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": "nine"}]}
                """), 400, "request.wrong-type", "answers[0].score");
        problem(submit(key, survey, "j2", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 9.5}]}
                """), 400, "request.wrong-type", "answers[0].score");
        problem(submit(key, survey, "j3", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": "9"}]}
                """), 400, "request.wrong-type", "answers[0].score");
        problem(submit(key, survey, "j3b", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 99999999999}]}
                """), 400, "request.wrong-type", "answers[0].score");
        problem(submit(key, survey, "j4", """
                {"language": "cs", "answers": [{"questionId": "comment", "text": 5}]}
                """), 400, "request.wrong-type", "answers[0].text");
        problem(submit(key, survey, "j5", """
                {"language": "cs", "metadata": {"channel": 1}, "answers": [{"questionId": "nps", "score": 9}]}
                """), 400, "request.wrong-type", "metadata.channel");
        problem(submit(key, survey, "j6", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 9, "weight": 2}]}
                """), 400, "request.unknown-field", "answers[0].weight");
        problem(submit(key, survey, "j7", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 9}]
                """), 400, "request.malformed-json", null);
        problem(submit(key, survey, "j8", """
                {"language": "cs", "language": "en", "answers": [{"questionId": "nps", "score": 9}]}
                """), 400, "request.malformed-json", null);
        problem(asTenant(key).header("Idempotency-Key", "j9").contentType("application/json")
                .post("/api/v1/surveys/{id}/responses", survey).then(), 400, "request.body-required", null);

        assertNothingStored(key, survey);
    }

    @Test
    void refusesBodiesOverOneMebibyteBeforeReadingThem() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        String huge = """
                {"language": "cs", "respondentRef": "%s", "answers": [{"questionId": "nps", "score": 9}]}
                """.formatted("x".repeat(1024 * 1024));

        problem(submit(key, survey, "big", huge), 413, "request.too-large", null);

        assertNothingStored(key, survey);
    }

    @Test
    void aDraftTakesNoResponsesAndAnUnknownSurveyNone() {
        String key = newTenant().adminKey();
        String draft = createSurvey(key, SURVEY);
        problem(submit(key, draft, "d1", answer(9)), 422, "survey.not-published", null);
        assertNothingStored(key, draft);

        String published = publishedSurvey(key);
        problem(submit(key, published, "d2", """
                {"version": 2, "language": "cs", "answers": [{"questionId": "nps", "score": 9}]}
                """), 404, "survey.version-not-found", null);
        assertNothingStored(key, published);

        problem(submit(key, UUID.randomUUID().toString(), "u1", answer(9)), 404, "survey.not-found", null);
        problem(submit(key, "not-a-uuid", "u2", answer(9)), 404, "survey.not-found", null);
        problem(asTenant(key).get("/api/v1/surveys/{id}/responses", UUID.randomUUID()).then(),
                404, "survey.not-found", null);
        problem(asTenant(key).get("/api/v1/responses/{id}", UUID.randomUUID()).then(), 404, "response.not-found",
                null);
        problem(asTenant(key).get("/api/v1/responses/{id}", "42").then(), 404, "response.not-found", null);
    }

    @Test
    void responsesNeedTheirScopes() {
        String admin = newTenant().adminKey();
        String survey = publishedSurvey(admin);
        String writer = keyWith(admin, "responses:write");
        String reader = keyWith(admin, "responses:read");

        problem(submit(reader, survey, "s1", answer(9)), 403, "auth.scope-missing", null);
        assertNothingStored(admin, survey);

        String id = submit(writer, survey, "s2", answer(9)).statusCode(201).extract().path("id");
        problem(asTenant(writer).get("/api/v1/responses/{id}", id).then(), 403, "auth.scope-missing", null);
        problem(asTenant(writer).get("/api/v1/surveys/{id}/responses", survey).then(), 403, "auth.scope-missing",
                null);
        asTenant(reader).get("/api/v1/responses/{id}", id).then().statusCode(200).body("answers[0].score",
                equalTo(9));
    }

    @Test
    void refusesMissingUnknownAndRevokedKeys() {
        String admin = newTenant().adminKey();
        String survey = publishedSurvey(admin);
        var issued = json(asTenant(admin), """
                {"name": "shop", "scopes": ["responses:write"]}
                """).post("/api/v1/api-keys").then().statusCode(201).extract();
        asTenant(admin).delete("/api/v1/api-keys/{id}", issued.<String>path("id")).then().statusCode(200);

        problem(json(RestFixtures.api().header("Idempotency-Key", "a1"), answer(9))
                .post("/api/v1/surveys/{id}/responses", survey).then(), 401, "auth.credentials-missing", null);
        problem(submit("tsk_000000000000000000000000_" + "x".repeat(43), survey, "a2", answer(9)),
                401, "auth.key-invalid", null);
        problem(submit(issued.path("secret"), survey, "a3", answer(9)), 401, "auth.key-revoked", null);
        assertNothingStored(admin, survey);
    }

    private static String answer(int nps) {
        return """
                {"language": "cs", "answers": [{"questionId": "nps", "score": %d}]}
                """.formatted(nps);
    }

    private static void assertNothingStored(String key, String survey) {
        asTenant(key).get("/api/v1/surveys/{id}/responses", survey)
                .then().statusCode(200)
                .body("items", equalTo(List.of()))
                .body("nextCursor", nullValue());
    }
}
