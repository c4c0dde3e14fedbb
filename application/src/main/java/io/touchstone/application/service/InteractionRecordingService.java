package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.EventResult;
import io.touchstone.application.port.in.RecordInteractionsUseCase;
import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.InteractionRepository.DuplicateEventId;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.application.port.out.Touchpoints;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Records interactions one transaction per event: the event is looked up by its id (a retry is answered from what is
 * stored), then checked against the clock, the tenant's creation and its touchpoint, then stored. A result is
 * returned only after the event's transaction committed, so whoever acknowledges it can rely on it.
 */
public final class InteractionRecordingService implements RecordInteractionsUseCase {

    private final InteractionRepository interactions;
    private final Touchpoints touchpoints;
    private final TenantRepository tenants;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public InteractionRecordingService(InteractionRepository interactions, Touchpoints touchpoints,
            TenantRepository tenants, UnitOfWork unitOfWork, Clock clock) {
        this.interactions = interactions;
        this.touchpoints = touchpoints;
        this.tenants = tenants;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Uni<List<EventResult<Interaction>>> record(Caller caller, List<InteractionInput> events) {
        return Uni.createFrom().item(() -> {
                    TenantId tenant = caller.tenantWith(Scope.INTERACTIONS_WRITE);
                    EventBatches.checkSize(events, MAX_BATCH);
                    return tenant;
                })
                .flatMap(tenant -> EventBatches.sequentially(events, event -> recordFor(tenant, event)));
    }

    @Override
    public Uni<EventResult<Interaction>> recordOne(Caller caller, InteractionInput event) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.INTERACTIONS_WRITE))
                .flatMap(tenant -> recordFor(tenant, event));
    }

    private Uni<EventResult<Interaction>> recordFor(TenantId tenant, InteractionInput event) {
        String eventId = event == null ? null : event.eventId();
        Uni<EventResult<Interaction>> recording = Uni.createFrom().item(() -> check(event))
                .flatMap(content -> unitOfWork.transactionally(tenant, () -> replayOrStore(tenant, content))
                        .onFailure(DuplicateEventId.class)
                        .recoverWithUni(() -> unitOfWork.transactionally(tenant, () -> replay(tenant, content))));
        return EventBatches.rejectedOnDomainFailure(recording, eventId);
    }

    private Uni<EventResult<Interaction>> replayOrStore(TenantId tenant, InteractionContent content) {
        return interactions.findByEventId(tenant, content.eventId()).flatMap(existing -> existing.isPresent()
                ? Uni.createFrom().item(duplicate(existing.get(), content))
                : store(tenant, content));
    }

    private Uni<EventResult<Interaction>> store(TenantId tenant, InteractionContent content) {
        return tenants.find(tenant)
                .map(found -> found.map(Tenant::createdAt).orElseThrow(
                        () -> new IllegalStateException("the caller's tenant " + tenant + " is not stored")))
                .flatMap(createdAt -> touchpoints.find(tenant, content.touchpoint())
                        .map(touchpoint -> touchpoint.orElseThrow(() -> notFound(content.touchpoint())))
                        .map(touchpoint -> Interaction.accept(new InteractionId(Ids.next(clock)), tenant, content,
                                touchpoint.status(), createdAt, clock.instant())))
                .flatMap(interaction -> interactions.add(interaction)
                        .replaceWith(new EventResult.Stored<>(content.eventId().value(), interaction)));
    }

    private Uni<EventResult<Interaction>> replay(TenantId tenant, InteractionContent content) {
        return interactions.findByEventId(tenant, content.eventId())
                .map(existing -> duplicate(existing.orElseThrow(
                        () -> new IllegalStateException("event id reported taken but not found")), content));
    }

    private static EventResult<Interaction> duplicate(Interaction stored, InteractionContent retry) {
        stored.checkRetry(retry);
        return new EventResult.Duplicate<>(retry.eventId().value(), stored);
    }

    private static InteractionContent check(InteractionInput event) {
        if (event == null) {
            throw new InvalidValue("", "value.required", "an event must not be null");
        }
        UUID touchpoint = null;
        boolean malformed = false;
        if (event.touchpointId() != null) {
            try {
                touchpoint = UUID.fromString(event.touchpointId());
            } catch (IllegalArgumentException e) {
                malformed = true;
                touchpoint = new UUID(0, 0);
            }
        }
        InteractionContent content = InteractionContent.of(event.eventId(), touchpoint, event.customerRef(),
                event.occurredAt(), event.outcome(), event.duration(), event.employee(), event.team(),
                event.location(), event.attributes());
        if (malformed) {
            // no touchpoint can have an id that is no UUID
            throw new NotFound("touchpoint.not-found", "no touchpoint '" + event.touchpointId() + "'");
        }
        return content;
    }

    static NotFound notFound(TouchpointId id) {
        return new NotFound("touchpoint.not-found", "no touchpoint " + id);
    }
}
