package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static io.touchstone.platform.rest.RestFixtures.publishedSurvey;
import static io.touchstone.platform.rest.RestFixtures.submit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Another tenant's data does not exist for a caller: every read and write of it is a 404 that reveals nothing. */
@QuarkusTest
class TenantIsolationIT {

    private static final String ANSWER = """
            {"language": "cs", "respondentRef": "secret-customer-of-a", "answers": [{"questionId": "nps", "score": 10}]}
            """;
    private static final String REVISION = """
            {"defaultLanguage": "en", "title": {"en": "Taken over"},
             "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Recommend us?"}}]}
            """;

    @Test
    void tenantBNeverSeesNorChangesTenantAData() {
        RestFixtures.Tenant a = newTenant();
        RestFixtures.Tenant b = newTenant();
        String surveyA = publishedSurvey(a.adminKey());
        String responseA = submit(a.adminKey(), surveyA, "shared-key", ANSWER).statusCode(201).extract().path("id");
        String keyA = asTenant(a.adminKey()).get("/api/v1/api-keys").then().extract().path("items[0].id");
        String bKey = b.adminKey();

        notFound(asTenant(bKey).get("/api/v1/surveys/{id}", surveyA).then(), "survey.not-found");
        notFound(asTenant(bKey).queryParam("version", 1).get("/api/v1/surveys/{id}", surveyA).then(),
                "survey.not-found");
        notFound(json(asTenant(bKey), REVISION).put("/api/v1/surveys/{id}", surveyA).then(), "survey.not-found");
        notFound(asTenant(bKey).post("/api/v1/surveys/{id}/publish", surveyA).then(), "survey.not-found");
        notFound(submit(bKey, surveyA, "b-1", ANSWER), "survey.not-found");
        notFound(asTenant(bKey).get("/api/v1/surveys/{id}/responses", surveyA).then(), "survey.not-found");
        notFound(asTenant(bKey).get("/api/v1/responses/{id}", responseA).then(), "response.not-found");
        notFound(asTenant(bKey).get("/api/v1/surveys/{id}/summary", surveyA).then(), "survey.not-found");
        notFound(asTenant(bKey).delete("/api/v1/api-keys/{id}", keyA).then(), "api-key.not-found");
        notFound(json(asTenant(bKey), "{}").post("/api/v1/api-keys/{id}/rotate", keyA).then(), "api-key.not-found");

        // B's lists hold only B's own things
        asTenant(bKey).get("/api/v1/surveys").then().statusCode(200)
                .body("items", equalTo(List.of()))
                .body(not(containsString(surveyA)));
        asTenant(bKey).get("/api/v1/api-keys").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body(not(containsString(keyA)));
        asTenant(bKey).queryParam("limit", 100).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", equalTo(List.of("tenant.created")))
                .body("items.targetId", equalTo(List.of(b.id())))
                .body(not(containsString(surveyA)))
                .body(not(containsString(a.id())));

        // an idempotency key is per tenant: B's use of A's key is a new submission to B's own survey
        String surveyB = publishedSurvey(bKey);
        String responseB = submit(bKey, surveyB, "shared-key", ANSWER).statusCode(201).extract().path("id");
        org.assertj.core.api.Assertions.assertThat(responseB).isNotEqualTo(responseA);

        // A's data is as A left it
        asTenant(a.adminKey()).get("/api/v1/surveys/{id}", surveyA).then().statusCode(200)
                .body("latest.version", equalTo(1))
                .body("latest.status", equalTo("PUBLISHED"))
                .body("latest.title.en", equalTo("Customer satisfaction"));
        asTenant(a.adminKey()).get("/api/v1/surveys/{id}/responses", surveyA).then().statusCode(200)
                .body("items.id", equalTo(List.of(responseA)));
        asTenant(a.adminKey()).get("/api/v1/surveys/{id}/summary", surveyA).then().statusCode(200)
                .body("responses", equalTo(1));
        asTenant(a.adminKey()).get("/api/v1/api-keys").then().statusCode(200)
                .body("items.state", equalTo(List.of("ACTIVE")));
        asTenant(a.adminKey()).get("/api/v1/surveys").then().statusCode(200)
                .body("items.id", equalTo(List.of(surveyA)));
        asTenant(a.adminKey()).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", equalTo(List.of("survey.published", "tenant.created")));
    }

    private static void notFound(ValidatableResponse response, String code) {
        problem(response, 404, code, null)
                .body(not(containsString("secret-customer-of-a")))
                .body(not(containsString("Customer satisfaction")));
    }
}
