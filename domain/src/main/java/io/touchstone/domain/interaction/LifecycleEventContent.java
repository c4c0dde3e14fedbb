package io.touchstone.domain.interaction;

import io.touchstone.domain.shared.Text;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.Violations;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a reporting system says happened to a customer, everything of a lifecycle event but the service's id and
 * recording time. Equal contents ({@link #equals}, as for {@link InteractionContent}) are the same event.
 *
 * @param reason why the customer churned, at most 500 characters; only for {@code CHURNED}, null when not given
 * @param attributes segments of the customer (plan, region), as interaction attributes
 */
public record LifecycleEventContent(EventId eventId, CustomerRef customer, LifecycleKind kind, Instant occurredAt,
        String reason, Map<String, String> attributes) {

    public static final int MAX_REASON_LENGTH = 500;

    public LifecycleEventContent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(kind, "kind");
        occurredAt = EventTimes.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
        if (reason != null && kind != LifecycleKind.CHURNED) {
            throw new InvalidValue("reason", "lifecycle.reason-not-allowed", "only a CHURNED event has a reason");
        }
        if (reason != null) {
            Text.bounded("reason", reason, MAX_REASON_LENGTH);
        }
        attributes = Map.copyOf(new TreeMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    /** Checks a report as it arrived, naming every problem with its field at once. */
    public static LifecycleEventContent of(String eventId, String customerRef, String kind, Instant occurredAt,
            String reason, Map<String, String> attributes) {
        Violations violations = new Violations();
        EventId event = violations.at("eventId", () -> new EventId(eventId));
        CustomerRef customer = violations.at("customerRef", () -> new CustomerRef(customerRef));
        LifecycleKind parsedKind = violations.at("kind", () -> LifecycleKind.parse(kind));
        if (occurredAt == null) {
            violations.add("occurredAt", "value.required", "must not be empty");
        }
        if (reason != null) {
            if (parsedKind == LifecycleKind.ACTIVATED) {
                violations.add("reason", "lifecycle.reason-not-allowed", "only a CHURNED event has a reason");
            } else if (reason.isBlank()) {
                violations.add("reason", "value.required", "must not be blank when given");
            } else {
                violations.at("reason", () -> Text.bounded("", reason, MAX_REASON_LENGTH));
            }
        }
        Map<String, String> checked = Attributes.check(violations, "attributes", attributes);
        violations.throwIfAny();
        return new LifecycleEventContent(event, customer, parsedKind, occurredAt, reason, checked);
    }

    public Optional<String> reasonIfGiven() {
        return Optional.ofNullable(reason);
    }
}
