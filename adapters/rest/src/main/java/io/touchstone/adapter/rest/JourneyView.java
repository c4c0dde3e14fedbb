package io.touchstone.adapter.rest;

import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.survey.SurveyId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A journey with its stages in order and each stage's touchpoints in order, retired ones included. */
public record JourneyView(
        UUID id,
        String name,
        @Schema(description = "Null when the journey has none") String description,
        List<StageView> stages,
        Instant createdAt,
        Instant updatedAt) {

    public record StageView(UUID id, String name, List<TouchpointView> touchpoints) {
    }

    public record TouchpointView(
            UUID id,
            String name,
            @Schema(description = "EMAIL, SMS, PHONE, CHAT, WEB, IN_APP, IN_STORE, SOCIAL or OTHER") String channel,
            @Schema(description = "ACTIVE or RETIRED") String status,
            @Schema(description = "When it was retired; null while active") Instant retiredAt,
            @Schema(description = "The attached survey; null when none") UUID surveyId) {
    }

    static JourneyView of(Journey journey) {
        return new JourneyView(journey.id().value(), journey.name(), journey.description().orElse(null),
                journey.stages().stream().map(JourneyView::stage).toList(), Timestamps.of(journey.createdAt()),
                Timestamps.of(journey.updatedAt()));
    }

    private static StageView stage(Stage stage) {
        return new StageView(stage.id().value(), stage.name(),
                stage.touchpoints().stream().map(JourneyView::touchpoint).toList());
    }

    private static TouchpointView touchpoint(Touchpoint touchpoint) {
        return new TouchpointView(touchpoint.id().value(), touchpoint.name(), touchpoint.channel().name(),
                touchpoint.status().name(), touchpoint.retiredAt().map(Timestamps::of).orElse(null),
                touchpoint.survey().map(SurveyId::value).orElse(null));
    }
}
