package io.touchstone.application.port.in;

import java.util.List;

/**
 * A new journey as both APIs describe it, before it is checked: its name, an optional description and its stages in
 * order, each with its touchpoints in order. Channels are named as {@code io.touchstone.domain.response.Channel}
 * names them ({@code PHONE}); absent lists are empty.
 */
public record JourneyDefinition(String name, String description, List<StageDefinition> stages) {

    public record StageDefinition(String name, List<TouchpointDefinition> touchpoints) {
    }

    public record TouchpointDefinition(String name, String channel) {
    }
}
