package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.EventResult;
import io.touchstone.application.port.in.RecordLifecycleEventsUseCase;
import io.touchstone.application.port.out.InteractionRepository.DuplicateEventId;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.interaction.LifecycleEventContent;
import io.touchstone.domain.interaction.LifecycleEventId;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.Clock;
import java.util.List;

/** Records customer lifecycle events one transaction per event, as {@link InteractionRecordingService} does. */
public final class LifecycleEventService implements RecordLifecycleEventsUseCase {

    private final LifecycleEventRepository events;
    private final TenantRepository tenants;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public LifecycleEventService(LifecycleEventRepository events, TenantRepository tenants, UnitOfWork unitOfWork,
            Clock clock) {
        this.events = events;
        this.tenants = tenants;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Uni<List<EventResult<LifecycleEvent>>> record(Caller caller, List<LifecycleEventInput> inputs) {
        return Uni.createFrom().item(() -> {
                    TenantId tenant = caller.tenantWith(Scope.INTERACTIONS_WRITE);
                    EventBatches.checkSize(inputs, MAX_BATCH);
                    return tenant;
                })
                .flatMap(tenant -> EventBatches.sequentially(inputs, input -> recordFor(tenant, input)));
    }

    private Uni<EventResult<LifecycleEvent>> recordFor(TenantId tenant, LifecycleEventInput input) {
        String eventId = input == null ? null : input.eventId();
        Uni<EventResult<LifecycleEvent>> recording = Uni.createFrom().item(() -> check(input))
                .flatMap(content -> unitOfWork.transactionally(tenant, () -> replayOrStore(tenant, content))
                        .onFailure(DuplicateEventId.class)
                        .recoverWithUni(() -> unitOfWork.transactionally(tenant, () -> replay(tenant, content))));
        return EventBatches.rejectedOnDomainFailure(recording, eventId);
    }

    private Uni<EventResult<LifecycleEvent>> replayOrStore(TenantId tenant, LifecycleEventContent content) {
        return events.findByEventId(tenant, content.eventId()).flatMap(existing -> existing.isPresent()
                ? Uni.createFrom().item(duplicate(existing.get(), content))
                : store(tenant, content));
    }

    private Uni<EventResult<LifecycleEvent>> store(TenantId tenant, LifecycleEventContent content) {
        return tenants.find(tenant)
                .map(found -> found.map(Tenant::createdAt).orElseThrow(
                        () -> new IllegalStateException("the caller's tenant " + tenant + " is not stored")))
                .map(createdAt -> LifecycleEvent.accept(new LifecycleEventId(Ids.next(clock)), tenant, content,
                        createdAt, clock.instant()))
                .flatMap(event -> events.add(event)
                        .replaceWith(new EventResult.Stored<>(content.eventId().value(), event)));
    }

    private Uni<EventResult<LifecycleEvent>> replay(TenantId tenant, LifecycleEventContent content) {
        return events.findByEventId(tenant, content.eventId())
                .map(existing -> duplicate(existing.orElseThrow(
                        () -> new IllegalStateException("event id reported taken but not found")), content));
    }

    private static EventResult<LifecycleEvent> duplicate(LifecycleEvent stored, LifecycleEventContent retry) {
        stored.checkRetry(retry);
        return new EventResult.Duplicate<>(retry.eventId().value(), stored);
    }

    private static LifecycleEventContent check(LifecycleEventInput input) {
        if (input == null) {
            throw new InvalidValue("", "value.required", "an event must not be null");
        }
        return LifecycleEventContent.of(input.eventId(), input.customerRef(), input.kind(), input.occurredAt(),
                input.reason(), input.attributes());
    }
}
