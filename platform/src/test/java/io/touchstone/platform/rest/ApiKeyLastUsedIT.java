package io.touchstone.platform.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.touchstone.application.service.ApiKeyUsage;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key list shows when each key was last used, stored in batches rather than on every request. */
@QuarkusTest
class ApiKeyLastUsedIT {

    @Inject
    ApiKeyUsage usage;

    @Test
    void lastUseAppearsOnceFlushedAndNotBefore() {
        Instant before = Instant.now();
        String admin = given().contentType(ContentType.JSON).header("Authorization", "Bearer test-operator-token")
                .body(Map.of("name", "Used", "timeZone", "UTC")).post("/api/v1/admin/tenants")
                .then().statusCode(201).extract().path("apiKey.secret");

        String unflushed = given().header("X-API-Key", admin).get("/api/v1/api-keys")
                .then().statusCode(200).extract().path("items[0].lastUsedAt");
        assertThat(unflushed).as("no write on the request path").isNull();

        usage.flush().await().atMost(Duration.ofSeconds(10));

        String flushed = given().header("X-API-Key", admin).get("/api/v1/api-keys")
                .then().statusCode(200).extract().path("items[0].lastUsedAt");
        assertThat(Instant.parse(flushed)).isBetween(before, Instant.now());
    }
}
