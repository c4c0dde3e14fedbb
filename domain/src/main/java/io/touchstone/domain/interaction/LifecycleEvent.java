package io.touchstone.domain.interaction;

import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/** A customer became active or was lost (churned), as the tenant's systems reported it. Never changes. */
public final class LifecycleEvent {

    private final LifecycleEventId id;
    private final TenantId tenantId;
    private final LifecycleEventContent content;
    private final Instant recordedAt;

    private LifecycleEvent(LifecycleEventId id, TenantId tenantId, LifecycleEventContent content, Instant recordedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.content = Objects.requireNonNull(content, "content");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Accepts a new report under the clock rules of {@link EventTimes} (codes {@code lifecycle.*}). */
    public static LifecycleEvent accept(LifecycleEventId id, TenantId tenantId, LifecycleEventContent content,
            Instant tenantCreatedAt, Instant now) {
        EventTimes.check("lifecycle", content.occurredAt(), tenantCreatedAt, now);
        return new LifecycleEvent(id, tenantId, content, now);
    }

    public static LifecycleEvent rehydrate(LifecycleEventId id, TenantId tenantId, LifecycleEventContent content,
            Instant recordedAt) {
        return new LifecycleEvent(id, tenantId, content, recordedAt);
    }

    /** A second report under this event's id: the same event when equal, otherwise {@code lifecycle.event-conflict}. */
    public void checkRetry(LifecycleEventContent retry) {
        if (!content.equals(retry)) {
            throw new Conflict("lifecycle.event-conflict", "event id '" + content.eventId()
                    + "' was recorded already with other content");
        }
    }

    public LifecycleEventId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public LifecycleEventContent content() {
        return content;
    }

    public EventId eventId() {
        return content.eventId();
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
