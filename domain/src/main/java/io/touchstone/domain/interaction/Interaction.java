package io.touchstone.domain.interaction;

import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One event at a touchpoint for one customer (a call, a chat, a purchase, a ticket), as a reporting system told it.
 * An interaction never changes once recorded.
 */
public final class Interaction {

    private final InteractionId id;
    private final TenantId tenantId;
    private final InteractionContent content;
    private final Instant recordedAt;

    private Interaction(InteractionId id, TenantId tenantId, InteractionContent content, Instant recordedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.content = Objects.requireNonNull(content, "content");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /**
     * Accepts a new report at a touchpoint of {@code status}: refused when it occurred more than 5 minutes after
     * {@code now} or before the tenant was created ({@link EventTimes}), or when the touchpoint is retired
     * ({@code touchpoint.retired}). That the touchpoint exists at all is the caller's to check.
     */
    public static Interaction accept(InteractionId id, TenantId tenantId, InteractionContent content,
            TouchpointStatus status, Instant tenantCreatedAt, Instant now) {
        EventTimes.check("interaction", content.occurredAt(), tenantCreatedAt, now);
        if (status == TouchpointStatus.RETIRED) {
            throw new RuleViolated("touchpoint.retired",
                    "touchpoint " + content.touchpoint() + " is retired and takes no new interactions");
        }
        return new Interaction(id, tenantId, content, now);
    }

    public static Interaction rehydrate(InteractionId id, TenantId tenantId, InteractionContent content,
            Instant recordedAt) {
        return new Interaction(id, tenantId, content, recordedAt);
    }

    /**
     * A second report under this interaction's event id: the same event when its content is equal (nothing is to be
     * stored), otherwise {@code interaction.event-conflict}.
     */
    public void checkRetry(InteractionContent retry) {
        if (!content.equals(retry)) {
            throw new Conflict("interaction.event-conflict", "event id '" + content.eventId()
                    + "' was recorded already with other content");
        }
    }

    public InteractionId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public InteractionContent content() {
        return content;
    }

    public EventId eventId() {
        return content.eventId();
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
