package io.touchstone.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.Forbidden;
import io.touchstone.application.fake.InMemoryLifecycleEventRepository;
import io.touchstone.application.fake.InMemoryTenantRepository;
import io.touchstone.application.fake.InMemoryUnitOfWork;
import io.touchstone.application.fake.TestClock;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.EventResult;
import io.touchstone.application.port.in.RecordLifecycleEventsUseCase.LifecycleEventInput;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.interaction.LifecycleKind;
import io.touchstone.domain.shared.error.DomainException;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleEventServiceTest {

    private static final Instant CREATED = Instant.parse("2026-06-01T08:00:00.000001Z");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final TestClock clock = new TestClock(CREATED.plus(Duration.ofDays(30)));
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final InMemoryLifecycleEventRepository events = new InMemoryLifecycleEventRepository();
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(tenants, events);
    private final LifecycleEventService service = new LifecycleEventService(events, tenants, unitOfWork, clock);

    private TenantId tenant;
    private Caller caller;

    @BeforeEach
    void tenant() {
        tenant = new TenantId(UUID.randomUUID());
        tenants.add(Tenant.create(tenant, "Acme", "Europe/Prague", CREATED)).await().atMost(WAIT);
        caller = new Caller.Tenant(tenant, Set.of(Scope.INTERACTIONS_WRITE), "test");
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private LifecycleEventInput churn(String eventId, String reason) {
        return new LifecycleEventInput(eventId, "cust-1", "CHURNED", clock.instant().minusSeconds(60), reason,
                Map.of("plan", "pro"));
    }

    private static String code(EventResult<LifecycleEvent> result) {
        return ((EventResult.Rejected<LifecycleEvent>) result).reason().code();
    }

    @Test
    void storesValidEventsAnswersEveryOneAndRefusesTheInvalid() {
        List<EventResult<LifecycleEvent>> results = await(service.record(caller, List.of(
                new LifecycleEventInput("act-1", "cust-1", "ACTIVATED", clock.instant().minusSeconds(3_600), null,
                        null),
                churn("churn-1", "too expensive"),
                new LifecycleEventInput("act-2", "cust-2", "ACTIVATED", clock.instant(), "why?", null),
                new LifecycleEventInput("act-3", "cust-3", "ACTIVATED", clock.instant().plusSeconds(301), null, null),
                new LifecycleEventInput("act-4", "cust-4", "ACTIVATED", CREATED.minusSeconds(1), null, null),
                new LifecycleEventInput("act-5", "cust-5", "PAUSED", clock.instant(), null, null))));

        assertThat(results).extracting(EventResult::eventId)
                .containsExactly("act-1", "churn-1", "act-2", "act-3", "act-4", "act-5");
        assertThat(results.get(0)).isInstanceOf(EventResult.Stored.class);
        assertThat(results.get(1)).isInstanceOf(EventResult.Stored.class);
        assertThat(code(results.get(2))).isEqualTo("lifecycle.reason-not-allowed");
        assertThat(code(results.get(3))).isEqualTo("lifecycle.occurred-in-future");
        assertThat(code(results.get(4))).isEqualTo("lifecycle.before-tenant");
        assertThat(code(results.get(5))).isEqualTo("lifecycle.kind-unknown");
        assertThat(events.all()).extracting(e -> e.eventId().value()).containsExactlyInAnyOrder("act-1", "churn-1");
        assertThat(events.all()).filteredOn(e -> e.content().kind() == LifecycleKind.CHURNED).singleElement()
                .satisfies(e -> assertThat(e.content().reason()).isEqualTo("too expensive"));
    }

    @Test
    void aRetryIsADuplicateAndOtherContentUnderTheSameIdAConflict() {
        LifecycleEvent first = ((EventResult.Stored<LifecycleEvent>) await(service.record(caller,
                List.of(churn("churn-1", "price")))).getFirst()).event();

        List<EventResult<LifecycleEvent>> results = await(service.record(caller, List.of(
                new LifecycleEventInput("churn-1", "cust-1", "CHURNED", first.content().occurredAt(), "price",
                        Map.of("plan", "pro")),
                new LifecycleEventInput("churn-1", "cust-1", "CHURNED", first.content().occurredAt(), "service",
                        Map.of("plan", "pro")))));

        assertThat(results.get(0)).isInstanceOfSatisfying(EventResult.Duplicate.class,
                d -> assertThat(((LifecycleEvent) d.event()).id()).isEqualTo(first.id()));
        assertThat(code(results.get(1))).isEqualTo("lifecycle.event-conflict");
        assertThat(events.all()).singleElement().satisfies(e -> assertThat(e.content().reason()).isEqualTo("price"));
    }

    @Test
    void aBatchOver1000IsRefusedAndAKeyWithoutTheScopeToo() {
        List<LifecycleEventInput> batch = Collections.nCopies(1001, churn("c", null));
        assertThatThrownBy(() -> await(service.record(caller, batch)))
                .isInstanceOfSatisfying(InvalidValue.class, i -> assertThat(i.code()).isEqualTo("batch.too-large"));
        assertThatThrownBy(() -> await(service.record(new Caller.Tenant(tenant, Set.of(Scope.RESPONSES_READ), "t"),
                List.of(churn("c", null))))).isInstanceOf(Forbidden.class);
        assertThat(events.all()).isEmpty();
    }

    @Test
    void aNullEventIsRejectedOnItsOwn() {
        List<LifecycleEventInput> batch = new java.util.ArrayList<>();
        batch.add(null);
        batch.add(churn("c-1", null));

        List<EventResult<LifecycleEvent>> results = await(service.record(caller, batch));

        assertThat(((EventResult.Rejected<LifecycleEvent>) results.get(0)).reason())
                .isInstanceOf(DomainException.class).extracting(DomainException::code).isEqualTo("value.required");
        assertThat(results.get(1)).isInstanceOf(EventResult.Stored.class);
    }
}
