package io.touchstone.platform.isolation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * The second line of defence of the running service: data created through its API, read back through the service's
 * own unit of work and database connection with deliberately unfiltered SQL, shows a transaction only the rows of its
 * tenant and no rows without a tenant.
 */
@QuarkusTest
class RowLevelSecurityIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> TENANT_OWNED = List.of("api_key", "survey", "survey_version", "response",
            "answer", "journey", "journey_stage", "touchpoint");
    private static final String SURVEY = """
            {"defaultLanguage": "cs", "title": {"cs": "Spokojenost"},
             "questions": [{"id": "nps", "type": "NPS", "text": {"cs": "Doporučíte nás?"}}]}
            """;
    private static final String ANSWER = """
            {"language": "cs", "answers": [{"questionId": "nps", "score": 9}]}
            """;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void unfilteredSqlThroughTheServicesConnectionSeesOnlyTheTransactionsTenant() {
        TenantId a = tenantWithASurveyAndAResponse();
        TenantId b = tenantWithASurveyAndAResponse();

        assertThat(count(b, "select count(*) from pg_roles where rolname = current_user"
                + " and not rolsuper and not rolbypassrls and current_user = 'touchstone_app'")).isOne();
        for (String table : TENANT_OWNED) {
            assertThat(count(b, "select count(*) from " + table + " where tenant_id <> '" + b.value() + "'"))
                    .as("rows of other tenants in %s, for tenant B", table).isZero();
            assertThat(count(b, "select count(*) from " + table)).as("rows of %s, for tenant B", table).isPositive();
            assertThat(count(a, "select count(*) from " + table + " where tenant_id = '" + a.value() + "'"))
                    .as("rows of %s, for tenant A", table).isPositive();
            assertThat(countWithoutTenant("select count(*) from " + table)).as("rows of %s, no tenant", table)
                    .isZero();
        }
        assertThat(count(b, "select count(*) from tenant")).isOne();
        assertThat(countWithoutTenant("select count(*) from tenant")).isZero();
    }

    private static TenantId tenantWithASurveyAndAResponse() {
        var created = json(given().header("Authorization", "Bearer test-operator-token"), """
                {"name": "Tenant %s", "timeZone": "Europe/Prague"}
                """.formatted(UUID.randomUUID()))
                .post("/api/v1/admin/tenants").then().statusCode(201).extract();
        String key = created.path("apiKey.secret");
        String survey = json(given().header("X-API-Key", key), SURVEY)
                .post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        given().header("X-API-Key", key).post("/api/v1/surveys/{id}/publish", survey).then().statusCode(200);
        json(given().header("X-API-Key", key).header("Idempotency-Key", "first"), ANSWER)
                .post("/api/v1/surveys/{id}/responses", survey).then().statusCode(201);
        json(given().header("X-API-Key", key), """
                {"name": "Objednávka", "stages": [{"name": "Doručení", "touchpoints": [{"name": "SMS", "channel": "SMS"}]}]}
                """).post("/api/v1/journeys").then().statusCode(201);
        return new TenantId(UUID.fromString(created.path("tenant.id")));
    }

    private static RequestSpecification json(RequestSpecification request, String json) {
        return request.accept(ContentType.JSON).contentType(ContentType.JSON)
                .body(json.getBytes(StandardCharsets.UTF_8));
    }

    private long count(TenantId tenant, String sql) {
        return unitOfWork.transactionally(tenant, () -> sessions.withSession(session -> session
                .createNativeQuery(sql, Long.class).getSingleResult())).await().atMost(TIMEOUT);
    }

    private long countWithoutTenant(String sql) {
        return unitOfWork.transactionallyWithoutTenant(() -> sessions.withSession(session -> session
                .createNativeQuery(sql, Long.class).getSingleResult())).await().atMost(TIMEOUT);
    }
}
