package io.touchstone.adapter.grpc;

import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.proto.v1.AuditAction;
import java.util.List;

/** Audit events into proto. */
final class AuditProtoMapper {

    private AuditProtoMapper() {
    }

    static List<io.touchstone.proto.v1.AuditEvent> events(List<AuditEvent> events) {
        return events.stream().map(AuditProtoMapper::event).toList();
    }

    static io.touchstone.proto.v1.AuditEvent event(AuditEvent event) {
        return io.touchstone.proto.v1.AuditEvent.newBuilder()
                .setId(event.id().toString())
                .setAction(action(event.action()))
                .setTargetId(event.targetId())
                .setPrincipal(event.principal())
                .setOccurredAt(CommonProtoMapper.timestamp(event.occurredAt()))
                .setRemoteAddress(event.remoteAddress().orElse(""))
                .build();
    }

    static AuditAction action(io.touchstone.domain.audit.AuditAction action) {
        return switch (action) {
            case TENANT_CREATED -> AuditAction.AUDIT_ACTION_TENANT_CREATED;
            case TENANT_SUSPENDED -> AuditAction.AUDIT_ACTION_TENANT_SUSPENDED;
            case TENANT_DELETED -> AuditAction.AUDIT_ACTION_TENANT_DELETED;
            case API_KEY_CREATED -> AuditAction.AUDIT_ACTION_API_KEY_CREATED;
            case API_KEY_REVOKED -> AuditAction.AUDIT_ACTION_API_KEY_REVOKED;
            case API_KEY_ROTATED -> AuditAction.AUDIT_ACTION_API_KEY_ROTATED;
            case SURVEY_PUBLISHED -> AuditAction.AUDIT_ACTION_SURVEY_PUBLISHED;
            case JOURNEY_CREATED -> AuditAction.AUDIT_ACTION_JOURNEY_CREATED;
            case TOUCHPOINT_RETIRED -> AuditAction.AUDIT_ACTION_TOUCHPOINT_RETIRED;
        };
    }
}
