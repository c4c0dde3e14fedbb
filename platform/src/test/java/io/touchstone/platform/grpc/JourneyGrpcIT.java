package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.proto.v1.AddStageRequest;
import io.touchstone.proto.v1.AddTouchpointRequest;
import io.touchstone.proto.v1.AttachSurveyRequest;
import io.touchstone.proto.v1.Channel;
import io.touchstone.proto.v1.CreateJourneyRequest;
import io.touchstone.proto.v1.CreateSurveyRequest;
import io.touchstone.proto.v1.DetachSurveyRequest;
import io.touchstone.proto.v1.GetJourneyRequest;
import io.touchstone.proto.v1.Journey;
import io.touchstone.proto.v1.ListJourneysRequest;
import io.touchstone.proto.v1.ListJourneysResponse;
import io.touchstone.proto.v1.PageRequest;
import io.touchstone.proto.v1.RenameJourneyRequest;
import io.touchstone.proto.v1.RenameStageRequest;
import io.touchstone.proto.v1.ReorderStagesRequest;
import io.touchstone.proto.v1.RetireTouchpointRequest;
import io.touchstone.proto.v1.Stage;
import io.touchstone.proto.v1.StageDefinition;
import io.touchstone.proto.v1.Touchpoint;
import io.touchstone.proto.v1.TouchpointDefinition;
import io.touchstone.proto.v1.TouchpointStatus;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JourneyGrpcIT extends GrpcTestSupport {

    private TestTenant tenant;
    private String key;

    @BeforeEach
    void tenantOfItsOwn() {
        tenant = tenant();
        key = tenant.adminKey();
    }

    private static CreateJourneyRequest orderToDelivery() {
        return CreateJourneyRequest.newBuilder()
                .setName("Objednávka až po doručení")
                .setDescription("Od košíku ke dveřím")
                .addStages(StageDefinition.newBuilder().setName("Objednávka")
                        .addTouchpoints(touchpoint("Web shop", Channel.CHANNEL_WEB))
                        .addTouchpoints(touchpoint("Zákaznická linka", Channel.CHANNEL_PHONE)))
                .addStages(StageDefinition.newBuilder().setName("Doručení")
                        .addTouchpoints(touchpoint("تحویل", Channel.CHANNEL_SMS)))
                .build();
    }

    private static TouchpointDefinition touchpoint(String name, Channel channel) {
        return TouchpointDefinition.newBuilder().setName(name).setChannel(channel).build();
    }

    private Journey create(CreateJourneyRequest request) {
        return journeys(key).createJourney(request).getJourney();
    }

    @Test
    void createsAJourneyAndReadsItBackTheSame() {
        Journey journey = create(orderToDelivery());

        assertThat(UUID.fromString(journey.getId())).isNotNull();
        assertThat(journey.getName()).isEqualTo("Objednávka až po doručení");
        assertThat(journey.getDescription()).isEqualTo("Od košíku ke dveřím");
        assertThat(journey.hasCreatedAt()).isTrue();
        assertThat(journey.getUpdatedAt()).isEqualTo(journey.getCreatedAt());
        assertThat(journey.getStagesList()).extracting(Stage::getName).containsExactly("Objednávka", "Doručení");
        assertThat(journey.getStages(0).getTouchpointsList()).extracting(Touchpoint::getName, Touchpoint::getChannel,
                        Touchpoint::getStatus, Touchpoint::getSurveyId, Touchpoint::hasRetiredAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Web shop", Channel.CHANNEL_WEB,
                                TouchpointStatus.TOUCHPOINT_STATUS_ACTIVE, "", false),
                        org.assertj.core.groups.Tuple.tuple("Zákaznická linka", Channel.CHANNEL_PHONE,
                                TouchpointStatus.TOUCHPOINT_STATUS_ACTIVE, "", false));
        assertThat(journey.getStages(1).getTouchpoints(0).getName()).isEqualTo("تحویل");

        Journey read = journeys(key).getJourney(GetJourneyRequest.newBuilder().setJourneyId(journey.getId()).build())
                .getJourney();
        assertThat(read).isEqualTo(journey);
    }

    @Test
    void aJourneyWithoutDescriptionHasNone() {
        Journey journey = create(CreateJourneyRequest.newBuilder().setName("Podpora").build());

        assertThat(journey.hasDescription()).isFalse();
        assertThat(journey.getStagesCount()).isZero();
    }

    @Test
    void everyChangeAnswersTheWholeJourney() {
        Journey journey = create(orderToDelivery());
        String id = journey.getId();
        String order = journey.getStages(0).getId();
        String delivery = journey.getStages(1).getId();

        assertThat(journeys(key).renameJourney(RenameJourneyRequest.newBuilder().setJourneyId(id).setName("Nákup")
                .build()).getJourney().getName()).isEqualTo("Nákup");
        Journey withStage = journeys(key).addStage(AddStageRequest.newBuilder().setJourneyId(id).setName("Platba")
                .setIndex(1).build()).getJourney();
        assertThat(withStage.getStagesList()).extracting(Stage::getName)
                .containsExactly("Objednávka", "Platba", "Doručení");
        String payment = withStage.getStages(1).getId();
        Journey last = journeys(key).addStage(AddStageRequest.newBuilder().setJourneyId(id).setName("Reklamace")
                .build()).getJourney();
        assertThat(last.getStages(3).getName()).isEqualTo("Reklamace");
        assertThat(journeys(key).renameStage(RenameStageRequest.newBuilder().setJourneyId(id).setStageId(delivery)
                .setName("Doprava").build()).getJourney().getStages(2).getName()).isEqualTo("Doprava");
        Journey withTouchpoint = journeys(key).addTouchpoint(AddTouchpointRequest.newBuilder().setJourneyId(id)
                .setStageId(payment).setName("Platební brána").setChannel(Channel.CHANNEL_IN_APP).build())
                .getJourney();
        assertThat(withTouchpoint.getStages(1).getTouchpoints(0).getChannel()).isEqualTo(Channel.CHANNEL_IN_APP);
        Journey reordered = journeys(key).reorderStages(ReorderStagesRequest.newBuilder().setJourneyId(id)
                .addAllStageIds(List.of(last.getStages(3).getId(), delivery, payment, order)).build()).getJourney();
        assertThat(reordered.getStagesList()).extracting(Stage::getName)
                .containsExactly("Reklamace", "Doprava", "Platba", "Objednávka");

        Journey read = journeys(key).getJourney(GetJourneyRequest.newBuilder().setJourneyId(id).build()).getJourney();
        assertThat(read).isEqualTo(reordered);
        assertThat(read.getUpdatedAt().getSeconds() * 1_000_000_000L + read.getUpdatedAt().getNanos())
                .isGreaterThan(read.getCreatedAt().getSeconds() * 1_000_000_000L + read.getCreatedAt().getNanos());
    }

    @Test
    void retiresOnceAndForAllAndAttachesAndDetachesASurvey() {
        Journey journey = create(orderToDelivery());
        String id = journey.getId();
        String web = journey.getStages(0).getTouchpoints(0).getId();
        String phone = journey.getStages(0).getTouchpoints(1).getId();
        String survey = surveys(key).createSurvey(CreateSurveyRequest.newBuilder().setContent(standardContent())
                .build()).getSurvey().getId();

        Journey attached = journeys(key).attachSurvey(AttachSurveyRequest.newBuilder().setJourneyId(id)
                .setTouchpointId(web).setSurveyId(survey).build()).getJourney();
        assertThat(attached.getStages(0).getTouchpoints(0).getSurveyId()).isEqualTo(survey);
        Journey detached = journeys(key).detachSurvey(DetachSurveyRequest.newBuilder().setJourneyId(id)
                .setTouchpointId(web).build()).getJourney();
        assertThat(detached.getStages(0).getTouchpoints(0).getSurveyId()).isEmpty();

        Touchpoint retired = journeys(key).retireTouchpoint(RetireTouchpointRequest.newBuilder().setJourneyId(id)
                .setTouchpointId(phone).build()).getJourney().getStages(0).getTouchpoints(1);
        Touchpoint again = journeys(key).retireTouchpoint(RetireTouchpointRequest.newBuilder().setJourneyId(id)
                .setTouchpointId(phone).build()).getJourney().getStages(0).getTouchpoints(1);
        assertThat(retired.getId()).isEqualTo(phone);
        assertThat(retired.getStatus()).isEqualTo(TouchpointStatus.TOUCHPOINT_STATUS_RETIRED);
        assertThat(retired.hasRetiredAt()).isTrue();
        assertThat(again).isEqualTo(retired);
        assertFails(Status.Code.FAILED_PRECONDITION, "touchpoint.retired",
                () -> journeys(key).attachSurvey(AttachSurveyRequest.newBuilder().setJourneyId(id)
                        .setTouchpointId(phone).setSurveyId(survey).build()));
    }

    @Test
    void listsPageByPageOldestFirst() {
        Journey first = create(orderToDelivery());
        Journey second = create(orderToDelivery());
        Journey third = create(orderToDelivery());

        ListJourneysResponse page = journeys(key).listJourneys(ListJourneysRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(2)).build());
        ListJourneysResponse next = journeys(key).listJourneys(ListJourneysRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(page.getNextPageToken())).build());

        assertThat(page.getJourneysList()).extracting(Journey::getId).containsExactly(first.getId(), second.getId());
        assertThat(next.getJourneysList()).extracting(Journey::getId).containsExactly(third.getId());
        assertThat(next.getNextPageToken()).isEmpty();
        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "page.limit-out-of-range",
                () -> journeys(key).listJourneys(ListJourneysRequest.newBuilder()
                        .setPage(PageRequest.newBuilder().setPageSize(101)).build())),
                "page.pageSize", "page.limit-out-of-range");
    }

    @Test
    void badDefinitionsNameEveryFieldAndCreateNothing() {
        CreateJourneyRequest bad = CreateJourneyRequest.newBuilder()
                .setDescription("")
                .addStages(StageDefinition.newBuilder().setName("Platba")
                        .addTouchpoints(touchpoint("Karta", Channel.CHANNEL_UNSPECIFIED))
                        .addTouchpoints(TouchpointDefinition.newBuilder().setName("Fax").setChannelValue(42)))
                .addStages(StageDefinition.newBuilder().setName("platba"))
                .build();

        com.google.rpc.Status status = assertFails(Status.Code.INVALID_ARGUMENT, "value.required",
                () -> journeys(key).createJourney(bad));
        assertThat(badRequest(status).getFieldViolationsList())
                .extracting(v -> v.getField(), v -> v.getReason())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "value.required"),
                        org.assertj.core.groups.Tuple.tuple("description", "value.required"),
                        org.assertj.core.groups.Tuple.tuple("stages[0].touchpoints[0].channel", "value.required"),
                        org.assertj.core.groups.Tuple.tuple("stages[0].touchpoints[1].channel", "channel.unknown"));

        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "journey.stage-name-duplicate",
                () -> journeys(key).createJourney(bad.toBuilder().setName("J").clearDescription()
                        .setStages(0, StageDefinition.newBuilder().setName("Platba")).build())),
                "stages[1].name", "journey.stage-name-duplicate");
        CreateJourneyRequest.Builder tooMany = CreateJourneyRequest.newBuilder().setName("J");
        IntStream.range(0, 51).forEach(i -> tooMany.addStages(StageDefinition.newBuilder().setName("S" + i)));
        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "journey.stages-count",
                () -> journeys(key).createJourney(tooMany.build())), "stages", "journey.stages-count");

        assertThat(journeys(key).listJourneys(ListJourneysRequest.getDefaultInstance()).getJourneysCount()).isZero();
    }

    @Test
    void badChangesAnswerPreciseCodes() {
        Journey journey = create(orderToDelivery());
        String id = journey.getId();
        String order = journey.getStages(0).getId();

        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "journey.stage-order-mismatch",
                () -> journeys(key).reorderStages(ReorderStagesRequest.newBuilder().setJourneyId(id)
                        .addStageIds(order).build())), "stageIds", "journey.stage-order-mismatch");
        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "journey.stage-order-mismatch",
                () -> journeys(key).reorderStages(ReorderStagesRequest.newBuilder().setJourneyId(id)
                        .addStageIds(order).addStageIds("second").build())), "stageIds",
                "journey.stage-order-mismatch");
        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "journey.touchpoint-name-duplicate",
                () -> journeys(key).addTouchpoint(AddTouchpointRequest.newBuilder().setJourneyId(id)
                        .setStageId(order).setName("WEB SHOP").setChannel(Channel.CHANNEL_WEB).build())),
                "name", "journey.touchpoint-name-duplicate");
        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "channel.unknown",
                () -> journeys(key).addTouchpoint(AddTouchpointRequest.newBuilder().setJourneyId(id)
                        .setStageId(order).setName("Fax").setChannelValue(99).build())),
                "channel", "channel.unknown");
        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "journey.stage-index-out-of-range",
                () -> journeys(key).addStage(AddStageRequest.newBuilder().setJourneyId(id).setName("X").setIndex(3)
                        .build())), "index", "journey.stage-index-out-of-range");
        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "value.required",
                () -> journeys(key).renameJourney(RenameJourneyRequest.newBuilder().setJourneyId(id).build())),
                "name", "value.required");
        assertField(assertFails(Status.Code.INVALID_ARGUMENT, "value.required",
                () -> journeys(key).attachSurvey(AttachSurveyRequest.newBuilder().setJourneyId(id)
                        .setTouchpointId(journey.getStages(0).getTouchpoints(0).getId()).build())),
                "surveyId", "value.required");
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> journeys(key).attachSurvey(AttachSurveyRequest.newBuilder().setJourneyId(id)
                        .setTouchpointId(journey.getStages(0).getTouchpoints(0).getId())
                        .setSurveyId(UUID.randomUUID().toString()).build()));
        assertFails(Status.Code.NOT_FOUND, "journey.not-found",
                () -> journeys(key).getJourney(GetJourneyRequest.newBuilder().setJourneyId("nope").build()));
        assertFails(Status.Code.NOT_FOUND, "stage.not-found",
                () -> journeys(key).renameStage(RenameStageRequest.newBuilder().setJourneyId(id)
                        .setStageId(UUID.randomUUID().toString()).setName("X").build()));
        assertFails(Status.Code.NOT_FOUND, "touchpoint.not-found",
                () -> journeys(key).retireTouchpoint(RetireTouchpointRequest.newBuilder().setJourneyId(id)
                        .setTouchpointId(UUID.randomUUID().toString()).build()));

        assertThat(journeys(key).getJourney(GetJourneyRequest.newBuilder().setJourneyId(id).build()).getJourney())
                .isEqualTo(journey);
    }

    @Test
    void aFullJourneyIsAFailedPrecondition() {
        CreateJourneyRequest.Builder fifty = CreateJourneyRequest.newBuilder().setName("J");
        IntStream.range(0, 50).forEach(i -> fifty.addStages(StageDefinition.newBuilder().setName("S" + i)));
        Journey journey = create(fifty.build());

        assertFails(Status.Code.FAILED_PRECONDITION, "journey.stages-full",
                () -> journeys(key).addStage(AddStageRequest.newBuilder().setJourneyId(journey.getId())
                        .setName("S50").build()));
    }

    @Test
    void scopesAndCredentialsAreChecked() {
        Journey journey = create(orderToDelivery());
        String reader = key(tenant, Scope.JOURNEYS_READ);

        assertThat(journeys(reader).getJourney(GetJourneyRequest.newBuilder().setJourneyId(journey.getId()).build())
                .getJourney().getId()).isEqualTo(journey.getId());
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> journeys(reader).createJourney(orderToDelivery()));
        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> journeys(key(tenant, Scope.JOURNEYS_WRITE)).getJourney(GetJourneyRequest.newBuilder()
                        .setJourneyId(journey.getId()).build()));
        assertFails(Status.Code.UNAUTHENTICATED, "auth.credentials-missing",
                () -> journeys(null).renameJourney(RenameJourneyRequest.newBuilder().setJourneyId("nope").build()));
    }
}
