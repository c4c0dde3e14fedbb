package io.touchstone.platform.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keycloak access tokens over the REST API: services of a tenant, cross-tenant services, operators. */
@QuarkusTest
@WithTestResource(KeycloakServer.class)
class AccessTokenRestIT {

    static final String TENANT_B = "0199a000-0000-7000-8000-00000000000b";
    static final String SURVEY = """
            {"defaultLanguage": "en", "title": {"en": "Delivery"},
             "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Would you recommend us?"}}]}
            """;

    /** Tenant A, created by an operator's token, with a survey; the service-a clients act for it. */
    private static String tenantA;
    private static String surveyOfA;

    @BeforeEach
    void tenantA() {
        if (tenantA != null) {
            return;
        }
        var created = json(bearer(Tokens.of("operator")), """
                {"name": "Tenant A %s", "timeZone": "Europe/Prague"}
                """.formatted(UUID.randomUUID()))
                .post("/api/v1/admin/tenants")
                .then().statusCode(201)
                .extract();
        tenantA = created.path("tenant.id");
        surveyOfA = json(given().header("X-API-Key", created.<String>path("apiKey.secret")), SURVEY)
                .post("/api/v1/surveys")
                .then().statusCode(201)
                .extract().path("id");
        Tokens.setTenant("service-a", tenantA);
        Tokens.setTenant("service-a-admin", tenantA);
        Tokens.setTenant("service-short-lived", tenantA);
    }

    @Test
    void anOperatorsTokenCreatesATenant() {
        json(bearer(Tokens.of("operator")), """
                {"name": "Created with a token", "timeZone": "Europe/Prague"}
                """)
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(201)
                .body("tenant.name", equalTo("Created with a token"))
                .body("apiKey.secret", matchesPattern("tsk_.*"));
    }

    @Test
    void theConfiguredOperatorTokenStillCreatesTenants() {
        json(bearer("test-operator-token"), """
                {"name": "Bootstrap", "timeZone": "Europe/Prague"}
                """).post("/api/v1/admin/tenants").then().statusCode(201);
    }

    @Test
    void aServiceTokenReadsAndWritesItsTenantsSurveys() {
        String token = Tokens.of("service-a");

        bearer(token).get("/api/v1/surveys/{id}", surveyOfA)
                .then().statusCode(200).body("id", equalTo(surveyOfA));
        bearer(token).get("/api/v1/surveys")
                .then().statusCode(200).body("items.id", hasItem(surveyOfA));
        String created = json(bearer(token), SURVEY).post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
        bearer(token).get("/api/v1/surveys/{id}", created).then().statusCode(200);
    }

    @Test
    void aServiceTokenLacksKeysAdminUnlessItHasTheTenantAdminRole() {
        problem(bearer(Tokens.of("service-a")).get("/api/v1/api-keys").then(), 403, "auth.scope-missing");
        bearer(Tokens.of("service-a-admin")).get("/api/v1/api-keys").then().statusCode(200);
    }

    @Test
    void aServiceOfAnotherTenantDoesNotSeeTheSurvey() {
        String tokenOfB = Tokens.of("service-b");

        problem(bearer(tokenOfB).get("/api/v1/surveys/{id}", surveyOfA).then(), 404, "survey.not-found");
        bearer(tokenOfB).get("/api/v1/surveys")
                .then().statusCode(200).body("items.id", not(hasItem(surveyOfA)));
    }

    @Test
    void aCrossTenantServiceNamesTheTenantInAHeader() {
        String token = Tokens.of("service-cross");

        bearer(token).header("X-Tenant-Id", tenantA).get("/api/v1/surveys/{id}", surveyOfA)
                .then().statusCode(200);
        problem(bearer(token).header("X-Tenant-Id", TENANT_B).get("/api/v1/surveys/{id}", surveyOfA).then(),
                404, "survey.not-found");
        problem(bearer(token).get("/api/v1/surveys").then(), 403, "auth.tenant-missing");
    }

    @Test
    void aServiceWithoutTheCrossTenantRoleCannotNameAnotherTenant() {
        problem(bearer(Tokens.of("service-b")).header("X-Tenant-Id", tenantA)
                .get("/api/v1/surveys/{id}", surveyOfA).then(), 403, "auth.cross-tenant-forbidden");
    }

    @Test
    void rolesDecideWhichApiATokenReaches() {
        problem(bearer(Tokens.of("operator")).get("/api/v1/surveys").then(), 403, "auth.tenant-required");
        problem(json(bearer(Tokens.of("service-a")), """
                {"name": "Nope", "timeZone": "Europe/Prague"}
                """).post("/api/v1/admin/tenants").then(), 403, "auth.operator-required");
        problem(bearer(Tokens.of("no-role")).get("/api/v1/surveys").then(), 403, "auth.role-missing");
    }

    @Test
    void aTokenForAnotherAudienceIsInvalid() {
        refused(Tokens.of("service-no-audience"), "auth.token-invalid");
    }

    @Test
    void aTokenOfAnotherIssuerIsInvalid() {
        refused(Tokens.of(KeycloakServer.OTHER_REALM, "service-a", "service-a-secret"), "auth.token-invalid");
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() throws InterruptedException {
        String token = Tokens.of("service-short-lived");
        bearer(token).get("/api/v1/surveys/{id}", surveyOfA).then().statusCode(200);

        Thread.sleep(2_100); // the client's tokens live one second; the test profile allows no clock skew

        refused(token, "auth.token-expired");
    }

    @Test
    void aTamperedTokenIsInvalid() {
        String token = Tokens.of("service-b");

        refused(Tokens.withClaim(token, "tenant_id", tenantA), "auth.token-invalid");
        refused(Tokens.withFlippedByte(token), "auth.token-invalid");
    }

    @Test
    void anUnsignedTokenIsInvalid() {
        String unsigned = Tokens.unsigned(Tokens.withClaim(Tokens.of("service-a"), "tenant_id", tenantA));

        refused(unsigned, "auth.token-invalid");
        problem(json(bearer(Tokens.unsigned(Tokens.of("operator"))), """
                {"name": "Nope", "timeZone": "Europe/Prague"}
                """).post("/api/v1/admin/tenants").then(), 401, "auth.token-invalid");
    }

    @Test
    void anApiKeyTakesPrecedenceOverABearerToken() {
        problem(bearer(Tokens.of("service-a")).header("X-API-Key", "tsk_not-a-key")
                .get("/api/v1/surveys/{id}", surveyOfA).then(), 401, "auth.key-invalid");
    }

    private void refused(String token, String code) {
        problem(bearer(token).get("/api/v1/surveys/{id}", surveyOfA).then(), 401, code)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body(not(containsString(token)));
    }

    private static RequestSpecification bearer(String token) {
        return given().accept(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification json(RequestSpecification request, String json) {
        return request.contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code));
    }
}
