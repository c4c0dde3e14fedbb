package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.interaction.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records what happened at touchpoints ({@code interactions:write}). Every event is checked and stored on its own,
 * in its own transaction: a batch's valid events are stored even when others are refused, refused ones never are.
 * An event id seen before with the same content is a duplicate (nothing stored); with other content it is refused
 * ({@code interaction.event-conflict}).
 */
public interface RecordInteractionsUseCase {

    /** The most events of one batch ({@code batch.too-large} beyond). */
    int MAX_BATCH = 1_000;

    /**
     * One reported interaction. {@code touchpointId}: one of the tenant's touchpoints (anything else, a text that is
     * no UUID included, is {@code touchpoint.not-found}); {@code duration}, {@code employee}, {@code team},
     * {@code location} and {@code attributes} are optional.
     */
    record InteractionInput(String eventId, String touchpointId, String customerRef, Instant occurredAt,
            String outcome, Duration duration, String employee, String team, String location,
            Map<String, String> attributes) {
    }

    /** Records the events one after another, in order; one result per event, in input order. */
    Uni<List<EventResult<Interaction>>> record(Caller caller, List<InteractionInput> events);

    /** Records one event (of a stream); its result is known only once it is committed. */
    Uni<EventResult<Interaction>> recordOne(Caller caller, InteractionInput event);
}
