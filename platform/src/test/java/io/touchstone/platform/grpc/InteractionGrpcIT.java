package io.touchstone.platform.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.platform.support.StoredEvents;
import io.touchstone.proto.v1.Interaction;
import io.touchstone.proto.v1.InteractionServiceGrpc;
import io.touchstone.proto.v1.LifecycleEvent;
import io.touchstone.proto.v1.LifecycleKind;
import io.touchstone.proto.v1.Outcome;
import io.touchstone.proto.v1.RecordInteractionsRequest;
import io.touchstone.proto.v1.RecordInteractionsResponse;
import io.touchstone.proto.v1.RecordLifecycleEventsRequest;
import io.touchstone.proto.v1.RecordLifecycleEventsResponse;
import io.touchstone.proto.v1.RecordResult;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InteractionGrpcIT extends GrpcTestSupport {

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    Mutiny.SessionFactory sessions;

    private TestTenant tenant;
    private String key;
    private String touchpoint;

    @BeforeEach
    void tenantWithATouchpoint() {
        tenant = tenant();
        key = tenant.adminKey();
        touchpoint = given().header("X-API-Key", key).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body("""
                        {"name": "Podpora", "stages": [{"name": "Případ",
                          "touchpoints": [{"name": "Zákaznická linka", "channel": "PHONE"}]}]}
                        """.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/journeys")
                .then().statusCode(201).extract().path("stages[0].touchpoints[0].id");
    }

    /** The client side of one stream: the acknowledgements as they arrive, and how the stream ended. */
    private static final class Acks implements StreamObserver<RecordInteractionsResponse> {

        final List<RecordInteractionsResponse> arrived = new CopyOnWriteArrayList<>();
        final BlockingQueue<RecordInteractionsResponse> unread = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        @Override
        public void onNext(RecordInteractionsResponse value) {
            arrived.add(value);
            unread.add(value);
        }

        @Override
        public void onError(Throwable t) {
            ended.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
            ended.complete(null);
        }

        RecordInteractionsResponse next() throws InterruptedException {
            RecordInteractionsResponse ack = unread.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return ack == null ? fail("no acknowledgement arrived") : ack;
        }

        List<RecordInteractionsResponse> awaitAll() throws Exception {
            ended.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return List.copyOf(arrived);
        }

        StatusRuntimeException awaitFailure() throws Exception {
            try {
                ended.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return fail("the stream ended normally");
            } catch (ExecutionException e) {
                return (StatusRuntimeException) e.getCause();
            }
        }
    }

    private InteractionServiceGrpc.InteractionServiceStub stub(ManagedChannel over, String apiKey) {
        return presenting(InteractionServiceGrpc.newStub(over), apiKey);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private RecordInteractionsRequest call(String eventId, Outcome outcome) {
        return RecordInteractionsRequest.newBuilder().setInteraction(Interaction.newBuilder()
                        .setEventId(eventId)
                        .setTouchpointId(touchpoint)
                        .setCustomerRef("zákazník-" + eventId)
                        .setOccurredAt(timestamp(Instant.now()))
                        .setOutcome(outcome)
                        .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(95))
                        .setEmployee("agent-17")
                        .putAttributes("queue", "billing"))
                .build();
    }

    private List<RecordInteractionsResponse> record(String apiKey, List<RecordInteractionsRequest> requests)
            throws Exception {
        Acks acks = new Acks();
        StreamObserver<RecordInteractionsRequest> stream = stub(channel, apiKey).recordInteractions(acks);
        requests.forEach(stream::onNext);
        stream.onCompleted();
        return acks.awaitAll();
    }

    private List<String> stored() {
        return StoredEvents.interactionEventIds(unitOfWork, sessions, tenant.id().value().toString());
    }

    @Test
    void answersEveryEventInOrderStoringTheValidOnesAndRefusingTheOthers() throws Exception {
        RecordInteractionsRequest first = call("call-1", Outcome.OUTCOME_COMPLETED);
        List<RecordInteractionsRequest> requests = List.of(
                first,
                call("call-2", Outcome.OUTCOME_UNSPECIFIED),
                call("call-3", Outcome.OUTCOME_ABANDONED).toBuilder()
                        .setInteraction(call("call-3", Outcome.OUTCOME_ABANDONED).getInteraction().toBuilder()
                                .setTouchpointId("0190a5e0-0000-7000-8000-000000000000"))
                        .build(),
                first,
                first.toBuilder().setInteraction(first.getInteraction().toBuilder().setOutcome(
                        Outcome.OUTCOME_ABANDONED)).build(),
                call("call-4", Outcome.OUTCOME_ABANDONED).toBuilder()
                        .setInteraction(call("call-4", Outcome.OUTCOME_ABANDONED).getInteraction().toBuilder()
                                .setOccurredAt(timestamp(Instant.now().plusSeconds(3_600))))
                        .build(),
                call("call-5", Outcome.OUTCOME_ABANDONED));

        List<RecordInteractionsResponse> acks = record(key, requests);

        assertThat(acks).extracting(RecordInteractionsResponse::getIndex).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(acks).extracting(RecordInteractionsResponse::getEventId)
                .containsExactly("call-1", "call-2", "call-3", "call-1", "call-1", "call-4", "call-5");
        assertThat(acks).extracting(RecordInteractionsResponse::getResult).containsExactly(
                RecordResult.RECORD_RESULT_STORED, RecordResult.RECORD_RESULT_REJECTED,
                RecordResult.RECORD_RESULT_REJECTED, RecordResult.RECORD_RESULT_DUPLICATE,
                RecordResult.RECORD_RESULT_REJECTED, RecordResult.RECORD_RESULT_REJECTED,
                RecordResult.RECORD_RESULT_STORED);
        assertThat(acks.get(0).getInteractionId()).matches("[0-9a-f-]{36}");
        assertThat(acks.get(0).hasRecordedAt()).isTrue();
        assertThat(acks.get(3).getInteractionId()).isEqualTo(acks.get(0).getInteractionId());
        assertThat(acks.get(3).getRecordedAt()).isEqualTo(acks.get(0).getRecordedAt());
        assertRefused(acks.get(1), Code.INVALID_ARGUMENT, "value.required", "outcome");
        assertRefused(acks.get(2), Code.NOT_FOUND, "touchpoint.not-found", null);
        assertRefused(acks.get(4), Code.ALREADY_EXISTS, "interaction.event-conflict", null);
        assertRefused(acks.get(5), Code.INVALID_ARGUMENT, "interaction.occurred-in-future", "occurredAt");
        assertThat(stored()).containsExactly("call-1", "call-5");
    }

    @Test
    void eachEventIsAcknowledgedOnlyAfterItIsInTheDatabase() throws Exception {
        Acks acks = new Acks();
        StreamObserver<RecordInteractionsRequest> stream = stub(channel, key).recordInteractions(acks);
        List<String> sent = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            String eventId = "step-" + i;
            stream.onNext(call(eventId, Outcome.OUTCOME_COMPLETED));
            sent.add(eventId);
            assertThat(acks.next().getResult()).isEqualTo(RecordResult.RECORD_RESULT_STORED);
            // another connection sees it: committed, not merely flushed
            assertThat(stored()).containsExactlyElementsOf(sent);
        }
        stream.onCompleted();

        assertThat(acks.awaitAll()).hasSize(3);
    }

    /**
     * The resume protocol: a client sends 300 events without waiting, loses its connection after 60
     * acknowledgements, and sends every event it has no acknowledgement for again on a new connection. The database
     * then holds each of the 300 exactly once; what was stored but not yet acknowledged when the connection died
     * comes back as a duplicate.
     */
    @Test
    void aBrokenStreamResumedWithEverythingUnacknowledgedStoresEachEventExactlyOnce() throws Exception {
        List<RecordInteractionsRequest> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(call("ev-%03d".formatted(i), i % 4 == 0 ? Outcome.OUTCOME_ABANDONED : Outcome.OUTCOME_COMPLETED));
        }
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.grpc.server.test-port", Integer.class)
                .orElse(9001);
        ManagedChannel doomed = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        Acks firstAcks = new Acks();
        StreamObserver<RecordInteractionsRequest> first = stub(doomed, key).recordInteractions(firstAcks);
        events.forEach(first::onNext);
        for (int i = 0; i < 60; i++) {
            firstAcks.next();
        }
        doomed.shutdownNow();
        assertThat(doomed.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(firstAcks.awaitFailure().getStatus().getCode()).isIn(Status.Code.UNAVAILABLE,
                Status.Code.CANCELLED);

        Set<String> acknowledged = new LinkedHashSet<>();
        firstAcks.arrived.forEach(ack -> {
            assertThat(ack.getResult()).isEqualTo(RecordResult.RECORD_RESULT_STORED);
            acknowledged.add(ack.getEventId());
        });
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(60).hasSizeLessThan(300);
        List<RecordInteractionsRequest> unacknowledged = events.stream()
                .filter(event -> !acknowledged.contains(event.getInteraction().getEventId()))
                .toList();

        List<RecordInteractionsResponse> resumed = record(key, unacknowledged);

        assertThat(resumed).extracting(RecordInteractionsResponse::getEventId).containsExactlyElementsOf(
                unacknowledged.stream().map(event -> event.getInteraction().getEventId()).toList());
        assertThat(resumed).extracting(RecordInteractionsResponse::getResult)
                .allMatch(result -> result == RecordResult.RECORD_RESULT_STORED
                        || result == RecordResult.RECORD_RESULT_DUPLICATE);
        assertThat(stored()).containsExactlyElementsOf(
                events.stream().map(event -> event.getInteraction().getEventId()).sorted().toList());
    }

    /**
     * grpc-java cannot decode such a message, so it cannot answer it as one event: it ends the call. After the first
     * response was sent it does so by resetting the HTTP/2 stream, which the client sees as CANCELLED (before that,
     * RESOURCE_EXHAUSTED). What was acknowledged stays stored; the big event and those after it are not.
     */
    @Test
    void aMessageOverTheSizeLimitEndsTheStreamAfterWhatWasAcknowledged() throws Exception {
        Acks acks = new Acks();
        StreamObserver<RecordInteractionsRequest> stream = stub(channel, key).recordInteractions(acks);
        stream.onNext(call("small-1", Outcome.OUTCOME_COMPLETED));
        assertThat(acks.next().getResult()).isEqualTo(RecordResult.RECORD_RESULT_STORED);

        RecordInteractionsRequest huge = call("huge-1", Outcome.OUTCOME_COMPLETED);
        stream.onNext(huge.toBuilder().setInteraction(huge.getInteraction().toBuilder()
                .putAttributes("blob", "x".repeat(1_100_000))).build());
        stream.onNext(call("after-1", Outcome.OUTCOME_COMPLETED));

        StatusRuntimeException ended = acks.awaitFailure();
        assertThat(ended.getStatus().getCode()).isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.CANCELLED);
        assertThat(acks.arrived).hasSize(1);
        assertThat(stored()).containsExactly("small-1");
    }

    @Test
    void aStreamOfAKeyWithoutTheScopeEndsPermissionDeniedAndStoresNothing() throws Exception {
        String reader = key(tenant, Scope.RESPONSES_WRITE, Scope.JOURNEYS_READ);
        Acks acks = new Acks();
        StreamObserver<RecordInteractionsRequest> stream = stub(channel, reader).recordInteractions(acks);
        stream.onNext(call("call-1", Outcome.OUTCOME_COMPLETED));
        stream.onCompleted();

        StatusRuntimeException ended = acks.awaitFailure();
        assertThat(ended.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(errorInfo(StatusProto.fromThrowable(ended)).getReason()).isEqualTo("auth.scope-missing");
        assertThat(acks.arrived).isEmpty();
        assertThat(stored()).isEmpty();
    }

    @Test
    void aStreamWithoutAKeyEndsUnauthenticated() throws Exception {
        Acks acks = new Acks();
        StreamObserver<RecordInteractionsRequest> stream = stub(channel, null).recordInteractions(acks);
        stream.onNext(call("call-1", Outcome.OUTCOME_COMPLETED));
        stream.onCompleted();

        assertThat(acks.awaitFailure().getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(stored()).isEmpty();
    }

    @Test
    void lifecycleEventsAreRecordedOneByOneAndIdempotent() {
        Timestamp now = timestamp(Instant.now());
        RecordLifecycleEventsRequest request = RecordLifecycleEventsRequest.newBuilder()
                .addEvents(LifecycleEvent.newBuilder().setEventId("act-1").setCustomerRef("cust-1")
                        .setKind(LifecycleKind.LIFECYCLE_KIND_ACTIVATED).setOccurredAt(now).putAttributes("plan", "pro"))
                .addEvents(LifecycleEvent.newBuilder().setEventId("churn-1").setCustomerRef("cust-1")
                        .setKind(LifecycleKind.LIFECYCLE_KIND_CHURNED).setOccurredAt(now).setReason("cena"))
                .addEvents(LifecycleEvent.newBuilder().setEventId("act-2").setCustomerRef("cust-2")
                        .setKind(LifecycleKind.LIFECYCLE_KIND_ACTIVATED).setOccurredAt(now).setReason("why"))
                .build();
        var stub = presenting(InteractionServiceGrpc.newBlockingStub(channel), key);

        RecordLifecycleEventsResponse first = stub.recordLifecycleEvents(request);
        RecordLifecycleEventsResponse again = stub.recordLifecycleEvents(request);

        assertThat(first.getResultsList()).extracting(r -> r.getResult()).containsExactly(
                RecordResult.RECORD_RESULT_STORED, RecordResult.RECORD_RESULT_STORED,
                RecordResult.RECORD_RESULT_REJECTED);
        assertThat(first.getResults(2).getError().getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertField(first.getResults(2).getError(), "reason", "lifecycle.reason-not-allowed");
        assertThat(again.getResultsList()).extracting(r -> r.getResult()).containsExactly(
                RecordResult.RECORD_RESULT_DUPLICATE, RecordResult.RECORD_RESULT_DUPLICATE,
                RecordResult.RECORD_RESULT_REJECTED);
        assertThat(again.getResults(1).getLifecycleEventId()).isEqualTo(first.getResults(1).getLifecycleEventId());
        assertThat(StoredEvents.lifecycleEventIds(unitOfWork, sessions, tenant.id().value().toString()))
                .containsExactly("act-1", "churn-1");
    }

    private static void assertRefused(RecordInteractionsResponse ack, Code code, String reason, String field) {
        assertThat(ack.hasError()).as("event %d refused", ack.getIndex()).isTrue();
        com.google.rpc.Status status = ack.getError();
        assertThat(status.getCode()).isEqualTo(code.getNumber());
        assertThat(status.getMessage()).isNotBlank();
        assertThat(errorInfo(status).getReason()).isEqualTo(reason);
        assertThat(errorInfo(status).getDomain()).isEqualTo(DOMAIN);
        if (field != null) {
            assertField(status, field, reason);
        }
        assertThat(ack.getInteractionId()).isEmpty();
    }
}
