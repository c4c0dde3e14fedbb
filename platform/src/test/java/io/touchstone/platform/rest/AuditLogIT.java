package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.api;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static io.touchstone.platform.rest.RestFixtures.publishedSurvey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit log through REST: one entry per administrative action, newest first, read only. */
@QuarkusTest
class AuditLogIT {

    private static final String AUDIT = "/api/v1/audit-events";

    @Test
    void recordsWhoDidWhatWhenAndFromWhereForEveryAdministrativeAction() {
        Instant before = Instant.now().minusSeconds(1);
        RestFixtures.Tenant tenant = newTenant();
        String adminKeyId = asTenant(tenant.adminKey()).get("/api/v1/api-keys").then().extract().path("items[0].id");
        String newKeyId = json(asTenant(tenant.adminKey()), """
                {"name": "ci", "scopes": ["surveys:read"]}
                """).post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
        asTenant(tenant.adminKey()).delete("/api/v1/api-keys/{id}", newKeyId).then().statusCode(200);
        String surveyId = publishedSurvey(tenant.adminKey());

        JsonPath log = asTenant(tenant.adminKey()).get(AUDIT).then().statusCode(200)
                .body("nextCursor", nullValue())
                .body("items.remoteAddress", everyItem(equalTo("127.0.0.1")))
                .body("items.id", everyItem(notNullValue()))
                .extract().jsonPath();

        assertThat(log.getList("items.action")).containsExactly("survey.published", "api-key.revoked",
                "api-key.created", "tenant.created");
        assertThat(log.getList("items.targetId")).containsExactly(surveyId, newKeyId, newKeyId, tenant.id());
        String admin = "api-key:" + adminKeyId;
        assertThat(log.getList("items.principal")).containsExactly(admin, admin, admin, "operator");
        List<Instant> times = log.getList("items.occurredAt", String.class).stream().map(Instant::parse).toList();
        assertThat(times).allSatisfy(t -> assertThat(t).isBetween(before, Instant.now()));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void pagesNewestFirstWithACursor() {
        RestFixtures.Tenant tenant = newTenant();
        for (int i = 0; i < 3; i++) {
            keyWith(tenant.adminKey(), "surveys:read");
        }

        JsonPath first = asTenant(tenant.adminKey()).queryParam("limit", 3).get(AUDIT).then().statusCode(200)
                .body("items.action", equalTo(List.of("api-key.created", "api-key.created", "api-key.created")))
                .extract().jsonPath();
        asTenant(tenant.adminKey()).queryParam("limit", 3).queryParam("cursor", first.getString("nextCursor"))
                .get(AUDIT).then().statusCode(200)
                .body("items.action", equalTo(List.of("tenant.created")))
                .body("nextCursor", nullValue());

        problem(asTenant(tenant.adminKey()).queryParam("cursor", "not-a-cursor").get(AUDIT).then(), 400,
                "page.cursor-invalid", "cursor");
        problem(asTenant(tenant.adminKey()).queryParam("limit", 0).get(AUDIT).then(), 400,
                "page.limit-out-of-range", "limit");
    }

    @Test
    void aRefusedActionRecordsNothing() {
        RestFixtures.Tenant tenant = newTenant();
        String surveyId = publishedSurvey(tenant.adminKey());
        String reader = keyWith(tenant.adminKey(), "surveys:read");
        List<Object> recorded = actions(tenant.adminKey());

        problem(asTenant(tenant.adminKey()).delete("/api/v1/api-keys/{id}", UUID.randomUUID()).then(), 404,
                "api-key.not-found", null);
        problem(asTenant(tenant.adminKey()).post("/api/v1/surveys/{id}/publish", surveyId).then(), 422,
                "survey.already-published", null);
        problem(json(asTenant(reader), """
                {"name": "sneaky", "scopes": ["keys:admin"]}
                """).post("/api/v1/api-keys").then(), 403, "auth.scope-missing", null);
        problem(json(asTenant(tenant.adminKey()), """
                {"name": "bad", "scopes": ["surveys:delete"]}
                """).post("/api/v1/api-keys").then(), 400, "api-key.scope-unknown", "scopes[0]");

        assertThat(actions(tenant.adminKey())).isEqualTo(recorded);
    }

    @Test
    void readingNeedsTheKeysAdminScope() {
        RestFixtures.Tenant tenant = newTenant();

        problem(asTenant(keyWith(tenant.adminKey(), "surveys:read", "responses:read", "metrics:read"))
                .get(AUDIT).then(), 403, "auth.scope-missing", null);
        problem(api().get(AUDIT).then(), 401, "auth.credentials-missing", null);
    }

    @Test
    void entriesCannotBeChangedNorRemoved() {
        RestFixtures.Tenant tenant = newTenant();
        String eventId = asTenant(tenant.adminKey()).get(AUDIT).then().extract().path("items[0].id");

        asTenant(tenant.adminKey()).delete(AUDIT).then().statusCode(405);
        json(asTenant(tenant.adminKey()), "{}").put(AUDIT).then().statusCode(405);
        json(asTenant(tenant.adminKey()), "{}").post(AUDIT).then().statusCode(405);
        asTenant(tenant.adminKey()).delete(AUDIT + "/{id}", eventId).then().statusCode(404);

        asTenant(tenant.adminKey()).get(AUDIT).then().statusCode(200)
                .body("items.id", equalTo(List.of(eventId)));
    }

    private static List<Object> actions(String adminKey) {
        return asTenant(adminKey).queryParam("limit", 100).get(AUDIT).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }
}
