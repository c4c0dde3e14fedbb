package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.RecordInteractionsUseCase.InteractionInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Interaction", description = "One event at a touchpoint for one customer")
public record InteractionJson(
        @Schema(description = "The reporting system's id of the event, 1-128 visible ASCII characters, unique per"
                + " tenant: a retry under the same id is recognised", examples = "call-2026-11-30-0042")
        String eventId,
        @Schema(description = "One of the tenant's active touchpoints") String touchpointId,
        @Schema(description = "The tenant's pseudonymous reference of the customer, 1-128 characters")
        String customerRef,
        @Schema(description = "At most 5 minutes in the future, not before the tenant was created; kept to the"
                + " microsecond", examples = "2026-11-30T09:15:00Z") Instant occurredAt,
        @Schema(enumeration = {"COMPLETED", "ABANDONED"}) String outcome,
        @Schema(description = "How long it took, in milliseconds, 0 to 86,400,000; optional") Long durationMs,
        @Schema(description = "Optional, 1-128 characters") String employee,
        @Schema(description = "Optional, 1-128 characters") String team,
        @Schema(description = "Optional, 1-128 characters") String location,
        @Schema(description = "At most 50; values at most 500 characters", examples = "{\"queue\":\"billing\"}")
        Map<String, String> attributes) {

    InteractionInput toInput() {
        return new InteractionInput(eventId, touchpointId, customerRef, occurredAt, outcome,
                durationMs == null ? null : Duration.ofMillis(durationMs), employee, team, location, attributes);
    }
}
