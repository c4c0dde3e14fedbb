package io.touchstone.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Helpers of the REST tests: every test creates its own tenant through the operator API, so tests share the
 * database but never each other's data. Bodies are written as JSON text and sent as UTF-8 bytes, exactly.
 */
final class RestFixtures {

    static final String OPERATOR_TOKEN = "test-operator-token";

    /** JSON numbers with a fraction are read as doubles, so that figures compare at full precision. */
    static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    static final String NPS_FA = "چقدر احتمال دارد ما را به دوستانتان توصیه کنید؟";
    static final String CES_FA = "حل کردن مشکلتان با ما چقدر آسان بود؟";
    static final String NPS_CS = "Na stupnici od 0 do 10, jaká je pravděpodobnost, že naši společnost doporučíte?";
    static final String CSAT_CS = "Jak hodnotíte vaši zkušenost s naší společností?";
    static final String CES_CS = "Jak jednoduché bylo pro vás vyřízení žádosti?";

    /** A survey with every question type, in Czech (default), Persian and English. */
    static final String SURVEY = """
            {
              "defaultLanguage": "cs",
              "title": {"cs": "Spokojenost zákazníků", "fa": "رضایت مشتری", "en": "Customer satisfaction"},
              "questions": [
                {"id": "nps", "type": "NPS",
                 "text": {"cs": "%s", "fa": "%s", "en": "How likely are you to recommend us?"}},
                {"id": "csat", "type": "CSAT", "scale": 5, "satisfiedFrom": 4,
                 "text": {"cs": "%s", "en": "How would you rate your experience with us?"}},
                {"id": "ces", "type": "CES", "scale": 7, "orientation": "HIGHER_IS_EASIER",
                 "text": {"cs": "%s", "fa": "%s", "en": "The company made it easy to handle my issue."}},
                {"id": "effort", "type": "CES", "scale": 5, "orientation": "HIGHER_IS_HARDER",
                 "text": {"cs": "Kolik úsilí vás to stálo?", "en": "How much effort did you have to put in?"}},
                {"id": "comment", "type": "FREE_TEXT", "maxLength": 2000,
                 "text": {"cs": "Co bychom měli zlepšit?", "fa": "چه چیزی را باید بهتر کنیم؟", "en": "What should we improve?"}},
                {"id": "channel", "type": "SINGLE_CHOICE",
                 "options": [{"id": "web", "label": {"cs": "Web", "en": "Web"}},
                             {"id": "phone", "label": {"cs": "Telefon", "fa": "تلفن", "en": "Phone"}}],
                 "text": {"cs": "Jak jste nás kontaktovali?", "en": "How did you contact us?"}}
              ]
            }
            """.formatted(NPS_CS, NPS_FA, CSAT_CS, CES_CS, CES_FA);

    /** A tenant and the secret of its first key, which holds every scope. */
    record Tenant(String id, String adminKey) {
    }

    private RestFixtures() {
    }

    static RequestSpecification api() {
        return given().config(CONFIG).accept(ContentType.JSON);
    }

    static RequestSpecification asTenant(String apiKey) {
        return api().header("X-API-Key", apiKey);
    }

    static RequestSpecification asOperator() {
        return api().header("Authorization", "Bearer " + OPERATOR_TOKEN);
    }

    /** A JSON body, sent as the UTF-8 bytes of {@code json}. */
    static RequestSpecification json(RequestSpecification request, String json) {
        return request.contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8));
    }

    static Tenant newTenant() {
        String name = "Tenant " + UUID.randomUUID();
        var created = json(asOperator(), """
                {"name": "%s", "timeZone": "Europe/Prague"}
                """.formatted(name))
                .post("/api/v1/admin/tenants")
                .then().statusCode(201)
                .extract();
        return new Tenant(created.path("tenant.id"), created.path("apiKey.secret"));
    }

    /** A new key of the tenant with just these scopes; returns its secret. */
    static String keyWith(String adminKey, String... scopes) {
        String list = String.join("\", \"", scopes);
        return json(asTenant(adminKey), """
                {"name": "scoped", "scopes": ["%s"]}
                """.formatted(list))
                .post("/api/v1/api-keys")
                .then().statusCode(201)
                .extract().path("secret");
    }

    static String createSurvey(String apiKey, String json) {
        return json(asTenant(apiKey), json)
                .post("/api/v1/surveys")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String publishedSurvey(String apiKey) {
        String id = createSurvey(apiKey, SURVEY);
        asTenant(apiKey).post("/api/v1/surveys/{id}/publish", id).then().statusCode(200);
        return id;
    }

    static ValidatableResponse submit(String apiKey, String surveyId, String idempotencyKey, String json) {
        return json(asTenant(apiKey).header("Idempotency-Key", idempotencyKey), json)
                .post("/api/v1/surveys/{id}/responses", surveyId)
                .then();
    }

    /** Submits under a fresh idempotency key and expects it stored; returns the response id. */
    static String submitted(String apiKey, String surveyId, String json) {
        return submit(apiKey, surveyId, UUID.randomUUID().toString(), json)
                .statusCode(201)
                .extract().path("id");
    }

    /** Asserts the problem body every error shares: status, code, field (null: none) and the request path. */
    static ValidatableResponse problem(ValidatableResponse response, int status, String code, String field) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo("https://touchstone.io/problems/" + code))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", startsWith("/api/v1"));
        if (field == null) {
            response.body("$", not(hasKey("field")));
        } else {
            response.body("field", equalTo(field));
        }
        return response;
    }
}
