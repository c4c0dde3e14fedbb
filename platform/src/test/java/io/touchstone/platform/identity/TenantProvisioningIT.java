package io.touchstone.platform.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenants' clients in the real Keycloak, created, disabled and removed through the operator API. */
@QuarkusTest
@WithTestResource(KeycloakServer.class)
class TenantProvisioningIT {

    static final String SURVEY = """
            {"defaultLanguage": "en", "title": {"en": "Delivery"},
             "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Would you recommend us?"}}]}
            """;

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void keycloakAndLogCapture() {
        KeycloakServer.awaitReady();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void theNewTenantsClientReadsItsOwnSurveysAndNoOneElses() {
        Provisioned acme = provision("Acme");
        Provisioned other = provision("Other");
        String surveyOfAcme = createSurvey(acme);
        String surveyOfOther = createSurvey(other);

        assertThat(acme.clientId()).isEqualTo("tenant-" + acme.tenantId());
        String token = Tokens.of(KeycloakServer.REALM, acme.clientId(), acme.clientSecret());

        bearer(token).get("/api/v1/surveys/{id}", surveyOfAcme)
                .then().statusCode(200).body("id", equalTo(surveyOfAcme));
        problem(bearer(token).get("/api/v1/surveys/{id}", surveyOfOther).then(), 404, "survey.not-found");
        // a tenant's client is a service of that tenant only, without keys:admin
        problem(bearer(token).get("/api/v1/api-keys").then(), 403, "auth.scope-missing");
    }

    @Test
    void theClientHoldsTheServiceRoleAndTheMappers() {
        Provisioned acme = provision("Acme");

        var client = Tokens.clients(acme.clientId()).get(0);
        assertThat(client.get("enabled").asBoolean()).isTrue();
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        String claims = payload(Tokens.of(KeycloakServer.REALM, acme.clientId(), acme.clientSecret()));
        assertThat(JsonPath.from(claims).getString("tenant_id")).isEqualTo(acme.tenantId());
        assertThat(JsonPath.from(claims).getList("realm_access.roles")).contains("touchstone-service");
        assertThat(claims).contains("\"touchstone\"");
    }

    @Test
    void suspendingDisablesTheClientAndEveryApiKey() {
        Provisioned acme = provision("Acme");
        String survey = createSurvey(acme);
        assertThat(Tokens.grantStatus(acme.clientId(), acme.clientSecret())).isEqualTo(200);

        operator().post("/api/v1/admin/tenants/{id}/suspend", acme.tenantId()).then().statusCode(204);

        assertThat(Tokens.grantStatus(acme.clientId(), acme.clientSecret())).isIn(400, 401);
        assertThat(Tokens.clients(acme.clientId()).get(0).get("enabled").asBoolean()).isFalse();
        problem(given().accept(ContentType.JSON).header("X-API-Key", acme.apiKey())
                .get("/api/v1/surveys/{id}", survey).then(), 401, "auth.tenant-suspended");
        // suspending again changes nothing
        operator().post("/api/v1/admin/tenants/{id}/suspend", acme.tenantId()).then().statusCode(204);
    }

    @Test
    void suspendingOneTenantLeavesAnotherAlone() {
        Provisioned acme = provision("Acme");
        Provisioned other = provision("Other");

        operator().post("/api/v1/admin/tenants/{id}/suspend", acme.tenantId()).then().statusCode(204);

        assertThat(Tokens.grantStatus(other.clientId(), other.clientSecret())).isEqualTo(200);
        given().header("X-API-Key", other.apiKey()).get("/api/v1/surveys").then().statusCode(200);
    }

    @Test
    void deletingRemovesTheClientAndRefusesTheKeys() {
        Provisioned acme = provision("Acme");

        operator().delete("/api/v1/admin/tenants/{id}", acme.tenantId()).then().statusCode(204);

        assertThat(Tokens.clients(acme.clientId())).isEmpty();
        problem(given().accept(ContentType.JSON).header("X-API-Key", acme.apiKey())
                .get("/api/v1/surveys").then(), 401, "auth.key-invalid");
        problem(operator().delete("/api/v1/admin/tenants/{id}", acme.tenantId()).then(), 404, "tenant.not-found");
        problem(operator().post("/api/v1/admin/tenants/{id}/suspend", acme.tenantId()).then(), 404,
                "tenant.not-found");
    }

    @Test
    void onlyOperatorsSuspendOrDeleteAndUnknownTenantsAreNotFound() {
        Provisioned acme = provision("Acme");
        String token = Tokens.of(KeycloakServer.REALM, acme.clientId(), acme.clientSecret());

        problem(bearer(token).post("/api/v1/admin/tenants/{id}/suspend", acme.tenantId()).then(), 403,
                "auth.operator-required");
        problem(bearer(token).delete("/api/v1/admin/tenants/{id}", acme.tenantId()).then(), 403,
                "auth.operator-required");
        problem(operator().post("/api/v1/admin/tenants/{id}/suspend", UUID.randomUUID().toString()).then(), 404,
                "tenant.not-found");
        problem(operator().delete("/api/v1/admin/tenants/{id}", "not-a-uuid").then(), 404, "tenant.not-found");
        assertThat(Tokens.grantStatus(acme.clientId(), acme.clientSecret())).isEqualTo(200);
    }

    @Test
    void theClientSecretIsNeverLogged() {
        Provisioned acme = provision("Logged?");
        Tokens.of(KeycloakServer.REALM, acme.clientId(), acme.clientSecret());
        operator().post("/api/v1/admin/tenants/{id}/suspend", acme.tenantId()).then().statusCode(204);
        operator().delete("/api/v1/admin/tenants/{id}", acme.tenantId()).then().statusCode(204);

        synchronized (logged) {
            assertThat(logged).noneMatch(line -> line.contains(acme.clientSecret()));
        }
    }

    record Provisioned(String tenantId, String apiKey, String clientId, String clientSecret) {
    }

    private static Provisioned provision(String name) {
        JsonPath answer = operator().contentType(ContentType.JSON)
                .body("""
                        {"name": "%s %s", "timeZone": "Europe/Prague"}
                        """.formatted(name, UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/tenants")
                .then().statusCode(201)
                .body("client.clientId", not(emptyOrNullString()))
                .body("client.secret", not(emptyOrNullString()))
                .extract().jsonPath();
        return new Provisioned(answer.getString("tenant.id"), answer.getString("apiKey.secret"),
                answer.getString("client.clientId"), answer.getString("client.secret"));
    }

    private static String createSurvey(Provisioned tenant) {
        return given().header("X-API-Key", tenant.apiKey()).contentType(ContentType.JSON)
                .body(SURVEY.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/surveys")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static String payload(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static RequestSpecification operator() {
        return bearer("test-operator-token");
    }

    private static RequestSpecification bearer(String token) {
        return given().accept(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code));
    }
}
