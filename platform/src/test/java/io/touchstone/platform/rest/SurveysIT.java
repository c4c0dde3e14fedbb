package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.CES_CS;
import static io.touchstone.platform.rest.RestFixtures.CES_FA;
import static io.touchstone.platform.rest.RestFixtures.NPS_CS;
import static io.touchstone.platform.rest.RestFixtures.NPS_FA;
import static io.touchstone.platform.rest.RestFixtures.SURVEY;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.createSurvey;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SurveysIT {

    private static final String SURVEYS = "/api/v1/surveys";

    private static final String SMALL = """
            {"defaultLanguage": "en", "title": {"en": "%s"},
             "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Recommend us?"}}]}
            """;

    @Test
    void createsDraftWithEveryQuestionTypeAndReadsItBack() {
        String key = newTenant().adminKey();
        var created = json(asTenant(key), SURVEY).post(SURVEYS)
                .then()
                .statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("createdAt", notNullValue())
                .body("latestPublishedVersion", nullValue())
                .body("$", hasKey("latestPublishedVersion"))
                .body("$", not(hasKey("version")))
                .body("latest.version", equalTo(1))
                .body("latest.status", equalTo("DRAFT"))
                .body("latest.publishedAt", nullValue())
                .body("latest.defaultLanguage", equalTo("cs"))
                .body("latest.title", equalTo(Map.of("cs", "Spokojenost zákazníků", "fa", "رضایت مشتری",
                        "en", "Customer satisfaction")))
                .body("latest.questions.id", equalTo(List.of("nps", "csat", "ces", "effort", "comment", "channel")))
                .body("latest.questions.type", equalTo(List.of("NPS", "CSAT", "CES", "CES", "FREE_TEXT",
                        "SINGLE_CHOICE")))
                .body("latest.questions[0]", not(hasKey("scale")))
                .body("latest.questions[0].text.cs", equalTo(NPS_CS))
                .body("latest.questions[0].text.fa", equalTo(NPS_FA))
                .body("latest.questions[1].scale", equalTo(5))
                .body("latest.questions[1].satisfiedFrom", equalTo(4))
                .body("latest.questions[2].scale", equalTo(7))
                .body("latest.questions[2].orientation", equalTo("HIGHER_IS_EASIER"))
                .body("latest.questions[2].text.fa", equalTo(CES_FA))
                .body("latest.questions[2].text.cs", equalTo(CES_CS))
                .body("latest.questions[3].orientation", equalTo("HIGHER_IS_HARDER"))
                .body("latest.questions[4].maxLength", equalTo(2000))
                .body("latest.questions[5].options.id", equalTo(List.of("web", "phone")))
                .body("latest.questions[5].options[1].label.fa", equalTo("تلفن"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/surveys/" + id);

        byte[] body = asTenant(key).get(SURVEYS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("latest.questions[2].text.fa", equalTo(CES_FA))
                .body("latest.questions[0].text.cs", equalTo(NPS_CS))
                .extract().asByteArray();
        // the right-to-left and accented texts come back as the very same UTF-8 bytes
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"fa\":\"" + CES_FA + "\"",
                "\"cs\":\"" + NPS_CS + "\"");
        assertThat(indexOf(body, CES_FA.getBytes(StandardCharsets.UTF_8))).isNotNegative();
    }

    @Test
    void revisesDraftInPlaceThenPublishesThenRevisionStartsVersionTwo() {
        String key = newTenant().adminKey();
        String id = createSurvey(key, SMALL.formatted("First"));

        json(asTenant(key), SMALL.formatted("Second")).put(SURVEYS + "/{id}", id)
                .then().statusCode(200)
                .body("latest.version", equalTo(1))
                .body("latest.status", equalTo("DRAFT"))
                .body("latest.title.en", equalTo("Second"));

        asTenant(key).post(SURVEYS + "/{id}/publish", id)
                .then().statusCode(200)
                .body("latestPublishedVersion", equalTo(1))
                .body("latest.version", equalTo(1))
                .body("latest.status", equalTo("PUBLISHED"))
                .body("latest.publishedAt", notNullValue());

        problem(asTenant(key).post(SURVEYS + "/{id}/publish", id).then(), 422, "survey.already-published", null);

        json(asTenant(key), SMALL.formatted("Third")).put(SURVEYS + "/{id}", id)
                .then().statusCode(200)
                .body("latestPublishedVersion", equalTo(1))
                .body("latest.version", equalTo(2))
                .body("latest.status", equalTo("DRAFT"))
                .body("latest.title.en", equalTo("Third"));

        asTenant(key).queryParam("version", 1).get(SURVEYS + "/{id}", id)
                .then().statusCode(200)
                .body("$", not(hasKey("latest")))
                .body("version.version", equalTo(1))
                .body("version.status", equalTo("PUBLISHED"))
                .body("version.title.en", equalTo("Second"));
        asTenant(key).get(SURVEYS + "/{id}", id)
                .then().statusCode(200)
                .body("$", not(hasKey("version")))
                .body("latest.version", equalTo(2))
                .body("latest.title.en", equalTo("Third"));
        problem(asTenant(key).queryParam("version", 3).get(SURVEYS + "/{id}", id).then(),
                404, "survey.version-not-found", null);
        problem(asTenant(key).queryParam("version", "two").get(SURVEYS + "/{id}", id).then(),
                400, "request.wrong-type", "version");
    }

    @Test
    void listsSurveysPageByPageOldestFirst() {
        String key = newTenant().adminKey();
        String first = createSurvey(key, SMALL.formatted("One"));
        String second = createSurvey(key, SMALL.formatted("Two"));
        String third = createSurvey(key, SMALL.formatted("Three"));

        String cursor = asTenant(key).queryParam("limit", 2).get(SURVEYS)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second)))
                .body("items[0].latest.title.en", equalTo("One"))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        asTenant(key).queryParam("limit", 2).queryParam("cursor", cursor).get(SURVEYS)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(third)))
                .body("nextCursor", nullValue())
                .body("$", hasKey("nextCursor"));
        asTenant(key).get(SURVEYS)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second, third)));

        problem(asTenant(key).queryParam("limit", 0).get(SURVEYS).then(), 400, "page.limit-out-of-range", "limit");
        problem(asTenant(key).queryParam("limit", "ten").get(SURVEYS).then(), 400, "request.wrong-type", "limit");
        problem(asTenant(key).queryParam("cursor", "garbage!").get(SURVEYS).then(), 400, "page.cursor-invalid",
                "cursor");
    }

    @Test
    void refusesMalformedAndMistypedDefinitionsAndStoresNothing() {
        String key = newTenant().adminKey();
        problem(json(asTenant(key), "{\"defaultLanguage\": \"cs\", \"title\": {").post(SURVEYS).then(),
                400, "request.malformed-json", null);
        problem(json(asTenant(key), """
                {"defaultLanguage": "en", "title": {"en": "T"},
                 "questions": [{"id": "csat", "type": "CSAT", "scale": "five", "text": {"en": "How?"}}]}
                """).post(SURVEYS).then(), 400, "request.wrong-type", "questions[0].scale");
        problem(json(asTenant(key), """
                {"defaultLanguage": "en", "title": {"en": "T"},
                 "questions": [{"id": "csat", "type": "CSAT", "scale": 5.5, "text": {"en": "How?"}}]}
                """).post(SURVEYS).then(), 400, "request.wrong-type", "questions[0].scale");
        problem(json(asTenant(key), """
                {"defaultLanguage": "en", "title": {"en": 7},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"en": "How?"}}]}
                """).post(SURVEYS).then(), 400, "request.wrong-type", "title.en");
        problem(json(asTenant(key), """
                {"defaultLanguage": "en", "title": {"en": "T"},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"en": "How?"}, "required": true}]}
                """).post(SURVEYS).then(), 400, "request.unknown-field", "questions[0].required");
        problem(json(asTenant(key), """
                {"defaultLanguage": "en", "name": "T", "title": {"en": "T"},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"en": "How?"}}]}
                """).post(SURVEYS).then(), 400, "request.unknown-field", "name");
        problem(json(asTenant(key), """
                {"defaultLanguage": "en", "title": {"en": "T"}, "questions": {"id": "nps"}}
                """).post(SURVEYS).then(), 400, "request.wrong-type", "questions");
        problem(asTenant(key).contentType("application/json").post(SURVEYS).then(),
                400, "request.body-required", null);
        problem(json(asTenant(key), "null").post(SURVEYS).then(), 400, "request.body-required", null);

        asTenant(key).get(SURVEYS).then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void refusesDefinitionsTheDomainRejectsNamingEveryField() {
        String key = newTenant().adminKey();
        problem(json(asTenant(key), """
                {"defaultLanguage": "cs", "title": {"cs": "Průzkum", "en": "Survey"},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Recommend us?"}}]}
                """).post(SURVEYS).then(), 400, "text.default-language-missing", "questions[0].text.cs")
                .body("violations[0].field", equalTo("questions[0].text.cs"))
                .body("violations[0].code", equalTo("text.default-language-missing"))
                .body("violations[0].description", notNullValue());
        problem(json(asTenant(key), """
                {"defaultLanguage": "cs", "title": {"en": "Survey"},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"cs": "Doporučíte nás?"}}]}
                """).post(SURVEYS).then(), 400, "text.default-language-missing", "title.cs");
        problem(json(asTenant(key), """
                {"defaultLanguage": "en", "title": {"en": "Survey"},
                 "questions": [{"id": "csat", "type": "CSAT", "scale": 4, "text": {"en": "Happy?"}},
                               {"id": "kind", "type": "MATRIX", "text": {"en": "Kind?"}}]}
                """).post(SURVEYS).then(), 400, "question.scale-unsupported", "questions[0].scale")
                .body("violations.field", equalTo(List.of("questions[0].scale", "questions[1].type")))
                .body("violations.code", equalTo(List.of("question.scale-unsupported", "question.type-unknown")));
        problem(json(asTenant(key), """
                {"defaultLanguage": "en", "title": {"en": "Survey"}, "questions": []}
                """).post(SURVEYS).then(), 400, "survey.questions-count", "questions");

        asTenant(key).get(SURVEYS).then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void unknownSurveysAreNotFound() {
        String key = newTenant().adminKey();
        String unknown = UUID.randomUUID().toString();
        problem(asTenant(key).get(SURVEYS + "/{id}", unknown).then(), 404, "survey.not-found", null);
        problem(asTenant(key).get(SURVEYS + "/{id}", "12345").then(), 404, "survey.not-found", null);
        problem(asTenant(key).post(SURVEYS + "/{id}/publish", unknown).then(), 404, "survey.not-found", null);
        problem(json(asTenant(key), SMALL.formatted("x")).put(SURVEYS + "/{id}", unknown).then(),
                404, "survey.not-found", null);
        problem(json(asTenant(key), SMALL.formatted("x")).put(SURVEYS + "/{id}", "not-a-uuid").then(),
                404, "survey.not-found", null);
    }

    @Test
    void surveysNeedTheirScopes() {
        String admin = newTenant().adminKey();
        String reader = keyWith(admin, "surveys:read");
        String writerOnly = keyWith(admin, "surveys:write");
        String id = createSurvey(writerOnly, SMALL.formatted("Written"));

        problem(json(asTenant(reader), SMALL.formatted("x")).post(SURVEYS).then(), 403, "auth.scope-missing", null);
        problem(json(asTenant(reader), SMALL.formatted("x")).put(SURVEYS + "/{id}", id).then(),
                403, "auth.scope-missing", null);
        problem(asTenant(reader).post(SURVEYS + "/{id}/publish", id).then(), 403, "auth.scope-missing", null);
        problem(asTenant(writerOnly).get(SURVEYS + "/{id}", id).then(), 403, "auth.scope-missing", null);
        problem(asTenant(writerOnly).get(SURVEYS).then(), 403, "auth.scope-missing", null);

        asTenant(reader).get(SURVEYS + "/{id}", id).then().statusCode(200)
                .body("latest.status", equalTo("DRAFT"))
                .body("latest.title.en", equalTo("Written"));
        asTenant(reader).get(SURVEYS).then().statusCode(200).body("items.size()", equalTo(1));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
