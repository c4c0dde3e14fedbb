package io.touchstone.adapter.grpc;

import io.touchstone.application.port.in.JourneyDefinition;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.proto.v1.CreateJourneyRequest;
import io.touchstone.proto.v1.Journey;
import io.touchstone.proto.v1.Stage;
import io.touchstone.proto.v1.Touchpoint;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Journeys: proto requests to the application's inputs, domain journeys to proto. */
final class JourneyProtoMapper {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private JourneyProtoMapper() {
    }

    static UUID journeyId(String value) {
        return CommonProtoMapper.id(value, "journey", "journey.not-found");
    }

    static UUID stageId(String value) {
        return CommonProtoMapper.id(value, "stage", "stage.not-found");
    }

    static UUID touchpointId(String value) {
        return CommonProtoMapper.id(value, "touchpoint", "touchpoint.not-found");
    }

    /** The survey to attach: empty is missing; text that is not a UUID names no survey. */
    static UUID surveyId(String value) {
        if (value.isEmpty()) {
            throw new InvalidValue("surveyId", "value.required", "must not be empty");
        }
        return CommonProtoMapper.id(value, "survey", SurveyProtoMapper.NOT_FOUND);
    }

    /** Stage ids of a reorder; text that is not a UUID cannot name one of the journey's stages. */
    static List<UUID> stageIds(List<String> values) {
        return values.stream().map(value -> {
            if (!CANONICAL_UUID.matcher(value).matches()) {
                throw new InvalidValue("stageIds", "journey.stage-order-mismatch",
                        "must name each of the journey's stages exactly once, by id");
            }
            return UUID.fromString(value);
        }).toList();
    }

    static JourneyDefinition definition(CreateJourneyRequest request) {
        return new JourneyDefinition(
                CommonProtoMapper.emptyToNull(request.getName()),
                request.hasDescription() ? request.getDescription() : null,
                request.getStagesList().stream().map(stage -> new JourneyDefinition.StageDefinition(
                        CommonProtoMapper.emptyToNull(stage.getName()),
                        stage.getTouchpointsList().stream().map(touchpoint -> new JourneyDefinition.TouchpointDefinition(
                                CommonProtoMapper.emptyToNull(touchpoint.getName()),
                                ResponseProtoMapper.channel(touchpoint.getChannel()))).toList()))
                        .toList());
    }

    static Journey journey(io.touchstone.domain.journey.Journey journey) {
        Journey.Builder proto = Journey.newBuilder()
                .setId(journey.id().value().toString())
                .setName(journey.name())
                .addAllStages(journey.stages().stream().map(JourneyProtoMapper::stage).toList())
                .setCreatedAt(CommonProtoMapper.timestamp(journey.createdAt()))
                .setUpdatedAt(CommonProtoMapper.timestamp(journey.updatedAt()));
        journey.description().ifPresent(proto::setDescription);
        return proto.build();
    }

    static List<Journey> journeys(List<io.touchstone.domain.journey.Journey> journeys) {
        return journeys.stream().map(JourneyProtoMapper::journey).toList();
    }

    private static Stage stage(io.touchstone.domain.journey.Stage stage) {
        return Stage.newBuilder()
                .setId(stage.id().value().toString())
                .setName(stage.name())
                .addAllTouchpoints(stage.touchpoints().stream().map(JourneyProtoMapper::touchpoint).toList())
                .build();
    }

    private static Touchpoint touchpoint(io.touchstone.domain.journey.Touchpoint touchpoint) {
        Touchpoint.Builder proto = Touchpoint.newBuilder()
                .setId(touchpoint.id().value().toString())
                .setName(touchpoint.name())
                .setChannel(ResponseProtoMapper.channel(touchpoint.channel()))
                .setStatus(status(touchpoint.status()))
                .setSurveyId(touchpoint.survey().map(SurveyId::toString).orElse(""));
        touchpoint.retiredAt().ifPresent(at -> proto.setRetiredAt(CommonProtoMapper.timestamp(at)));
        return proto.build();
    }

    static io.touchstone.proto.v1.TouchpointStatus status(TouchpointStatus status) {
        return switch (status) {
            case ACTIVE -> io.touchstone.proto.v1.TouchpointStatus.TOUCHPOINT_STATUS_ACTIVE;
            case RETIRED -> io.touchstone.proto.v1.TouchpointStatus.TOUCHPOINT_STATUS_RETIRED;
        };
    }
}
