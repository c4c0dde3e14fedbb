package io.touchstone.domain.response;

import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LocationRef;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.TouchpointId;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded interaction a response is about, with what the response inherits from it: where the interaction sits
 * in its journey (journey, stage, touchpoint), the touchpoint's channel, and who served it (employee, team,
 * location). A response keeps these as copies taken when it was submitted, so that a later change to the journey
 * (a reordered stage, a retired touchpoint) never rewrites what earlier responses were about.
 *
 * @param channel the touchpoint's channel
 * @param employee null when the interaction named none (so are {@code team} and {@code location})
 */
public record LinkedInteraction(InteractionId interaction, JourneyId journey, StageId stage, TouchpointId touchpoint,
        Channel channel, StaffRef employee, StaffRef team, LocationRef location) {

    public LinkedInteraction {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(channel, "channel");
    }

    public Optional<StaffRef> employeeIfKnown() {
        return Optional.ofNullable(employee);
    }

    public Optional<StaffRef> teamIfKnown() {
        return Optional.ofNullable(team);
    }

    public Optional<LocationRef> locationIfKnown() {
        return Optional.ofNullable(location);
    }
}
