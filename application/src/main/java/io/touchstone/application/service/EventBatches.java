package io.touchstone.application.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.EventResult;
import io.touchstone.domain.shared.error.DomainException;
import io.touchstone.domain.shared.error.InvalidValue;
import java.util.List;
import java.util.function.Function;

/** How the event services run a batch: its size checked, then event after event, each to its own result. */
final class EventBatches {

    private EventBatches() {
    }

    static void checkSize(List<?> events, int max) {
        if (events == null) {
            throw new InvalidValue("events", "value.required", "a batch needs a list of events");
        }
        if (events.size() > max) {
            throw new InvalidValue("events", "batch.too-large",
                    "a batch has at most " + max + " events, not " + events.size());
        }
    }

    /** Runs {@code one} for every event in order, the next only after the previous one finished. */
    static <I, T> Uni<List<EventResult<T>>> sequentially(List<I> events, Function<I, Uni<EventResult<T>>> one) {
        return Multi.createFrom().range(0, events.size())
                .onItem().transformToUniAndConcatenate(i -> one.apply(events.get(i)))
                .collect().asList();
    }

    /** A domain refusal becomes the event's result; any other failure (storage) stays a failure. */
    static <T> Uni<EventResult<T>> rejectedOnDomainFailure(Uni<EventResult<T>> recording, String eventId) {
        return recording.onFailure(DomainException.class)
                .recoverWithItem(failure -> new EventResult.Rejected<>(eventId, (DomainException) failure));
    }

}
