package io.touchstone.adapter.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.SurveySummaryUseCase;
import io.touchstone.proto.v1.GetSurveySummaryRequest;
import io.touchstone.proto.v1.GetSurveySummaryResponse;
import io.touchstone.proto.v1.MutinyMetricsServiceGrpc;
import jakarta.inject.Inject;

@GrpcService
public class MetricsGrpcService extends MutinyMetricsServiceGrpc.MetricsServiceImplBase {

    @Inject
    SurveySummaryUseCase summaries;

    @Inject
    GrpcCallers callers;

    @Inject
    GrpcErrors errors;

    @Override
    public Uni<GetSurveySummaryResponse> getSurveySummary(GetSurveySummaryRequest request) {
        return callers.current()
                .flatMap(caller -> summaries.summarise(caller, SurveyProtoMapper.surveyId(request.getSurveyId()),
                        request.hasVersion() ? request.getVersion() : null))
                .map(MetricsProtoMapper::summary)
                .onFailure().transform(errors::toStatusException);
    }
}
