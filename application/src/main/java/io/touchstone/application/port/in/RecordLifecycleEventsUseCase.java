package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.interaction.LifecycleEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records that customers became active or churned ({@code interactions:write}), each event in its own transaction,
 * idempotent by event id like {@link RecordInteractionsUseCase} (a conflicting retry: {@code lifecycle.event-conflict}).
 */
public interface RecordLifecycleEventsUseCase {

    /** The most events of one batch ({@code batch.too-large} beyond). */
    int MAX_BATCH = 1_000;

    /** {@code kind}: {@code ACTIVATED} or {@code CHURNED}; {@code reason} only for CHURNED, optional. */
    record LifecycleEventInput(String eventId, String customerRef, String kind, Instant occurredAt, String reason,
            Map<String, String> attributes) {
    }

    /** One result per event, in input order. */
    Uni<List<EventResult<LifecycleEvent>>> record(Caller caller, List<LifecycleEventInput> events);
}
