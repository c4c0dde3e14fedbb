package io.touchstone.adapter.grpc;

import io.touchstone.application.port.in.EventResult;
import io.touchstone.application.port.in.RecordInteractionsUseCase.InteractionInput;
import io.touchstone.application.port.in.RecordLifecycleEventsUseCase.LifecycleEventInput;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.proto.v1.LifecycleEvent;
import io.touchstone.proto.v1.LifecycleEventResult;
import io.touchstone.proto.v1.LifecycleKind;
import io.touchstone.proto.v1.Outcome;
import io.touchstone.proto.v1.RecordInteractionsResponse;
import io.touchstone.proto.v1.RecordResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Interactions and lifecycle events between proto and the use cases. */
final class InteractionProtoMapper {

    private InteractionProtoMapper() {
    }

    static InteractionInput input(io.touchstone.proto.v1.Interaction interaction) {
        return new InteractionInput(interaction.getEventId(), interaction.getTouchpointId(),
                interaction.getCustomerRef(),
                interaction.hasOccurredAt() ? instant(interaction.getOccurredAt()) : null,
                outcome(interaction.getOutcome()),
                interaction.hasDuration() ? Duration.ofSeconds(interaction.getDuration().getSeconds(),
                        interaction.getDuration().getNanos()) : null,
                interaction.hasEmployee() ? interaction.getEmployee() : null,
                interaction.hasTeam() ? interaction.getTeam() : null,
                interaction.hasLocation() ? interaction.getLocation() : null,
                interaction.getAttributesMap());
    }

    static LifecycleEventInput input(LifecycleEvent event) {
        return new LifecycleEventInput(event.getEventId(), event.getCustomerRef(), kind(event.getKind()),
                event.hasOccurredAt() ? instant(event.getOccurredAt()) : null,
                event.hasReason() ? event.getReason() : null, event.getAttributesMap());
    }

    static List<LifecycleEventInput> inputs(List<LifecycleEvent> events) {
        return events.stream().map(InteractionProtoMapper::input).toList();
    }

    /** The enum's name in the domain; an unspecified value is absent, an unrecognised one passed on to be refused. */
    private static String outcome(Outcome outcome) {
        return switch (outcome) {
            case OUTCOME_UNSPECIFIED -> null;
            case OUTCOME_COMPLETED -> "COMPLETED";
            case OUTCOME_ABANDONED -> "ABANDONED";
            case UNRECOGNIZED -> "UNRECOGNIZED";
        };
    }

    private static String kind(LifecycleKind kind) {
        return switch (kind) {
            case LIFECYCLE_KIND_UNSPECIFIED -> null;
            case LIFECYCLE_KIND_ACTIVATED -> "ACTIVATED";
            case LIFECYCLE_KIND_CHURNED -> "CHURNED";
            case UNRECOGNIZED -> "UNRECOGNIZED";
        };
    }

    private static Instant instant(com.google.protobuf.Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    static RecordInteractionsResponse ack(long index, EventResult<Interaction> result,
            Function<Throwable, com.google.rpc.Status> errors) {
        RecordInteractionsResponse.Builder ack = RecordInteractionsResponse.newBuilder()
                .setIndex(index)
                .setEventId(result.eventId() == null ? "" : result.eventId());
        return switch (result) {
            case EventResult.Stored<Interaction>(String id, Interaction interaction) ->
                    stored(ack.setResult(RecordResult.RECORD_RESULT_STORED), interaction);
            case EventResult.Duplicate<Interaction>(String id, Interaction interaction) ->
                    stored(ack.setResult(RecordResult.RECORD_RESULT_DUPLICATE), interaction);
            case EventResult.Rejected<Interaction>(String id, var reason) ->
                    ack.setResult(RecordResult.RECORD_RESULT_REJECTED).setError(errors.apply(reason)).build();
        };
    }

    private static RecordInteractionsResponse stored(RecordInteractionsResponse.Builder ack, Interaction interaction) {
        return ack.setInteractionId(interaction.id().toString())
                .setRecordedAt(CommonProtoMapper.timestamp(interaction.recordedAt()))
                .build();
    }

    static LifecycleEventResult result(long index, EventResult<io.touchstone.domain.interaction.LifecycleEvent> result,
            Function<Throwable, com.google.rpc.Status> errors) {
        LifecycleEventResult.Builder out = LifecycleEventResult.newBuilder()
                .setIndex(index)
                .setEventId(result.eventId() == null ? "" : result.eventId());
        return switch (result) {
            case EventResult.Stored<io.touchstone.domain.interaction.LifecycleEvent>(String id, var event) ->
                    out.setResult(RecordResult.RECORD_RESULT_STORED).setLifecycleEventId(event.id().toString())
                            .setRecordedAt(CommonProtoMapper.timestamp(event.recordedAt())).build();
            case EventResult.Duplicate<io.touchstone.domain.interaction.LifecycleEvent>(String id, var event) ->
                    out.setResult(RecordResult.RECORD_RESULT_DUPLICATE).setLifecycleEventId(event.id().toString())
                            .setRecordedAt(CommonProtoMapper.timestamp(event.recordedAt())).build();
            case EventResult.Rejected<io.touchstone.domain.interaction.LifecycleEvent>(String id, var reason) ->
                    out.setResult(RecordResult.RECORD_RESULT_REJECTED).setError(errors.apply(reason)).build();
        };
    }
}
