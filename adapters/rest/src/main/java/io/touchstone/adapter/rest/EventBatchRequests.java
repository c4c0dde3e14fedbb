package io.touchstone.adapter.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the event batch endpoints. */
final class EventBatchRequests {

    private EventBatchRequests() {
    }

    @Schema(name = "InteractionBatch")
    public record Interactions(@Schema(description = "1 to 1000 events") List<InteractionJson> events) {
    }

    @Schema(name = "CustomerLifecycleEventBatch")
    public record LifecycleEvents(@Schema(description = "1 to 1000 events") List<LifecycleEventJson> events) {
    }
}
