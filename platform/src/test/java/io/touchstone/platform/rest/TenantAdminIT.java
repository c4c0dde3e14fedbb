package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.api;
import static io.touchstone.platform.rest.RestFixtures.asOperator;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantAdminIT {

    private static final String TENANTS = "/api/v1/admin/tenants";

    @Test
    void operatorCreatesTenantWithAnAdminKeyShownOnce() {
        var created = json(asOperator(), """
                {"name": "Acme s.r.o.", "timeZone": "Europe/Prague"}
                """)
                .post(TENANTS)
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("tenant.id", matchesPattern("[0-9a-f-]{36}"))
                .body("tenant.name", equalTo("Acme s.r.o."))
                .body("tenant.timeZone", equalTo("Europe/Prague"))
                .body("tenant.createdAt", notNullValue())
                .body("apiKey.id", matchesPattern("[0-9a-f-]{36}"))
                .body("apiKey.name", equalTo("admin"))
                .body("apiKey.scopes", equalTo(java.util.List.of("keys:admin", "surveys:read", "surveys:write",
                        "responses:write", "responses:read", "metrics:read", "journeys:read", "journeys:write",
                        "interactions:write")))
                .body("apiKey.state", equalTo("ACTIVE"))
                .body("apiKey.expiresAt", nullValue())
                .body("apiKey.revokedAt", nullValue())
                .body("apiKey.secret", matchesPattern("tsk_[0-9a-f]{24}_[A-Za-z0-9_-]{43}"))
                .extract();
        String secret = created.path("apiKey.secret");
        String prefix = created.path("apiKey.prefix");
        org.assertj.core.api.Assertions.assertThat(secret).startsWith(prefix + "_");

        // the key works, and listing keys never shows the secret again
        asTenant(secret).get("/api/v1/api-keys")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].prefix", equalTo(prefix))
                .body("items[0]", not(hasKey("secret")))
                .body(not(containsString(secret)));
    }

    @Test
    void refusesMissingOrWrongOperatorToken() {
        String body = """
                {"name": "Acme", "timeZone": "Europe/Prague"}
                """;
        problem(json(api(), body).post(TENANTS).then(), 401, "auth.credentials-missing", null)
                .header("WWW-Authenticate", containsString("Bearer"));
        problem(json(api().header("Authorization", "Bearer not-the-token"), body).post(TENANTS).then(),
                401, "auth.token-invalid", null)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body(not(containsString("not-the-token")));
    }

    @Test
    void aTenantKeyIsNoOperatorToken() {
        String tenantKey = newTenant().adminKey();
        problem(json(api().header("Authorization", "Bearer " + tenantKey), """
                {"name": "Acme", "timeZone": "Europe/Prague"}
                """).post(TENANTS).then(), 401, "auth.token-invalid", null)
                .body(not(containsString(tenantKey)));
        problem(json(asTenant(tenantKey), """
                {"name": "Acme", "timeZone": "Europe/Prague"}
                """).post(TENANTS).then(), 401, "auth.credentials-missing", null);
    }

    @Test
    void refusesInvalidTenantDefinitions() {
        problem(json(asOperator(), """
                {"name": "Acme", "timeZone": "Mars/Olympus"}
                """).post(TENANTS).then(), 400, "tenant.time-zone-invalid", "timeZone")
                .body("violations[0].field", equalTo("timeZone"))
                .body("violations[0].code", equalTo("tenant.time-zone-invalid"));
        problem(json(asOperator(), """
                {"name": "  ", "timeZone": "Europe/Prague"}
                """).post(TENANTS).then(), 400, "value.required", "name");
        problem(json(asOperator(), """
                {"name": "Acme", "timeZone": "Europe/Prague", "plan": "gold"}
                """).post(TENANTS).then(), 400, "request.unknown-field", "plan");
        problem(json(asOperator(), """
                {"name": 42, "timeZone": "Europe/Prague"}
                """).post(TENANTS).then(), 400, "request.wrong-type", "name");
        problem(json(asOperator(), """
                {"name": "Acme", "timeZone": "Europe/Prague"
                """).post(TENANTS).then(), 400, "request.malformed-json", null);
        problem(asOperator().contentType("application/json").post(TENANTS).then(),
                400, "request.body-required", null);
    }
}
