package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.RecordLifecycleEventsUseCase.LifecycleEventInput;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerLifecycleEvent", description = "A customer became active, or churned")
public record LifecycleEventJson(
        @Schema(description = "1-128 visible ASCII characters, unique per tenant") String eventId,
        @Schema(description = "The tenant's pseudonymous reference of the customer") String customerRef,
        @Schema(enumeration = {"ACTIVATED", "CHURNED"}) String kind,
        @Schema(description = "At most 5 minutes in the future, not before the tenant was created") Instant occurredAt,
        @Schema(description = "Why the customer churned (CHURNED only), at most 500 characters") String reason,
        @Schema(description = "Segments of the customer", examples = "{\"plan\":\"pro\"}")
        Map<String, String> attributes) {

    LifecycleEventInput toInput() {
        return new LifecycleEventInput(eventId, customerRef, kind, occurredAt, reason, attributes);
    }
}
