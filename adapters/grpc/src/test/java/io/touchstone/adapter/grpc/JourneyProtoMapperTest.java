package io.touchstone.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.application.port.in.JourneyDefinition;
import io.touchstone.application.port.in.JourneyDefinition.StageDefinition;
import io.touchstone.application.port.in.JourneyDefinition.TouchpointDefinition;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.proto.v1.CreateJourneyRequest;
import io.touchstone.proto.v1.Journey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JourneyProtoMapperTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00.123456Z");

    @Test
    void mapsADefinitionAsStatedWithUnsetFieldsNull() {
        CreateJourneyRequest request = CreateJourneyRequest.newBuilder()
                .setName("Nákup")
                .addStages(io.touchstone.proto.v1.StageDefinition.newBuilder().setName("Platba")
                        .addTouchpoints(io.touchstone.proto.v1.TouchpointDefinition.newBuilder().setName("Karta")
                                .setChannel(io.touchstone.proto.v1.Channel.CHANNEL_IN_APP))
                        .addTouchpoints(io.touchstone.proto.v1.TouchpointDefinition.newBuilder()
                                .setChannel(io.touchstone.proto.v1.Channel.CHANNEL_UNSPECIFIED))
                        .addTouchpoints(io.touchstone.proto.v1.TouchpointDefinition.newBuilder().setName("Fax")
                                .setChannelValue(42)))
                .build();

        assertThat(JourneyProtoMapper.definition(request)).isEqualTo(new JourneyDefinition("Nákup", null, List.of(
                new StageDefinition("Platba", List.of(new TouchpointDefinition("Karta", "IN_APP"),
                        new TouchpointDefinition(null, null), new TouchpointDefinition("Fax", "UNRECOGNIZED"))))));
        assertThat(JourneyProtoMapper.definition(request.toBuilder().setDescription("").build()).description())
                .as("a description set to empty is given, and refused by the application as empty").isEmpty();
    }

    @Test
    void mapsAJourneyWithItsStagesAndTouchpoints() {
        SurveyId survey = new SurveyId(UUID.randomUUID());
        Touchpoint retired = new Touchpoint(new TouchpointId(UUID.randomUUID()), "Linka", Channel.PHONE,
                TouchpointStatus.RETIRED, java.util.Optional.of(T0.plusSeconds(1)), java.util.Optional.of(survey));
        Touchpoint active = Touchpoint.open(new TouchpointId(UUID.randomUUID()), "تحویل", Channel.SMS);
        Stage stage = new Stage(new StageId(UUID.randomUUID()), "Doručení", List.of(retired, active));
        io.touchstone.domain.journey.Journey journey = io.touchstone.domain.journey.Journey.rehydrate(
                new JourneyId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), "Nákup", null, List.of(stage), T0,
                T0.plusSeconds(1));

        Journey proto = JourneyProtoMapper.journey(journey);

        assertThat(proto.getId()).isEqualTo(journey.id().toString());
        assertThat(proto.hasDescription()).isFalse();
        assertThat(proto.getCreatedAt().getNanos()).isEqualTo(123_456_000);
        assertThat(proto.getStages(0).getId()).isEqualTo(stage.id().toString());
        var first = proto.getStages(0).getTouchpoints(0);
        assertThat(first.getStatus()).isEqualTo(io.touchstone.proto.v1.TouchpointStatus.TOUCHPOINT_STATUS_RETIRED);
        assertThat(first.getChannel()).isEqualTo(io.touchstone.proto.v1.Channel.CHANNEL_PHONE);
        assertThat(first.getSurveyId()).isEqualTo(survey.toString());
        assertThat(first.getRetiredAt().getSeconds()).isEqualTo(T0.plusSeconds(1).getEpochSecond());
        var second = proto.getStages(0).getTouchpoints(1);
        assertThat(second.getName()).isEqualTo("تحویل");
        assertThat(second.getStatus()).isEqualTo(io.touchstone.proto.v1.TouchpointStatus.TOUCHPOINT_STATUS_ACTIVE);
        assertThat(second.getSurveyId()).isEmpty();
        assertThat(second.hasRetiredAt()).isFalse();
    }

    @Test
    void everyStatusHasAProtoValue() {
        assertThat(Arrays.stream(TouchpointStatus.values()).map(JourneyProtoMapper::status))
                .doesNotContain(io.touchstone.proto.v1.TouchpointStatus.TOUCHPOINT_STATUS_UNSPECIFIED)
                .doesNotHaveDuplicates();
    }

    @Test
    void idsThatAreNotUuids() {
        assertThatThrownBy(() -> JourneyProtoMapper.journeyId("nope")).isInstanceOfSatisfying(NotFound.class,
                e -> assertThat(e.code()).isEqualTo("journey.not-found"));
        assertThatThrownBy(() -> JourneyProtoMapper.stageId("")).isInstanceOfSatisfying(NotFound.class,
                e -> assertThat(e.code()).isEqualTo("stage.not-found"));
        assertThatThrownBy(() -> JourneyProtoMapper.touchpointId("x")).isInstanceOfSatisfying(NotFound.class,
                e -> assertThat(e.code()).isEqualTo("touchpoint.not-found"));
        assertThatThrownBy(() -> JourneyProtoMapper.surveyId("x")).isInstanceOfSatisfying(NotFound.class,
                e -> assertThat(e.code()).isEqualTo("survey.not-found"));
        assertThatThrownBy(() -> JourneyProtoMapper.surveyId("")).isInstanceOfSatisfying(InvalidValue.class,
                e -> assertThat(e.violations().getFirst().field()).isEqualTo("surveyId"));
        assertThatThrownBy(() -> JourneyProtoMapper.stageIds(List.of(UUID.randomUUID().toString(), "second")))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.code()).isEqualTo("journey.stage-order-mismatch");
                    assertThat(e.violations().getFirst().field()).isEqualTo("stageIds");
                });
        UUID id = UUID.randomUUID();
        assertThat(JourneyProtoMapper.stageIds(List.of(id.toString()))).containsExactly(id);
    }
}
