package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.api;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api-keys/{id}/rotate: a new key with the same name and scopes; the old one works for the overlap only. */
@QuarkusTest
class ApiKeyRotationIT {

    @Test
    void bothKeysWorkDuringTheOverlapAndTheRotationIsAudited() {
        RestFixtures.Tenant tenant = newTenant();
        JsonPath old = json(asTenant(tenant.adminKey()), """
                {"name": "CRM", "scopes": ["surveys:read", "metrics:read"], "expiresAt": "2099-01-01T00:00:00Z"}
                """).post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath();
        Instant before = Instant.now();

        JsonPath rotated = json(asTenant(tenant.adminKey()), """
                {"overlapSeconds": 3600}
                """).post("/api/v1/api-keys/{id}/rotate", old.getString("id")).then().statusCode(201)
                .body("apiKey.name", equalTo("CRM"))
                .body("apiKey.scopes", equalTo(List.of("surveys:read", "metrics:read")))
                .body("apiKey.expiresAt", equalTo("2099-01-01T00:00:00Z"))
                .body("apiKey.state", equalTo("ACTIVE"))
                .body("apiKey.secret", startsWith("tsk_"))
                .body("previous.id", equalTo(old.getString("id")))
                .body("previous.state", equalTo("ACTIVE"))
                .extract().jsonPath();

        assertThat(rotated.getString("apiKey.id")).isNotEqualTo(old.getString("id"));
        Instant previousExpiry = Instant.parse(rotated.getString("previous.expiresAt"));
        assertThat(previousExpiry).isBetween(before.plus(Duration.ofHours(1)).minusSeconds(1),
                Instant.now().plus(Duration.ofHours(1)));
        asTenant(old.getString("secret")).get("/api/v1/surveys").then().statusCode(200);
        asTenant(rotated.getString("apiKey.secret")).get("/api/v1/surveys").then().statusCode(200);
        asTenant(tenant.adminKey()).get("/api/v1/audit-events").then().statusCode(200)
                .body("items[0].action", equalTo("api-key.rotated"))
                .body("items[0].targetId", equalTo(old.getString("id")));
    }

    @Test
    void withoutAnOverlapItIsADay() {
        RestFixtures.Tenant tenant = newTenant();
        String id = json(asTenant(tenant.adminKey()), """
                {"name": "CRM", "scopes": ["surveys:read"]}
                """).post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
        Instant before = Instant.now();

        String expiry = json(asTenant(tenant.adminKey()), "{}").post("/api/v1/api-keys/{id}/rotate", id).then().statusCode(201)
                .body("apiKey.expiresAt", equalTo(null))
                .extract().path("previous.expiresAt");

        assertThat(Instant.parse(expiry)).isBetween(before.plus(Duration.ofHours(24)).minusSeconds(1),
                Instant.now().plus(Duration.ofHours(24)));
    }

    @Test
    void refusedRotationsChangeNothing() {
        RestFixtures.Tenant tenant = newTenant();
        String id = json(asTenant(tenant.adminKey()), """
                {"name": "CRM", "scopes": ["surveys:read"]}
                """).post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
        RestFixtures.Tenant other = newTenant();

        problem(json(asTenant(tenant.adminKey()), """
                {"overlapSeconds": 604801}
                """).post("/api/v1/api-keys/{id}/rotate", id).then(), 400, "api-key.overlap-out-of-range",
                "overlapSeconds");
        problem(json(asTenant(other.adminKey()), "{}").post("/api/v1/api-keys/{id}/rotate", id).then(), 404,
                "api-key.not-found", null);
        problem(json(asTenant(tenant.adminKey()), "{}").post("/api/v1/api-keys/{id}/rotate", UUID.randomUUID()).then(), 404,
                "api-key.not-found", null);
        asTenant(tenant.adminKey()).delete("/api/v1/api-keys/{id}", id).then().statusCode(200);
        problem(json(asTenant(tenant.adminKey()), "{}").post("/api/v1/api-keys/{id}/rotate", id).then(), 422,
                "api-key.not-active", null);
        problem(json(api(), "{}").post("/api/v1/api-keys/{id}/rotate", id).then(), 401, "auth.credentials-missing", null);

        asTenant(tenant.adminKey()).get("/api/v1/api-keys").then().statusCode(200)
                .body("items.name", equalTo(List.of("admin", "CRM")))
                .body("items[1].expiresAt", equalTo(null));
        asTenant(tenant.adminKey()).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", equalTo(List.of("api-key.revoked", "api-key.created", "tenant.created")));
    }
}
