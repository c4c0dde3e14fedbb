package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.api;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeysIT {

    private static final String KEYS = "/api/v1/api-keys";

    @Test
    void createsKeyWithScopesAndExpiryAndShowsTheSecretOnce() {
        String admin = newTenant().adminKey();
        var created = json(asTenant(admin), """
                {"name": "CRM integration", "scopes": ["responses:write", "surveys:read"],
                 "expiresAt": "2099-01-01T00:00:00Z"}
                """)
                .post(KEYS)
                .then()
                .statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("name", equalTo("CRM integration"))
                .body("scopes", equalTo(List.of("surveys:read", "responses:write")))
                .body("prefix", matchesPattern("tsk_[0-9a-f]{24}"))
                .body("createdAt", notNullValue())
                .body("expiresAt", equalTo("2099-01-01T00:00:00Z"))
                .body("revokedAt", nullValue())
                .body("state", equalTo("ACTIVE"))
                .body("secret", matchesPattern("tsk_[0-9a-f]{24}_[A-Za-z0-9_-]{43}"))
                .extract();
        String id = created.path("id");
        String secret = created.path("secret");
        assertThat(secret).startsWith(created.<String>path("prefix") + "_");

        asTenant(admin).get(KEYS)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '%s' }.name".formatted(id), equalTo("CRM integration"))
                .body("items.find { it.id == '%s' }.state".formatted(id), equalTo("ACTIVE"))
                .body("items.find { it.id == '%s' }".formatted(id), not(hasKey("secret")))
                .body(not(containsString(secret.substring(secret.lastIndexOf('_') + 1))));

        // the new key works for what its scopes allow
        asTenant(secret).get("/api/v1/surveys").then().statusCode(200);
    }

    @Test
    void revokedKeyStopsWorkingAndRevokingTwiceIsFine() {
        String admin = newTenant().adminKey();
        var created = json(asTenant(admin), """
                {"name": "temporary", "scopes": ["surveys:read"]}
                """).post(KEYS).then().statusCode(201).extract();
        String id = created.path("id");
        String secret = created.path("secret");
        asTenant(secret).get("/api/v1/surveys").then().statusCode(200);

        String revokedAt = asTenant(admin).delete(KEYS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("state", equalTo("REVOKED"))
                .body("revokedAt", notNullValue())
                .body("$", not(hasKey("secret")))
                .extract().path("revokedAt");
        asTenant(admin).delete(KEYS + "/{id}", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("REVOKED"))
                .body("revokedAt", equalTo(revokedAt));

        problem(asTenant(secret).get("/api/v1/surveys").then(), 401, "auth.key-revoked", null)
                .header("WWW-Authenticate", containsString("X-API-Key"))
                .body(not(containsString(secret)));
        asTenant(admin).get(KEYS).then()
                .body("items.find { it.id == '%s' }.state".formatted(id), equalTo("REVOKED"));
    }

    @Test
    void expiredKeyStopsWorking() throws InterruptedException {
        String admin = newTenant().adminKey();
        Instant expiry = Instant.now().plus(Duration.ofSeconds(2)).truncatedTo(ChronoUnit.MILLIS);
        var created = json(asTenant(admin), """
                {"name": "short-lived", "scopes": ["surveys:read"], "expiresAt": "%s"}
                """.formatted(expiry)).post(KEYS).then().statusCode(201).extract();
        String secret = created.path("secret");
        asTenant(secret).get("/api/v1/surveys").then().statusCode(200);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 500);

        problem(asTenant(secret).get("/api/v1/surveys").then(), 401, "auth.key-expired", null)
                .body(not(containsString(secret)));
        asTenant(admin).get(KEYS).then()
                .body("items.find { it.id == '%s' }.state".formatted(created.<String>path("id")), equalTo("EXPIRED"));
    }

    @Test
    void refusesMissingAndUnknownKeys() {
        problem(api().get(KEYS).then(), 401, "auth.credentials-missing", null)
                .header("WWW-Authenticate", containsString("X-API-Key"));
        String forged = "tsk_0123456789abcdef01234567_" + "A".repeat(43);
        problem(asTenant(forged).get(KEYS).then(), 401, "auth.key-invalid", null)
                .body(not(containsString(forged)));
        problem(asTenant("not-a-key").get(KEYS).then(), 401, "auth.key-invalid", null)
                .body(not(containsString("not-a-key")));
        // a real key with one character changed
        String admin = newTenant().adminKey();
        String tampered = admin.substring(0, admin.length() - 1) + (admin.endsWith("A") ? "B" : "A");
        problem(asTenant(tampered).get(KEYS).then(), 401, "auth.key-invalid", null);
    }

    @Test
    void managingKeysNeedsTheKeysAdminScope() {
        String admin = newTenant().adminKey();
        String reader = keyWith(admin, "surveys:read", "responses:read", "metrics:read");
        problem(asTenant(reader).get(KEYS).then(), 403, "auth.scope-missing", null);
        problem(json(asTenant(reader), """
                {"name": "escalate", "scopes": ["keys:admin"]}
                """).post(KEYS).then(), 403, "auth.scope-missing", null);
        String someKey = asTenant(admin).get(KEYS).then().extract().path("items[0].id");
        problem(asTenant(reader).delete(KEYS + "/{id}", someKey).then(), 403, "auth.scope-missing", null);
        asTenant(admin).get(KEYS).then().body("items.size()", equalTo(2)).body("items.state",
                equalTo(List.of("ACTIVE", "ACTIVE")));
    }

    @Test
    void refusesInvalidKeyRequestsAndStoresNothing() {
        String admin = newTenant().adminKey();
        problem(json(asTenant(admin), """
                {"name": "x", "scopes": ["surveys:read", "surveys:delete"]}
                """).post(KEYS).then(), 400, "api-key.scope-unknown", "scopes[1]");
        problem(json(asTenant(admin), """
                {"name": "x", "scopes": []}
                """).post(KEYS).then(), 400, "api-key.scopes-required", "scopes");
        problem(json(asTenant(admin), """
                {"name": "x", "scopes": ["surveys:read"], "expiresAt": "2001-01-01T00:00:00Z"}
                """).post(KEYS).then(), 400, "api-key.expiry-in-past", "expiresAt");
        problem(json(asTenant(admin), """
                {"name": "x", "scopes": ["surveys:read"], "expiresAt": "next year"}
                """).post(KEYS).then(), 400, "request.wrong-type", "expiresAt");
        problem(json(asTenant(admin), """
                {"name": "x", "scopes": "surveys:read"}
                """).post(KEYS).then(), 400, "request.wrong-type", "scopes");
        problem(json(asTenant(admin), """
                {"name": "x", "scopes": ["surveys:read"], "role": "owner"}
                """).post(KEYS).then(), 400, "request.unknown-field", "role");
        problem(json(asTenant(admin), "{\"name\": \"x\", ").post(KEYS).then(), 400,
                "request.malformed-json", null);

        asTenant(admin).get(KEYS).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        String admin = newTenant().adminKey();
        problem(asTenant(admin).delete(KEYS + "/{id}", UUID.randomUUID()).then(), 404, "api-key.not-found", null);
        problem(asTenant(admin).delete(KEYS + "/{id}", "not-a-uuid").then(), 404, "api-key.not-found", null);
    }
}
