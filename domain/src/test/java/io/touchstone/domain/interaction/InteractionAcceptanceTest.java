package io.touchstone.domain.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionAcceptanceTest {

    private static final TenantId TENANT = new TenantId(UUID.fromString("0190a5e0-0000-7000-8000-000000000001"));
    private static final UUID TOUCHPOINT = UUID.fromString("0190a5e0-2222-7000-8000-000000000002");
    private static final InteractionId ID = new InteractionId(UUID.fromString("0190a5e0-3333-7000-8000-000000000003"));
    private static final Instant CREATED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static InteractionContent call(String eventId, Instant occurredAt) {
        return InteractionContent.of(eventId, TOUCHPOINT, "cust-7f3a", occurredAt, "ABANDONED",
                Duration.ofSeconds(95), "agent-17", "Tým Brno", "Praha 1", Map.of("queue", "billing"));
    }

    @Test
    void acceptsACompleteReportAndKeepsEveryField() {
        InteractionContent content = call("call-1", NOW.minusSeconds(60));

        Interaction interaction = Interaction.accept(ID, TENANT, content, TouchpointStatus.ACTIVE, CREATED, NOW);

        assertThat(interaction.id()).isEqualTo(ID);
        assertThat(interaction.tenantId()).isEqualTo(TENANT);
        assertThat(interaction.recordedAt()).isEqualTo(NOW);
        assertThat(interaction.eventId()).isEqualTo(new EventId("call-1"));
        InteractionContent kept = interaction.content();
        assertThat(kept.touchpoint()).isEqualTo(new TouchpointId(TOUCHPOINT));
        assertThat(kept.customer().value()).isEqualTo("cust-7f3a");
        assertThat(kept.occurredAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(kept.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(kept.duration()).isEqualTo(Duration.ofSeconds(95));
        assertThat(kept.employee().value()).isEqualTo("agent-17");
        assertThat(kept.team().value()).isEqualTo("Tým Brno");
        assertThat(kept.location().value()).isEqualTo("Praha 1");
        assertThat(kept.attributes()).containsExactly(Map.entry("queue", "billing"));
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        InteractionContent content = InteractionContent.of("chat-1", TOUCHPOINT, "c", NOW, "COMPLETED", null, null,
                null, null, null);

        assertThat(content.durationIfKnown()).isEmpty();
        assertThat(content.employee()).isNull();
        assertThat(content.team()).isNull();
        assertThat(content.location()).isNull();
        assertThat(content.attributes()).isEmpty();
    }

    @Test
    void namesEveryProblemOfAReportWithItsField() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("bad key", "x");
        attributes.put("note", "y".repeat(501));
        attributes.put("empty", null);

        assertThatThrownBy(() -> InteractionContent.of("has space", null, "line\nbreak", null, "LOST",
                Duration.ofHours(25), "", "t".repeat(129), "ok", attributes))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.violations())
                        .extracting(v -> v.field(), v -> v.code())
                        .containsExactlyInAnyOrder(
                                tuple("eventId", "event.id-invalid"),
                                tuple("touchpointId", "value.required"),
                                tuple("customerRef", "value.control-character"),
                                tuple("occurredAt", "value.required"),
                                tuple("outcome", "interaction.outcome-unknown"),
                                tuple("duration", "interaction.duration-out-of-range"),
                                tuple("employee", "value.required"),
                                tuple("team", "value.too-long"),
                                tuple("attributes", "attributes.key-invalid"),
                                tuple("attributes.note", "value.too-long"),
                                tuple("attributes.empty", "value.required")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 128})
    void eventIdsHaveOneTo128VisibleAsciiCharacters(int extra) {
        String id = "e" + "x".repeat(Math.max(0, extra - 1));
        assertThat(new EventId(id).value()).isEqualTo(id);
        assertThatThrownBy(() -> new EventId("x".repeat(129))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new EventId("")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new EventId("čáp")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void moreThanFiftyAttributesAreRefused() {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            attributes.put("k" + i, "v");
        }
        assertThatThrownBy(() -> InteractionContent.of("e", TOUCHPOINT, "c", NOW, "COMPLETED", null, null, null,
                null, attributes))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.code())
                        .isEqualTo("attributes.too-many"));
    }

    @Test
    void aDurationOfZeroAndOfExactly24HoursIsAccepted() {
        for (Duration duration : new Duration[] {Duration.ZERO, Duration.ofHours(24)}) {
            assertThat(InteractionContent.of("e", TOUCHPOINT, "c", NOW, "COMPLETED", duration, null, null, null,
                    null).duration()).isEqualTo(duration);
        }
        assertThatThrownBy(() -> InteractionContent.of("e", TOUCHPOINT, "c", NOW, "COMPLETED",
                Duration.ofSeconds(-1), null, null, null, null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void fiveMinutesOfClockSkewAreToleratedAndOneMicrosecondMoreIsNot() {
        Instant limit = NOW.plus(EventTimes.MAX_CLOCK_SKEW);
        assertThat(Interaction.accept(ID, TENANT, call("e", limit), TouchpointStatus.ACTIVE, CREATED, NOW)
                .content().occurredAt()).isEqualTo(limit);

        assertThatThrownBy(() -> Interaction.accept(ID, TENANT, call("e", limit.plusNanos(1_000)),
                TouchpointStatus.ACTIVE, CREATED, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> {
                    assertThat(invalid.code()).isEqualTo("interaction.occurred-in-future");
                    assertThat(invalid.violations().getFirst().field()).isEqualTo("occurredAt");
                });
    }

    @Test
    void anInteractionBeforeTheTenantWasCreatedIsRefused() {
        assertThat(Interaction.accept(ID, TENANT, call("e", CREATED), TouchpointStatus.ACTIVE, CREATED, NOW))
                .isNotNull();
        assertThatThrownBy(() -> Interaction.accept(ID, TENANT, call("e", CREATED.minusNanos(1_000)),
                TouchpointStatus.ACTIVE, CREATED, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> {
                    assertThat(invalid.code()).isEqualTo("interaction.before-tenant");
                    assertThat(invalid.violations().getFirst().field()).isEqualTo("occurredAt");
                });
    }

    @Test
    void aRetiredTouchpointTakesNoNewInteractions() {
        assertThatThrownBy(() -> Interaction.accept(ID, TENANT, call("e", NOW), TouchpointStatus.RETIRED, CREATED,
                NOW))
                .isInstanceOfSatisfying(RuleViolated.class, violated -> assertThat(violated.code())
                        .isEqualTo("touchpoint.retired"));
    }

    @Test
    void aRetryWithTheSameContentIsTheSameEventWhateverTheOrderOfItsAttributes() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        Instant at = Instant.parse("2026-11-30T11:59:00.123456789Z");
        Interaction stored = Interaction.accept(ID, TENANT, InteractionContent.of("e", TOUCHPOINT, "c", at,
                "COMPLETED", null, null, null, null, ab), TouchpointStatus.ACTIVE, CREATED, NOW);

        // kept to the microsecond, as stored: a retry with the nanoseconds still equals what the database returns
        assertThat(stored.content().occurredAt()).isEqualTo(Instant.parse("2026-11-30T11:59:00.123456Z"));
        stored.checkRetry(InteractionContent.of("e", TOUCHPOINT, "c", at, "COMPLETED", null, null, null, null, ba));
    }

    @Test
    void aRetryWithOtherContentInAnyFieldIsAConflict() {
        Interaction stored = Interaction.accept(ID, TENANT, call("e", NOW), TouchpointStatus.ACTIVE, CREATED, NOW);
        InteractionContent same = call("e", NOW);
        InteractionContent[] others = {
                new InteractionContent(same.eventId(), new TouchpointId(UUID.randomUUID()), same.customer(),
                        same.occurredAt(), same.outcome(), same.duration(), same.employee(), same.team(),
                        same.location(), same.attributes()),
                new InteractionContent(same.eventId(), same.touchpoint(), new CustomerRef("other"), same.occurredAt(),
                        same.outcome(), same.duration(), same.employee(), same.team(), same.location(),
                        same.attributes()),
                call("e", NOW.minusNanos(1_000)),
                new InteractionContent(same.eventId(), same.touchpoint(), same.customer(), same.occurredAt(),
                        Outcome.COMPLETED, same.duration(), same.employee(), same.team(), same.location(),
                        same.attributes()),
                new InteractionContent(same.eventId(), same.touchpoint(), same.customer(), same.occurredAt(),
                        same.outcome(), null, same.employee(), same.team(), same.location(), same.attributes()),
                new InteractionContent(same.eventId(), same.touchpoint(), same.customer(), same.occurredAt(),
                        same.outcome(), same.duration(), null, same.team(), same.location(), same.attributes()),
                new InteractionContent(same.eventId(), same.touchpoint(), same.customer(), same.occurredAt(),
                        same.outcome(), same.duration(), same.employee(), new StaffRef("x"), same.location(),
                        same.attributes()),
                new InteractionContent(same.eventId(), same.touchpoint(), same.customer(), same.occurredAt(),
                        same.outcome(), same.duration(), same.employee(), same.team(), null, same.attributes()),
                new InteractionContent(same.eventId(), same.touchpoint(), same.customer(), same.occurredAt(),
                        same.outcome(), same.duration(), same.employee(), same.team(), same.location(), Map.of())};

        stored.checkRetry(same);
        for (InteractionContent other : others) {
            assertThatThrownBy(() -> stored.checkRetry(other))
                    .isInstanceOfSatisfying(Conflict.class, conflict -> assertThat(conflict.code())
                            .isEqualTo("interaction.event-conflict"));
        }
    }
}
