package io.touchstone.adapter.grpc;

import io.grpc.ServerServiceDefinition;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ManageJourneysUseCase;
import io.touchstone.domain.journey.Journey;
import io.touchstone.proto.v1.AddStageRequest;
import io.touchstone.proto.v1.AddStageResponse;
import io.touchstone.proto.v1.AddTouchpointRequest;
import io.touchstone.proto.v1.AddTouchpointResponse;
import io.touchstone.proto.v1.AttachSurveyRequest;
import io.touchstone.proto.v1.AttachSurveyResponse;
import io.touchstone.proto.v1.CreateJourneyRequest;
import io.touchstone.proto.v1.CreateJourneyResponse;
import io.touchstone.proto.v1.DetachSurveyRequest;
import io.touchstone.proto.v1.DetachSurveyResponse;
import io.touchstone.proto.v1.GetJourneyRequest;
import io.touchstone.proto.v1.GetJourneyResponse;
import io.touchstone.proto.v1.ListJourneysRequest;
import io.touchstone.proto.v1.ListJourneysResponse;
import io.touchstone.proto.v1.MutinyJourneyServiceGrpc;
import io.touchstone.proto.v1.RenameJourneyRequest;
import io.touchstone.proto.v1.RenameJourneyResponse;
import io.touchstone.proto.v1.RenameStageRequest;
import io.touchstone.proto.v1.RenameStageResponse;
import io.touchstone.proto.v1.ReorderStagesRequest;
import io.touchstone.proto.v1.ReorderStagesResponse;
import io.touchstone.proto.v1.RetireTouchpointRequest;
import io.touchstone.proto.v1.RetireTouchpointResponse;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

@GrpcService
public class JourneyGrpcService extends MutinyJourneyServiceGrpc.JourneyServiceImplBase {

    @Inject
    ManageJourneysUseCase journeys;

    @Inject
    GrpcCallers callers;

    @Inject
    GrpcErrors errors;

    @Override
    public Uni<CreateJourneyResponse> createJourney(CreateJourneyRequest request) {
        return call(caller -> journeys.create(caller, JourneyProtoMapper.definition(request)),
                journey -> CreateJourneyResponse.newBuilder().setJourney(journey).build());
    }

    @Override
    public Uni<GetJourneyResponse> getJourney(GetJourneyRequest request) {
        return call(caller -> journeys.get(caller, JourneyProtoMapper.journeyId(request.getJourneyId())),
                journey -> GetJourneyResponse.newBuilder().setJourney(journey).build());
    }

    @Override
    public Uni<ListJourneysResponse> listJourneys(ListJourneysRequest request) {
        return callers.current()
                .flatMap(caller -> journeys.list(caller, CommonProtoMapper.page(request.getPage()))
                        .onFailure().transform(CommonProtoMapper::pageFields))
                .map(page -> ListJourneysResponse.newBuilder()
                        .addAllJourneys(JourneyProtoMapper.journeys(page.items()))
                        .setNextPageToken(CommonProtoMapper.nextPageToken(page.nextCursor()))
                        .build())
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public Uni<RenameJourneyResponse> renameJourney(RenameJourneyRequest request) {
        return call(caller -> journeys.rename(caller, JourneyProtoMapper.journeyId(request.getJourneyId()),
                        CommonProtoMapper.emptyToNull(request.getName())),
                journey -> RenameJourneyResponse.newBuilder().setJourney(journey).build());
    }

    @Override
    public Uni<AddStageResponse> addStage(AddStageRequest request) {
        return call(caller -> journeys.addStage(caller, JourneyProtoMapper.journeyId(request.getJourneyId()),
                        CommonProtoMapper.emptyToNull(request.getName()),
                        request.hasIndex() ? Optional.of(request.getIndex()) : Optional.empty()),
                journey -> AddStageResponse.newBuilder().setJourney(journey).build());
    }

    @Override
    public Uni<RenameStageResponse> renameStage(RenameStageRequest request) {
        return call(caller -> journeys.renameStage(caller, JourneyProtoMapper.journeyId(request.getJourneyId()),
                        JourneyProtoMapper.stageId(request.getStageId()),
                        CommonProtoMapper.emptyToNull(request.getName())),
                journey -> RenameStageResponse.newBuilder().setJourney(journey).build());
    }

    @Override
    public Uni<ReorderStagesResponse> reorderStages(ReorderStagesRequest request) {
        return call(caller -> journeys.reorderStages(caller, JourneyProtoMapper.journeyId(request.getJourneyId()),
                        JourneyProtoMapper.stageIds(request.getStageIdsList())),
                journey -> ReorderStagesResponse.newBuilder().setJourney(journey).build());
    }

    @Override
    public Uni<AddTouchpointResponse> addTouchpoint(AddTouchpointRequest request) {
        return call(caller -> journeys.addTouchpoint(caller, JourneyProtoMapper.journeyId(request.getJourneyId()),
                        JourneyProtoMapper.stageId(request.getStageId()),
                        CommonProtoMapper.emptyToNull(request.getName()),
                        ResponseProtoMapper.channel(request.getChannel())),
                journey -> AddTouchpointResponse.newBuilder().setJourney(journey).build());
    }

    @Override
    public Uni<RetireTouchpointResponse> retireTouchpoint(RetireTouchpointRequest request) {
        return call(caller -> journeys.retireTouchpoint(caller,
                        JourneyProtoMapper.journeyId(request.getJourneyId()),
                        JourneyProtoMapper.touchpointId(request.getTouchpointId())),
                journey -> RetireTouchpointResponse.newBuilder().setJourney(journey).build());
    }

    @Override
    public Uni<AttachSurveyResponse> attachSurvey(AttachSurveyRequest request) {
        return call(caller -> journeys.attachSurvey(caller, JourneyProtoMapper.journeyId(request.getJourneyId()),
                        JourneyProtoMapper.touchpointId(request.getTouchpointId()),
                        Optional.of(JourneyProtoMapper.surveyId(request.getSurveyId()))),
                journey -> AttachSurveyResponse.newBuilder().setJourney(journey).build());
    }

    @Override
    public Uni<DetachSurveyResponse> detachSurvey(DetachSurveyRequest request) {
        return call(caller -> journeys.attachSurvey(caller, JourneyProtoMapper.journeyId(request.getJourneyId()),
                        JourneyProtoMapper.touchpointId(request.getTouchpointId()), Optional.empty()),
                journey -> DetachSurveyResponse.newBuilder().setJourney(journey).build());
    }

    /**
     * Authenticates, then runs the use case; request fields are mapped inside {@code useCase}, after the caller is
     * known, so that a bad field of an unauthenticated call is answered UNAUTHENTICATED.
     */
    private <R> Uni<R> call(Function<Caller, Uni<Journey>> useCase, Function<io.touchstone.proto.v1.Journey, R> answer) {
        return callers.current()
                .flatMap(caller -> Uni.createFrom().deferred(() -> useCase.apply(caller)))
                .map(journey -> answer.apply(JourneyProtoMapper.journey(journey)))
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public ServerServiceDefinition bindService() {
        return MalformedMessages.refusedAsInvalidArgument(super.bindService());
    }
}
