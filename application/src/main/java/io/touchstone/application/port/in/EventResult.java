package io.touchstone.application.port.in;

import io.touchstone.domain.shared.error.DomainException;
import java.util.Objects;

/**
 * What became of one reported event: stored now, recognised as a retry of one stored before (nothing written), or
 * refused for good (invalid, unknown touchpoint, conflicting retry: sending it again changes nothing). A failure that
 * is not the event's fault (the database unreachable) is no result: it fails the call, and the event may be sent
 * again.
 *
 * @param <T> the recorded event
 */
public sealed interface EventResult<T> {

    /** The event id as reported; may be invalid (or null) for a rejected event. */
    String eventId();

    record Stored<T>(String eventId, T event) implements EventResult<T> {

        public Stored {
            Objects.requireNonNull(event, "event");
        }
    }

    /** The event was stored before with the same content; {@code event} is the stored one. */
    record Duplicate<T>(String eventId, T event) implements EventResult<T> {

        public Duplicate {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Refused, with its code, field and message in {@code reason}; nothing was stored. */
    record Rejected<T>(String eventId, DomainException reason) implements EventResult<T> {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
