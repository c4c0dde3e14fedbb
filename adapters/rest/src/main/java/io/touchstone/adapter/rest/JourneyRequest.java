package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.JourneyDefinition;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new journey: its name, an optional description and its stages in order, each with its touchpoints. */
public record JourneyRequest(
        @Schema(description = "1..200 characters", examples = "Objednávka až po doručení") String name,
        @Schema(description = "Optional, 1..2000 characters") String description,
        @Schema(description = "At most 50, names unique within the journey (ignoring case)") List<StageJson> stages) {

    public record StageJson(
            @Schema(description = "1..200 characters", examples = "Doručení") String name,
            @Schema(description = "At most 100, names unique within the stage (ignoring case)")
            List<TouchpointJson> touchpoints) {
    }

    public record TouchpointJson(
            @Schema(description = "1..200 characters", examples = "Zákaznická linka") String name,
            @Schema(description = "EMAIL, SMS, PHONE, CHAT, WEB, IN_APP, IN_STORE, SOCIAL or OTHER", examples = "PHONE")
            String channel) {
    }

    JourneyDefinition toDefinition() {
        return new JourneyDefinition(name, description, stages == null ? null : stages.stream()
                .map(stage -> stage == null ? null : new JourneyDefinition.StageDefinition(stage.name(),
                        stage.touchpoints() == null ? null : stage.touchpoints().stream()
                                .map(t -> t == null ? null : new JourneyDefinition.TouchpointDefinition(t.name(),
                                        t.channel()))
                                .toList()))
                .toList());
    }
}
