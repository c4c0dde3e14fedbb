package io.touchstone.domain.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LifecycleEventTest {

    private static final TenantId TENANT = new TenantId(UUID.fromString("0190a5e0-0000-7000-8000-000000000001"));
    private static final LifecycleEventId ID =
            new LifecycleEventId(UUID.fromString("0190a5e0-4444-7000-8000-000000000004"));
    private static final Instant CREATED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aChurnKeepsItsReasonAndSegments() {
        LifecycleEventContent content = LifecycleEventContent.of("churn-1", "cust-1", "CHURNED", NOW,
                "přechod ke konkurenci", Map.of("plan", "pro"));

        LifecycleEvent event = LifecycleEvent.accept(ID, TENANT, content, CREATED, NOW);

        assertThat(event.content().kind()).isEqualTo(LifecycleKind.CHURNED);
        assertThat(event.content().reasonIfGiven()).contains("přechod ke konkurenci");
        assertThat(event.content().attributes()).containsExactly(Map.entry("plan", "pro"));
        assertThat(event.recordedAt()).isEqualTo(NOW);
    }

    @Test
    void onlyAChurnHasAReasonOfAtMost500Characters() {
        assertThatThrownBy(() -> LifecycleEventContent.of("a-1", "c", "ACTIVATED", NOW, "why", null))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.violations())
                        .extracting(v -> v.field(), v -> v.code())
                        .containsExactly(tuple("reason", "lifecycle.reason-not-allowed")));
        assertThat(LifecycleEventContent.of("c-1", "c", "CHURNED", NOW, "r".repeat(500), null).reason()).hasSize(500);
        assertThatThrownBy(() -> LifecycleEventContent.of("c-1", "c", "CHURNED", NOW, "r".repeat(501), null))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.violations())
                        .extracting(v -> v.field(), v -> v.code())
                        .containsExactly(tuple("reason", "value.too-long")));
    }

    @Test
    void namesEveryProblemWithItsField() {
        assertThatThrownBy(() -> LifecycleEventContent.of(null, " ", "PAUSED", null, null, Map.of("", "x")))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.violations())
                        .extracting(v -> v.field(), v -> v.code())
                        .containsExactlyInAnyOrder(
                                tuple("eventId", "event.id-invalid"),
                                tuple("customerRef", "value.required"),
                                tuple("kind", "lifecycle.kind-unknown"),
                                tuple("occurredAt", "value.required"),
                                tuple("attributes", "attributes.key-invalid")));
    }

    @Test
    void theClockRulesOfInteractionsHoldWithTheirOwnCodes() {
        assertThatThrownBy(() -> LifecycleEvent.accept(ID, TENANT, LifecycleEventContent.of("a", "c", "ACTIVATED",
                NOW.plusSeconds(301), null, null), CREATED, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.code())
                        .isEqualTo("lifecycle.occurred-in-future"));
        assertThatThrownBy(() -> LifecycleEvent.accept(ID, TENANT, LifecycleEventContent.of("a", "c", "ACTIVATED",
                CREATED.minusSeconds(1), null, null), CREATED, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.code())
                        .isEqualTo("lifecycle.before-tenant"));
    }

    @Test
    void aRetryIsTheSameEventOnlyWithTheSameContent() {
        LifecycleEvent stored = LifecycleEvent.accept(ID, TENANT,
                LifecycleEventContent.of("c-1", "c", "CHURNED", NOW, "price", null), CREATED, NOW);

        stored.checkRetry(LifecycleEventContent.of("c-1", "c", "CHURNED", NOW, "price", Map.of()));
        assertThatThrownBy(() -> stored.checkRetry(LifecycleEventContent.of("c-1", "c", "CHURNED", NOW, "service",
                null)))
                .isInstanceOfSatisfying(Conflict.class, conflict -> assertThat(conflict.code())
                        .isEqualTo("lifecycle.event-conflict"));
        assertThatThrownBy(() -> stored.checkRetry(LifecycleEventContent.of("c-1", "c", "CHURNED", NOW, null, null)))
                .isInstanceOf(Conflict.class);
    }
}
