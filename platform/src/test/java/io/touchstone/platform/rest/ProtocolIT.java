package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.api;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static io.touchstone.platform.rest.RestFixtures.publishedSurvey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every endpoint shares: routing failures as problems, the body limit, the OpenAPI document. */
@QuarkusTest
class ProtocolIT {

    @TestHTTPResource("/")
    URI root;

    @Test
    void unknownRoutesAndMethodsAnswerWithProblems() {
        String key = newTenant().adminKey();
        problem(asTenant(key).get("/api/v1/nothing-here").then(), 404, "request.route-not-found", null);
        problem(api().get("/api/v1/surveys/x/y/z").then(), 404, "request.route-not-found", null);
        problem(asTenant(key).delete("/api/v1/surveys").then(), 405, "request.method-not-allowed", null);
        problem(asTenant(key).contentType("text/plain").body("hello").post("/api/v1/surveys").then(),
                415, "request.unsupported-media-type", null);
    }

    @Test
    void bodiesOverOneMebibyteAreRefusedOnEveryEndpoint() {
        byte[] huge = ("{\"name\": \"" + "x".repeat(1024 * 1024) + "\", \"scopes\": []}")
                .getBytes(StandardCharsets.UTF_8);
        // before authentication: a large body is refused without reading it
        problem(api().contentType("application/json").body(huge).post("/api/v1/api-keys").then(),
                413, "request.too-large", null);
        problem(api().contentType("application/json").body(huge).post("/api/v1/admin/tenants").then(),
                413, "request.too-large", null);
    }

    @Test
    void bodiesWithoutALengthAreCappedToo() throws Exception {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        byte[] huge = ("{\"language\": \"cs\", \"respondentRef\": \"" + "x".repeat(2 * 1024 * 1024)
                + "\", \"answers\": [{\"questionId\": \"nps\", \"score\": 9}]}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(root.resolve("/api/v1/surveys/" + survey + "/responses"))
                .header("X-API-Key", key)
                .header("Idempotency-Key", "chunked")
                .header("Content-Type", "application/json")
                // a stream publisher has no known length: the body goes out chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        int status;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException closedWhileSending) {
            status = 413; // the server may close the connection while the client is still sending
        }
        assertThat(status).isEqualTo(413);
        asTenant(key).get("/api/v1/surveys/{id}/responses", survey).then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        api().accept("application/json").get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/surveys"))
                .body("paths", hasKey("/api/v1/surveys/{id}/responses"))
                .body("paths", hasKey("/api/v1/surveys/{id}/summary"))
                .body("paths", hasKey("/api/v1/api-keys"))
                .body("paths", hasKey("/api/v1/admin/tenants"))
                .body("paths.'/api/v1/surveys'.post.summary", notNullValue())
                .body("paths.'/api/v1/surveys'.post.tags", equalTo(java.util.List.of("Surveys")))
                .body("components.securitySchemes.ApiKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.ApiKey.in", equalTo("header"))
                .body("components.securitySchemes.ApiKey.name", equalTo("X-API-Key"))
                .body("components.securitySchemes.OperatorToken.scheme", equalTo("bearer"))
                .body("components.schemas", hasKey("Problem"));
    }
}
