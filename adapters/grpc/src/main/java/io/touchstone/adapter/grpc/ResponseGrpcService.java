package io.touchstone.adapter.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ReadResponsesUseCase;
import io.touchstone.application.port.in.SubmitResponseUseCase;
import io.touchstone.proto.v1.BulkSubmitResponsesResponse;
import io.touchstone.proto.v1.GetResponseRequest;
import io.touchstone.proto.v1.GetResponseResponse;
import io.touchstone.proto.v1.ListResponsesRequest;
import io.touchstone.proto.v1.ListResponsesResponse;
import io.touchstone.proto.v1.MutinyResponseServiceGrpc;
import io.touchstone.proto.v1.SubmitResponseRequest;
import io.touchstone.proto.v1.SubmitResponseResponse;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

@GrpcService
public class ResponseGrpcService extends MutinyResponseServiceGrpc.ResponseServiceImplBase {

    @Inject
    SubmitResponseUseCase submit;

    @Inject
    ReadResponsesUseCase read;

    @Inject
    GrpcCallers callers;

    @Inject
    GrpcErrors errors;

    @Override
    public Uni<SubmitResponseResponse> submitResponse(SubmitResponseRequest request) {
        return callers.current()
                .flatMap(caller -> submit.submit(caller, ResponseProtoMapper.command(request)))
                .map(ResponseProtoMapper::submitted)
                .onFailure().transform(errors::toStatusException);
    }

    /**
     * Authenticates once, from the stream's metadata, then stores the requests strictly one after another in the
     * order they arrive. Each gets its result after it was stored or refused; a refused one does not end the stream.
     */
    @Override
    public Multi<BulkSubmitResponsesResponse> bulkSubmitResponses(Multi<SubmitResponseRequest> requests) {
        return callers.current()
                .onFailure().transform(errors::toStatusException)
                .onItem().transformToMulti(caller -> {
                    AtomicLong next = new AtomicLong();
                    return requests.onItem().transformToUniAndConcatenate(
                            request -> submitItem(caller, next.getAndIncrement(), request));
                });
    }

    private Uni<BulkSubmitResponsesResponse> submitItem(Caller caller, long index, SubmitResponseRequest request) {
        BulkSubmitResponsesResponse.Builder result = BulkSubmitResponsesResponse.newBuilder()
                .setIndex(index)
                .setIdempotencyKey(request.getIdempotencyKey());
        return Uni.createFrom().deferred(() -> submit.submit(caller, ResponseProtoMapper.command(request)))
                .map(submission -> result.setSubmitted(ResponseProtoMapper.submitted(submission)).build())
                .onFailure().recoverWithItem(failure -> result.setError(errors.toStatus(failure)).build());
    }

    @Override
    public Uni<GetResponseResponse> getResponse(GetResponseRequest request) {
        return callers.current()
                .flatMap(caller -> read.get(caller, ResponseProtoMapper.responseId(request.getResponseId())))
                .map(response -> GetResponseResponse.newBuilder()
                        .setResponse(ResponseProtoMapper.response(response))
                        .build())
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public Uni<ListResponsesResponse> listResponses(ListResponsesRequest request) {
        return callers.current()
                .flatMap(caller -> read.list(caller, SurveyProtoMapper.surveyId(request.getSurveyId()),
                                CommonProtoMapper.page(request.getPage()))
                        .onFailure().transform(CommonProtoMapper::pageFields))
                .map(page -> ListResponsesResponse.newBuilder()
                        .addAllResponses(ResponseProtoMapper.responses(page.items()))
                        .setNextPageToken(CommonProtoMapper.nextPageToken(page.nextCursor()))
                        .build())
                .onFailure().transform(errors::toStatusException);
    }
}
