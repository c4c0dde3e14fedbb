package io.touchstone.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.Forbidden;
import io.touchstone.application.fake.InMemoryInteractionRepository;
import io.touchstone.application.fake.InMemoryTenantRepository;
import io.touchstone.application.fake.InMemoryTouchpointsForInteractions;
import io.touchstone.application.fake.InMemoryUnitOfWork;
import io.touchstone.application.fake.TestClock;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.EventResult;
import io.touchstone.application.port.in.RecordInteractionsUseCase.InteractionInput;
import io.touchstone.application.port.out.Touchpoints;
import io.touchstone.application.port.out.Touchpoints.TouchpointRef;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.Outcome;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InteractionRecordingServiceTest {

    private static final Instant CREATED = Instant.parse("2026-06-01T08:00:00.000001Z");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final TestClock clock = new TestClock(CREATED.plus(Duration.ofDays(30)));
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final InMemoryInteractionRepository interactions = new InMemoryInteractionRepository();
    private final InMemoryTouchpointsForInteractions touchpoints = new InMemoryTouchpointsForInteractions();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(tenants, interactions);
    private final InteractionRecordingService service =
            new InteractionRecordingService(interactions, touchpoints, tenants, unitOfWork, clock);

    private TenantId tenant;
    private TenantId other;
    private Caller caller;
    private TouchpointId callCentre;
    private TouchpointId retired;
    private TouchpointId othersTouchpoint;

    @BeforeEach
    void tenantsAndTouchpoints() {
        tenant = new TenantId(UUID.randomUUID());
        other = new TenantId(UUID.randomUUID());
        await(tenants.add(Tenant.create(tenant, "Acme", "Europe/Prague", CREATED)));
        await(tenants.add(Tenant.create(other, "Other", "Europe/Prague", CREATED)));
        caller = new Caller.Tenant(tenant, java.util.Set.of(Scope.INTERACTIONS_WRITE), "test");
        callCentre = touchpoint(tenant, TouchpointStatus.ACTIVE);
        retired = touchpoint(tenant, TouchpointStatus.RETIRED);
        othersTouchpoint = touchpoint(other, TouchpointStatus.ACTIVE);
    }

    private TouchpointId touchpoint(TenantId owner, TouchpointStatus status) {
        TouchpointId id = new TouchpointId(UUID.randomUUID());
        touchpoints.put(owner, new TouchpointRef(id, new JourneyId(UUID.randomUUID()), new StageId(UUID.randomUUID()),
                Channel.PHONE, status));
        return id;
    }

    private InteractionInput call(String eventId, TouchpointId at) {
        return new InteractionInput(eventId, at.toString(), "cust-1", clock.instant().minusSeconds(30), "ABANDONED",
                Duration.ofSeconds(40), "agent-1", "team-a", "Brno", Map.of("queue", "billing"));
    }

    private InteractionInput withOccurredAt(InteractionInput input, Instant occurredAt) {
        return new InteractionInput(input.eventId(), input.touchpointId(), input.customerRef(), occurredAt,
                input.outcome(), input.duration(), input.employee(), input.team(), input.location(),
                input.attributes());
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private static void assertRejected(EventResult<Interaction> result, Class<?> type, String code, String field) {
        assertThat(result).isInstanceOfSatisfying(EventResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isInstanceOf(type);
            assertThat(rejected.reason().code()).isEqualTo(code);
            if (field != null) {
                assertThat(((InvalidValue) rejected.reason()).violations().getFirst().field()).isEqualTo(field);
            }
        });
    }

    @Test
    void storesAnEventWithEveryFieldAndAnswersStored() {
        EventResult<Interaction> result = await(service.recordOne(caller, call("call-1", callCentre)));

        assertThat(result).isInstanceOf(EventResult.Stored.class);
        assertThat(result.eventId()).isEqualTo("call-1");
        Interaction stored = ((EventResult.Stored<Interaction>) result).event();
        assertThat(stored.tenantId()).isEqualTo(tenant);
        assertThat(stored.recordedAt()).isEqualTo(clock.instant());
        assertThat(stored.content().touchpoint()).isEqualTo(callCentre);
        assertThat(stored.content().outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(interactions.all()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(stored.id());
            assertThat(i.content()).isEqualTo(stored.content());
        });
    }

    @Test
    void aMixedBatchStoresTheValidEventsAndAnswersEveryEventInOrder() {
        List<InteractionInput> batch = List.of(
                call("ok-1", callCentre),
                new InteractionInput("bad-1", callCentre.toString(), "cust", clock.instant(), "LOST", null, null,
                        null, null, null),
                call("unknown-1", new TouchpointId(UUID.randomUUID())),
                call("retired-1", retired),
                withOccurredAt(call("future-1", callCentre), clock.instant().plus(Duration.ofMinutes(6))),
                withOccurredAt(call("early-1", callCentre), CREATED.minusSeconds(1)),
                new InteractionInput("malformed-1", "not-a-uuid", "cust", clock.instant(), "COMPLETED", null, null,
                        null, null, null),
                call("theirs-1", othersTouchpoint),
                call("ok-2", callCentre));

        List<EventResult<Interaction>> results = await(service.record(caller, batch));

        assertThat(results).extracting(EventResult::eventId).containsExactly("ok-1", "bad-1", "unknown-1",
                "retired-1", "future-1", "early-1", "malformed-1", "theirs-1", "ok-2");
        assertThat(results.get(0)).isInstanceOf(EventResult.Stored.class);
        assertRejected(results.get(1), InvalidValue.class, "interaction.outcome-unknown", "outcome");
        assertRejected(results.get(2), NotFound.class, "touchpoint.not-found", null);
        assertRejected(results.get(3), RuleViolated.class, "touchpoint.retired", null);
        assertRejected(results.get(4), InvalidValue.class, "interaction.occurred-in-future", "occurredAt");
        assertRejected(results.get(5), InvalidValue.class, "interaction.before-tenant", "occurredAt");
        assertRejected(results.get(6), NotFound.class, "touchpoint.not-found", null);
        assertRejected(results.get(7), NotFound.class, "touchpoint.not-found", null);
        assertThat(results.get(8)).isInstanceOf(EventResult.Stored.class);
        assertThat(interactions.all()).extracting(i -> i.eventId().value()).containsExactlyInAnyOrder("ok-1", "ok-2");
    }

    @Test
    void aRetryWithTheSameContentIsADuplicateAndStoresNothing() {
        Interaction first = ((EventResult.Stored<Interaction>) await(service.recordOne(caller,
                call("call-1", callCentre)))).event();
        clock.advance(Duration.ofMinutes(1));
        InteractionInput retry = new InteractionInput("call-1", callCentre.toString(), "cust-1",
                first.content().occurredAt(), "ABANDONED", Duration.ofSeconds(40), "agent-1", "team-a", "Brno",
                Map.of("queue", "billing"));

        EventResult<Interaction> result = await(service.recordOne(caller, retry));

        assertThat(result).isInstanceOfSatisfying(EventResult.Duplicate.class, duplicate -> {
            assertThat(((Interaction) duplicate.event()).id()).isEqualTo(first.id());
            assertThat(((Interaction) duplicate.event()).recordedAt()).isEqualTo(first.recordedAt());
        });
        assertThat(interactions.all()).hasSize(1);
    }

    @Test
    void aRetryOfAnEventStoredBeforeItsTouchpointWasRetiredIsStillADuplicate() {
        InteractionInput input = call("call-1", callCentre);
        await(service.recordOne(caller, input));
        touchpoints.put(tenant, new TouchpointRef(callCentre, new JourneyId(UUID.randomUUID()),
                new StageId(UUID.randomUUID()), Channel.PHONE, TouchpointStatus.RETIRED));

        assertThat(await(service.recordOne(caller, input))).isInstanceOf(EventResult.Duplicate.class);
    }

    @Test
    void theSameEventIdWithOtherContentIsAConflictAndTheFirstStays() {
        await(service.recordOne(caller, call("call-1", callCentre)));
        InteractionInput other = new InteractionInput("call-1", callCentre.toString(), "cust-1",
                clock.instant().minusSeconds(30), "COMPLETED", Duration.ofSeconds(40), "agent-1", "team-a", "Brno",
                Map.of("queue", "billing"));

        List<EventResult<Interaction>> results = await(service.record(caller, List.of(other, call("call-2",
                callCentre))));

        assertRejected(results.get(0), Conflict.class, "interaction.event-conflict", null);
        assertThat(results.get(1)).isInstanceOf(EventResult.Stored.class);
        assertThat(interactions.all()).filteredOn(i -> i.eventId().value().equals("call-1")).singleElement()
                .satisfies(i -> assertThat(i.content().outcome()).isEqualTo(Outcome.ABANDONED));
    }

    @Test
    void anEventRepeatedInsideOneBatchIsStoredOnceAndThenADuplicate() {
        InteractionInput input = call("call-1", callCentre);

        List<EventResult<Interaction>> results = await(service.record(caller, List.of(input, input)));

        assertThat(results.get(0)).isInstanceOf(EventResult.Stored.class);
        assertThat(results.get(1)).isInstanceOf(EventResult.Duplicate.class);
        assertThat(interactions.all()).hasSize(1);
    }

    @Test
    void anotherTenantsEventIdsAreItsOwn() {
        Caller otherCaller = new Caller.Tenant(other, java.util.Set.of(Scope.INTERACTIONS_WRITE), "test");
        await(service.recordOne(caller, call("call-1", callCentre)));

        assertThat(await(service.recordOne(otherCaller, call("call-1", othersTouchpoint))))
                .isInstanceOf(EventResult.Stored.class);
        assertThat(interactions.all()).extracting(Interaction::tenantId).containsExactlyInAnyOrder(tenant, other);
    }

    @Test
    void aBatchOfMoreThan1000EventsIsRefusedWhole() {
        List<InteractionInput> batch = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            batch.add(call("call-" + i, callCentre));
        }

        assertThatThrownBy(() -> await(service.record(caller, batch)))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> {
                    assertThat(invalid.code()).isEqualTo("batch.too-large");
                    assertThat(invalid.violations().getFirst().field()).isEqualTo("events");
                });
        assertThat(interactions.all()).isEmpty();
        assertThat(await(service.record(caller, batch.subList(0, 1000)))).hasSize(1000)
                .allSatisfy(r -> assertThat(r).isInstanceOf(EventResult.Stored.class));
    }

    @Test
    void aCallerWithoutTheScopeIsRefusedAndNothingIsStored() {
        Caller reader = new Caller.Tenant(tenant, java.util.Set.of(Scope.RESPONSES_WRITE), "test");

        assertThatThrownBy(() -> await(service.record(reader, List.of(call("call-1", callCentre)))))
                .isInstanceOfSatisfying(Forbidden.class, f -> assertThat(f.code()).isEqualTo("auth.scope-missing"));
        assertThatThrownBy(() -> await(service.recordOne(reader, call("call-1", callCentre))))
                .isInstanceOf(Forbidden.class);
        assertThat(interactions.all()).isEmpty();
    }

    @Test
    void aStorageFailureIsNoResultButAFailureAndLeavesNothingBehind() {
        Touchpoints failing = (t, id) -> Uni.createFrom().failure(new IllegalStateException("database down"));
        InteractionRecordingService broken =
                new InteractionRecordingService(interactions, failing, tenants, unitOfWork, clock);

        assertThatThrownBy(() -> await(broken.record(caller, List.of(call("call-1", callCentre)))))
                .hasMessageContaining("database down");
        assertThat(interactions.all()).isEmpty();
        assertThat(unitOfWork.rollbacks()).isEqualTo(1);
    }

    @Test
    void eachEventIsItsOwnTransactionForTheCallersTenant() {
        await(service.record(caller, List.of(call("a", callCentre), call("b", callCentre), call("c", retired))));

        assertThat(unitOfWork.tenants()).containsExactly(Optional.of(tenant), Optional.of(tenant), Optional.of(tenant));
        assertThat(unitOfWork.commits()).isEqualTo(2);
        assertThat(unitOfWork.rollbacks()).isEqualTo(1);
    }
}
