package io.touchstone.adapter.grpc;

import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.ExportResponsesUseCase;
import io.touchstone.application.port.in.JourneyMapUseCase;
import io.touchstone.application.port.in.JourneyMapUseCase.JourneyMapQuery;
import io.touchstone.application.port.in.QueryMetricsUseCase;
import io.touchstone.application.port.in.StaffLeaderboardUseCase;
import io.touchstone.application.port.in.SurveySummaryUseCase;
import io.touchstone.proto.v1.ExportResponsesRequest;
import io.touchstone.proto.v1.ExportResponsesResponse;
import io.touchstone.proto.v1.GetJourneyMapRequest;
import io.touchstone.proto.v1.GetJourneyMapResponse;
import io.touchstone.proto.v1.GetStaffLeaderboardRequest;
import io.touchstone.proto.v1.GetStaffLeaderboardResponse;
import io.touchstone.proto.v1.GetSurveySummaryRequest;
import io.touchstone.proto.v1.GetSurveySummaryResponse;
import io.touchstone.proto.v1.MetricsServiceGrpc;
import io.touchstone.proto.v1.MutinyMetricsServiceGrpc;
import io.touchstone.proto.v1.QueryMetricsRequest;
import io.touchstone.proto.v1.QueryMetricsResponse;
import jakarta.inject.Inject;

/**
 * Summaries, metrics queries, the journey map and the staff leaderboard through the Mutiny bridge; the export through grpc-java's own server-streaming
 * handler, which {@link #bindService()} puts in place of the bridge's so that the export can follow the call's flow
 * control (see {@link ExportStream}).
 */
@GrpcService
public class MetricsGrpcService extends MutinyMetricsServiceGrpc.MetricsServiceImplBase {

    @Inject
    SurveySummaryUseCase summaries;

    @Inject
    QueryMetricsUseCase metrics;

    @Inject
    ExportResponsesUseCase exports;

    @Inject
    JourneyMapUseCase journeyMap;

    @Inject
    StaffLeaderboardUseCase leaderboards;

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

    @Override
    public Uni<QueryMetricsResponse> queryMetrics(QueryMetricsRequest request) {
        return callers.current()
                .flatMap(caller -> metrics.query(caller, MetricsQueryProtoMapper.command(request)))
                .map(MetricsQueryProtoMapper::report)
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public Uni<GetJourneyMapResponse> getJourneyMap(GetJourneyMapRequest request) {
        return callers.current()
                .flatMap(caller -> journeyMap.map(caller, new JourneyMapQuery(
                        JourneyProtoMapper.journeyId(request.getJourneyId()), emptyIsNull(request.getFrom()),
                        emptyIsNull(request.getTo()))))
                .map(JourneyMapProtoMapper::map)
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public Uni<GetStaffLeaderboardResponse> getStaffLeaderboard(GetStaffLeaderboardRequest request) {
        return callers.current()
                .flatMap(caller -> leaderboards.leaderboard(caller, StaffLeaderboardProtoMapper.command(request)))
                .map(StaffLeaderboardProtoMapper::report)
                .onFailure().transform(errors::toStatusException);
    }

    private static String emptyIsNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /**
     * The export: authenticates from the call's metadata at once, checks the export, then streams it as the call
     * becomes ready. Bound by {@link #bindService()}; the bridge's {@code exportResponses(request)} is never called.
     */
    void streamExport(ExportResponsesRequest request, StreamObserver<ExportResponsesResponse> observer) {
        ExportStream stream = new ExportStream((ServerCallStreamObserver<ExportResponsesResponse>) observer,
                errors::toStatusException);
        stream.start(callers.current()
                .flatMap(caller -> exports.export(caller, MetricsQueryProtoMapper.command(request))));
    }

    @Override
    public ServerServiceDefinition bindService() {
        ServerServiceDefinition bridged = super.bindService();
        String export = MetricsServiceGrpc.getExportResponsesMethod().getFullMethodName();
        ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(bridged.getServiceDescriptor());
        for (ServerMethodDefinition<?, ?> method : bridged.getMethods()) {
            if (!method.getMethodDescriptor().getFullMethodName().equals(export)) {
                definition.addMethod(method);
            }
        }
        definition.addMethod(MetricsServiceGrpc.getExportResponsesMethod(),
                ServerCalls.asyncServerStreamingCall(this::streamExport));
        return MalformedMessages.refusedAsInvalidArgument(definition.build());
    }
}
