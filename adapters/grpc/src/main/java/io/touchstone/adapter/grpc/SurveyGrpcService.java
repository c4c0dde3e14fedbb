package io.touchstone.adapter.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.ManageSurveysUseCase;
import io.touchstone.proto.v1.CreateSurveyRequest;
import io.touchstone.proto.v1.CreateSurveyResponse;
import io.touchstone.proto.v1.GetSurveyRequest;
import io.touchstone.proto.v1.GetSurveyResponse;
import io.touchstone.proto.v1.ListSurveysRequest;
import io.touchstone.proto.v1.ListSurveysResponse;
import io.touchstone.proto.v1.MutinySurveyServiceGrpc;
import io.touchstone.proto.v1.PublishSurveyRequest;
import io.touchstone.proto.v1.PublishSurveyResponse;
import io.touchstone.proto.v1.ReviseSurveyRequest;
import io.touchstone.proto.v1.ReviseSurveyResponse;
import jakarta.inject.Inject;

@GrpcService
public class SurveyGrpcService extends MutinySurveyServiceGrpc.SurveyServiceImplBase {

    @Inject
    ManageSurveysUseCase surveys;

    @Inject
    GrpcCallers callers;

    @Inject
    GrpcErrors errors;

    @Override
    public Uni<CreateSurveyResponse> createSurvey(CreateSurveyRequest request) {
        return callers.current()
                .flatMap(caller -> surveys.create(caller, SurveyProtoMapper.definition(request.getContent()))
                        .onFailure().transform(SurveyProtoMapper::contentFields))
                .map(survey -> CreateSurveyResponse.newBuilder().setSurvey(SurveyProtoMapper.survey(survey)).build())
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public Uni<ReviseSurveyResponse> reviseSurvey(ReviseSurveyRequest request) {
        return callers.current()
                .flatMap(caller -> surveys.revise(caller, SurveyProtoMapper.surveyId(request.getSurveyId()),
                                SurveyProtoMapper.definition(request.getContent()))
                        .onFailure().transform(SurveyProtoMapper::contentFields))
                .map(survey -> ReviseSurveyResponse.newBuilder().setSurvey(SurveyProtoMapper.survey(survey)).build())
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public Uni<PublishSurveyResponse> publishSurvey(PublishSurveyRequest request) {
        return callers.current()
                .flatMap(caller -> surveys.publish(caller, SurveyProtoMapper.surveyId(request.getSurveyId())))
                .map(survey -> PublishSurveyResponse.newBuilder().setSurvey(SurveyProtoMapper.survey(survey)).build())
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public Uni<GetSurveyResponse> getSurvey(GetSurveyRequest request) {
        return callers.current()
                .flatMap(caller -> surveys.get(caller, SurveyProtoMapper.surveyId(request.getSurveyId())))
                .map(survey -> GetSurveyResponse.newBuilder().setSurvey(SurveyProtoMapper.survey(survey)).build())
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public Uni<ListSurveysResponse> listSurveys(ListSurveysRequest request) {
        return callers.current()
                .flatMap(caller -> surveys.list(caller, CommonProtoMapper.page(request.getPage()))
                        .onFailure().transform(CommonProtoMapper::pageFields))
                .map(page -> ListSurveysResponse.newBuilder()
                        .addAllSurveys(SurveyProtoMapper.surveys(page.items()))
                        .setNextPageToken(CommonProtoMapper.nextPageToken(page.nextCursor()))
                        .build())
                .onFailure().transform(errors::toStatusException);
    }
}
