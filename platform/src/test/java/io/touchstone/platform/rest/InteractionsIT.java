package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.platform.support.StoredEvents;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InteractionsIT {

    static final String BATCH = "/api/v1/interactions/batch";
    static final String LIFECYCLE = "/api/v1/customer-lifecycle-events/batch";

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    Mutiny.SessionFactory sessions;

    private RestFixtures.Tenant tenant;
    private String key;
    private String journey;
    private String webShop;
    private String callCentre;

    @BeforeEach
    void journeyWithTouchpoints() {
        tenant = newTenant();
        key = tenant.adminKey();
        var created = json(asTenant(key), JourneysIT.ORDER_TO_DELIVERY).post(JourneysIT.JOURNEYS)
                .then().statusCode(201).extract();
        journey = created.path("id");
        webShop = created.path("stages[0].touchpoints[0].id");
        callCentre = created.path("stages[0].touchpoints[1].id");
    }

    static String now(long plusSeconds) {
        return Instant.now().plusSeconds(plusSeconds).truncatedTo(ChronoUnit.MICROS).toString();
    }

    static String event(String eventId, String touchpoint, String occurredAt, String outcome) {
        return """
                {"eventId": "%s", "touchpointId": "%s", "customerRef": "zákazník-42", "occurredAt": "%s",
                 "outcome": "%s", "durationMs": 95000, "employee": "agent-17", "team": "Tým Brno",
                 "location": "تهران", "attributes": {"queue": "billing"}}
                """.formatted(eventId, touchpoint, occurredAt, outcome);
    }

    static String batch(String... events) {
        StringJoiner joined = new StringJoiner(",", "{\"events\": [", "]}");
        for (String event : events) {
            joined.add(event);
        }
        return joined.toString();
    }

    private ValidatableResponse post(String body) {
        return json(asTenant(key), body).post(BATCH).then();
    }

    private List<String> stored() {
        return StoredEvents.interactionEventIds(unitOfWork, sessions, tenant.id());
    }

    @Test
    void aMixedBatchStoresTheValidEventsAndAnswersEachInOrder() {
        String at = now(0);
        String other = newTenant().adminKey();
        String othersTouchpoint = json(asTenant(other), JourneysIT.ORDER_TO_DELIVERY).post(JourneysIT.JOURNEYS)
                .then().statusCode(201).extract().path("stages[0].touchpoints[0].id");
        asTenant(key).post(JourneysIT.JOURNEYS + "/{id}/touchpoints/{touchpointId}/retire", journey, callCentre)
                .then().statusCode(200);

        post(batch(
                event("call-1", webShop, at, "COMPLETED"),
                event("call-2", webShop, at, "LOST"),
                event("call-3", "0190a5e0-0000-7000-8000-000000000000", at, "ABANDONED"),
                event("call-4", callCentre, at, "ABANDONED"),
                event("call-5", webShop, now(6 * 60), "COMPLETED"),
                event("call-6", webShop, "2020-01-01T00:00:00Z", "COMPLETED"),
                event("call-7", othersTouchpoint, at, "COMPLETED"),
                event("call-8", "not-a-uuid", at, "COMPLETED"),
                event("call-9", webShop, at, "ABANDONED")))
                .statusCode(200)
                .body("stored", equalTo(2))
                .body("duplicates", equalTo(0))
                .body("rejected", equalTo(7))
                .body("results.index", equalTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8)))
                .body("results.eventId", equalTo(List.of("call-1", "call-2", "call-3", "call-4", "call-5", "call-6",
                        "call-7", "call-8", "call-9")))
                .body("results.result", equalTo(List.of("STORED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "REJECTED", "REJECTED", "STORED")))
                .body("results[0].id", matchesPattern("[0-9a-f-]{36}"))
                .body("results[0].recordedAt", notNullValue())
                .body("results[0].error", nullValue())
                .body("results[1].id", nullValue())
                .body("results[1].error.status", equalTo(400))
                .body("results[1].error.code", equalTo("interaction.outcome-unknown"))
                .body("results[1].error.field", equalTo("outcome"))
                .body("results[1].error.violations[0].field", equalTo("outcome"))
                .body("results[1].error.detail", notNullValue())
                .body("results[2].error.status", equalTo(404))
                .body("results[2].error.code", equalTo("touchpoint.not-found"))
                .body("results[3].error.status", equalTo(422))
                .body("results[3].error.code", equalTo("touchpoint.retired"))
                .body("results[4].error.code", equalTo("interaction.occurred-in-future"))
                .body("results[4].error.field", equalTo("occurredAt"))
                .body("results[5].error.code", equalTo("interaction.before-tenant"))
                .body("results[6].error.code", equalTo("touchpoint.not-found"))
                .body("results[7].error.code", equalTo("touchpoint.not-found"));

        assertThat(stored()).containsExactly("call-1", "call-9");
    }

    @Test
    void aResentBatchIsAllDuplicatesAndOtherContentUnderAnEventIdIsAConflict() {
        String at = now(0);
        var first = post(batch(event("chat-1", webShop, at, "COMPLETED"), event("chat-2", webShop, at, "ABANDONED")))
                .statusCode(200).body("stored", equalTo(2)).extract();

        post(batch(event("chat-1", webShop, at, "COMPLETED"), event("chat-2", webShop, at, "ABANDONED"),
                event("chat-1", webShop, at, "ABANDONED")))
                .statusCode(200)
                .body("stored", equalTo(0))
                .body("duplicates", equalTo(2))
                .body("rejected", equalTo(1))
                .body("results.result", equalTo(List.of("DUPLICATE", "DUPLICATE", "REJECTED")))
                .body("results[0].id", equalTo(first.path("results[0].id")))
                .body("results[0].recordedAt", equalTo(first.path("results[0].recordedAt")))
                .body("results[1].id", equalTo(first.path("results[1].id")))
                .body("results[2].error.status", equalTo(409))
                .body("results[2].error.code", equalTo("interaction.event-conflict"));

        assertThat(stored()).containsExactly("chat-1", "chat-2");
    }

    @Test
    void aBatchOfMoreThan1000EventsIsRefusedWholeAnd1000AreTaken() {
        String at = now(0);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add("{\"eventId\": \"e-%04d\", \"touchpointId\": \"%s\", \"customerRef\": \"c\","
                    .formatted(i, webShop) + " \"occurredAt\": \"" + at + "\", \"outcome\": \"COMPLETED\"}");
        }

        problem(post(batch(events.toArray(String[]::new))), 400, "batch.too-large", "events");
        assertThat(stored()).isEmpty();

        post(batch(events.subList(0, 1000).toArray(String[]::new))).statusCode(200).body("stored", equalTo(1000));
        assertThat(stored()).hasSize(1000).doesNotHaveDuplicates();
    }

    @Test
    void malformedBodiesAndMissingScopesAreRefusedWhole() {
        problem(post("{\"events\": [{\"eventId\": \"x\", \"touchpointId\": \"%s\", \"occurredAt\": \"yesterday\"}]}"
                .formatted(webShop)), 400, "request.wrong-type", "events[0].occurredAt");
        problem(post("{\"events\": [], \"extra\": 1}"), 400, "request.unknown-field", "extra");
        problem(post("{}"), 400, "value.required", "events");
        post("{\"events\": []}").statusCode(200).body("results", equalTo(List.of()));

        String reader = keyWith(key, "journeys:read", "responses:write");
        problem(json(asTenant(reader), batch(event("x-1", webShop, now(0), "COMPLETED"))).post(BATCH).then(), 403,
                "auth.scope-missing", null);
        problem(json(asTenant(reader), "{\"events\": []}").post(LIFECYCLE).then(), 403, "auth.scope-missing", null);
        String writer = keyWith(key, "interactions:write");
        json(asTenant(writer), batch(event("x-2", webShop, now(0), "COMPLETED"))).post(BATCH).then()
                .statusCode(200).body("stored", equalTo(1));
        assertThat(stored()).containsExactly("x-2");
    }

    @Test
    void lifecycleEventsAreStoredOneByOneAndIdempotent() {
        String at = now(0);
        String body = """
                {"events": [
                  {"eventId": "act-1", "customerRef": "cust-1", "kind": "ACTIVATED", "occurredAt": "%1$s",
                   "attributes": {"plan": "pro"}},
                  {"eventId": "churn-1", "customerRef": "cust-1", "kind": "CHURNED", "occurredAt": "%1$s",
                   "reason": "přechod ke konkurenci"},
                  {"eventId": "act-2", "customerRef": "cust-2", "kind": "ACTIVATED", "occurredAt": "%1$s",
                   "reason": "why"},
                  {"eventId": "act-3", "customerRef": "cust-3", "kind": "PAUSED", "occurredAt": "%1$s"},
                  {"eventId": "act-4", "customerRef": "cust-4", "kind": "ACTIVATED", "occurredAt": "%2$s"}]}
                """.formatted(at, now(600));

        var first = json(asTenant(key), body).post(LIFECYCLE).then()
                .statusCode(200)
                .body("results.result", equalTo(List.of("STORED", "STORED", "REJECTED", "REJECTED", "REJECTED")))
                .body("results[2].error.code", equalTo("lifecycle.reason-not-allowed"))
                .body("results[2].error.field", equalTo("reason"))
                .body("results[3].error.code", equalTo("lifecycle.kind-unknown"))
                .body("results[4].error.code", equalTo("lifecycle.occurred-in-future"))
                .extract();

        json(asTenant(key), body.replace("přechod ke konkurenci", "cena")).post(LIFECYCLE).then()
                .statusCode(200)
                .body("results.result", equalTo(List.of("DUPLICATE", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED")))
                .body("results[0].id", equalTo(first.path("results[0].id")))
                .body("results[1].error.status", equalTo(409))
                .body("results[1].error.code", equalTo("lifecycle.event-conflict"));
        assertThat(StoredEvents.lifecycleEventIds(unitOfWork, sessions, tenant.id()))
                .containsExactly("act-1", "churn-1");
    }
}
