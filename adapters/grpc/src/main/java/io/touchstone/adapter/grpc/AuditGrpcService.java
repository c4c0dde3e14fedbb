package io.touchstone.adapter.grpc;

import io.grpc.ServerServiceDefinition;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.ReadAuditLogUseCase;
import io.touchstone.proto.v1.ListAuditEventsRequest;
import io.touchstone.proto.v1.ListAuditEventsResponse;
import io.touchstone.proto.v1.MutinyAuditServiceGrpc;
import jakarta.inject.Inject;

@GrpcService
public class AuditGrpcService extends MutinyAuditServiceGrpc.AuditServiceImplBase {

    @Inject
    ReadAuditLogUseCase auditLog;

    @Inject
    GrpcCallers callers;

    @Inject
    GrpcErrors errors;

    @Override
    public Uni<ListAuditEventsResponse> listAuditEvents(ListAuditEventsRequest request) {
        return callers.current()
                .flatMap(caller -> auditLog.list(caller, CommonProtoMapper.page(request.getPage()))
                        .onFailure().transform(CommonProtoMapper::pageFields))
                .map(page -> ListAuditEventsResponse.newBuilder()
                        .addAllEvents(AuditProtoMapper.events(page.items()))
                        .setNextPageToken(CommonProtoMapper.nextPageToken(page.nextCursor()))
                        .build())
                .onFailure().transform(errors::toStatusException);
    }

    @Override
    public ServerServiceDefinition bindService() {
        return MalformedMessages.refusedAsInvalidArgument(super.bindService());
    }
}
