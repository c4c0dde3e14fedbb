package io.touchstone.platform.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** With the Keycloak admin API out of reach, no tenant is created at all. */
@QuarkusTest
@WithTestResource(UnreachableKeycloak.class)
class UnreachableIdentityProviderIT {

    @Test
    void provisioningAnswers503AndStoresNoTenant() throws SQLException {
        String name = "Unreachable " + UUID.randomUUID();

        given().accept(ContentType.JSON).header("Authorization", "Bearer test-operator-token")
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "timeZone": "Europe/Prague"}
                        """.formatted(name).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("identity.unavailable"))
                .body("status", equalTo(503));

        assertThat(tenantsNamed(name)).isZero();
    }

    /** Counted as the owner of the schema, which row-level security does not hold back (a superuser here). */
    private static int tenantsNamed(String name) throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String owner = config.getValue("quarkus.flyway.username", String.class);
        try (var connection = DriverManager.getConnection(url, owner, null);
                var query = connection.prepareStatement("select count(*) from tenant where name = ?")) {
            query.setString(1, name);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
