package io.touchstone.domain.interaction;

import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a reporting system says happened: everything of an interaction except what the service adds (its id and
 * when it was recorded). Two reports of one event id are the same event exactly when their contents are equal
 * ({@link #equals}): every field, the attributes as a set of entries (order does not matter), times and durations
 * to the microsecond, absent optional fields equal only to absent ones.
 *
 * @param duration how long it took, 0 to 24 hours; null when not reported
 * @param employee null when not reported (so are {@code team} and {@code location})
 */
public record InteractionContent(EventId eventId, TouchpointId touchpoint, CustomerRef customer, Instant occurredAt,
        Outcome outcome, Duration duration, StaffRef employee, StaffRef team, LocationRef location,
        Map<String, String> attributes) {

    public static final Duration MAX_DURATION = Duration.ofHours(24);

    public InteractionContent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(customer, "customer");
        occurredAt = EventTimes.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
        Objects.requireNonNull(outcome, "outcome");
        if (duration != null) {
            if (duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
                throw new InvalidValue("duration", "interaction.duration-out-of-range",
                        "a duration lies between 0 and 24 hours");
            }
            duration = duration.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
        attributes = Map.copyOf(new TreeMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    /**
     * Checks a report as it arrived, naming every problem with its field at once: {@code eventId},
     * {@code touchpointId}, {@code customerRef}, {@code occurredAt}, {@code outcome}, {@code duration},
     * {@code employee}, {@code team}, {@code location}, {@code attributes.<key>}.
     */
    public static InteractionContent of(String eventId, UUID touchpointId, String customerRef, Instant occurredAt,
            String outcome, Duration duration, String employee, String team, String location,
            Map<String, String> attributes) {
        Violations violations = new Violations();
        EventId event = violations.at("eventId", () -> new EventId(eventId));
        if (touchpointId == null) {
            violations.add("touchpointId", "value.required", "must not be empty");
        }
        CustomerRef customer = violations.at("customerRef", () -> new CustomerRef(customerRef));
        if (occurredAt == null) {
            violations.add("occurredAt", "value.required", "must not be empty");
        }
        Outcome parsedOutcome = violations.at("outcome", () -> Outcome.parse(outcome));
        if (duration != null && (duration.isNegative() || duration.compareTo(MAX_DURATION) > 0)) {
            violations.add("duration", "interaction.duration-out-of-range", "a duration lies between 0 and 24 hours");
        }
        StaffRef employeeRef = employee == null ? null : violations.at("employee", () -> new StaffRef(employee));
        StaffRef teamRef = team == null ? null : violations.at("team", () -> new StaffRef(team));
        LocationRef locationRef = location == null ? null : violations.at("location", () -> new LocationRef(location));
        Map<String, String> checked = Attributes.check(violations, "attributes", attributes);
        violations.throwIfAny();
        return new InteractionContent(event, new TouchpointId(touchpointId), customer, occurredAt, parsedOutcome,
                duration, employeeRef, teamRef, locationRef, checked);
    }

    public Optional<Duration> durationIfKnown() {
        return Optional.ofNullable(duration);
    }
}
