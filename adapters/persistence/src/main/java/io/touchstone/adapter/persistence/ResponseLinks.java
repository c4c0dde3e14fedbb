package io.touchstone.adapter.persistence;

import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LocationRef;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.LinkedInteraction;
import java.util.UUID;

/** The interaction copies of a stored response (V11 columns) as the domain has them. */
final class ResponseLinks {

    private ResponseLinks() {
    }

    /** Null when the response is about no interaction (the columns are all null or all set, by constraint). */
    static LinkedInteraction of(UUID interaction, UUID journey, UUID stage, UUID touchpoint, String touchpointChannel,
            String employee, String team, String location) {
        if (interaction == null) {
            return null;
        }
        return new LinkedInteraction(new InteractionId(interaction), new JourneyId(journey), new StageId(stage),
                new TouchpointId(touchpoint), Channel.valueOf(touchpointChannel),
                employee == null ? null : new StaffRef(employee), team == null ? null : new StaffRef(team),
                location == null ? null : new LocationRef(location));
    }
}
