package io.touchstone.adapter.rest;

import io.touchstone.domain.interaction.LocationRef;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ResponseView(
        UUID id,
        UUID surveyId,
        int version,
        String language,
        @Schema(description = "Where the respondent was asked (or, when not given, the channel of the touchpoint "
                + "of the interaction it is about); null when neither is known") String channel,
        String respondentRef,
        Map<String, String> metadata,
        List<AnswerJson> answers,
        Instant submittedAt,
        @Schema(description = "The recorded interaction the response is about, with what it inherited; null when it "
                + "named none") InteractionView interaction) {

    /** Copies the response took from its interaction when it was submitted. */
    public record InteractionView(
            UUID interactionId,
            UUID journeyId,
            UUID stageId,
            UUID touchpointId,
            @Schema(description = "The touchpoint's channel (the response's own channel may differ)")
            String touchpointChannel,
            String employee,
            String team,
            String location) {

        static InteractionView of(LinkedInteraction link) {
            return new InteractionView(link.interaction().value(), link.journey().value(), link.stage().value(),
                    link.touchpoint().value(), link.channel().name(),
                    link.employeeIfKnown().map(StaffRef::value).orElse(null),
                    link.teamIfKnown().map(StaffRef::value).orElse(null),
                    link.locationIfKnown().map(LocationRef::value).orElse(null));
        }
    }

    static ResponseView of(Response response) {
        return new ResponseView(response.id().value(), response.surveyId().value(), response.surveyVersion(),
                response.language().value(), response.channel().map(Enum::name).orElse(null),
                response.respondentRef().orElse(null), response.metadata(),
                response.answers().stream().map(AnswerJson::of).toList(), Timestamps.of(response.submittedAt()),
                response.interaction().map(InteractionView::of).orElse(null));
    }
}
