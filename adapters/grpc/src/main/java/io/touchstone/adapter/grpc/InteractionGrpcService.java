package io.touchstone.adapter.grpc;

import io.grpc.ServerServiceDefinition;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.RecordInteractionsUseCase;
import io.touchstone.application.port.in.RecordLifecycleEventsUseCase;
import io.touchstone.proto.v1.MutinyInteractionServiceGrpc;
import io.touchstone.proto.v1.RecordInteractionsRequest;
import io.touchstone.proto.v1.RecordInteractionsResponse;
import io.touchstone.proto.v1.RecordLifecycleEventsRequest;
import io.touchstone.proto.v1.RecordLifecycleEventsResponse;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

@GrpcService
public class InteractionGrpcService extends MutinyInteractionServiceGrpc.InteractionServiceImplBase {

    @Inject
    RecordInteractionsUseCase interactions;

    @Inject
    RecordLifecycleEventsUseCase lifecycleEvents;

    @Inject
    GrpcCallers callers;

    @Inject
    GrpcErrors errors;

    /**
     * Authenticates once, from the stream's metadata, then records the interactions strictly one after another in
     * the order they arrive (as {@code BulkSubmitResponses} does), each in its own transaction. An interaction's
     * response is sent only once the use case returned its result, which is after its transaction committed. A
     * refusal is the event's response; any other failure ends the stream, leaving the event unanswered.
     */
    @Override
    public Multi<RecordInteractionsResponse> recordInteractions(Multi<RecordInteractionsRequest> requests) {
        return callers.current()
                .onFailure().transform(errors::toStatusException)
                .onItem().transformToMulti(caller -> {
                    AtomicLong next = new AtomicLong();
                    return requests.onItem().transformToUniAndConcatenate(
                            request -> recordItem(caller, next.getAndIncrement(), request));
                });
    }

    private Uni<RecordInteractionsResponse> recordItem(Caller caller, long index, RecordInteractionsRequest request) {
        return Uni.createFrom()
                .deferred(() -> interactions.recordOne(caller, InteractionProtoMapper.input(request.getInteraction())))
                .map(result -> InteractionProtoMapper.ack(index, result, errors::toStatus))
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public Uni<RecordLifecycleEventsResponse> recordLifecycleEvents(RecordLifecycleEventsRequest request) {
        return callers.current()
                .flatMap(caller -> lifecycleEvents.record(caller, InteractionProtoMapper.inputs(request.getEventsList())))
                .map(results -> RecordLifecycleEventsResponse.newBuilder()
                        .addAllResults(IntStream.range(0, results.size())
                                .mapToObj(i -> InteractionProtoMapper.result(i, results.get(i), errors::toStatus))
                                .toList())
                        .build())
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public ServerServiceDefinition bindService() {
        return MalformedMessages.refusedAsInvalidArgument(super.bindService());
    }
}
