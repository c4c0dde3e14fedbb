package io.touchstone.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.ExportResponsesUseCase.Export;
import io.touchstone.domain.analytics.ExportLayout;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.proto.v1.ExportResponsesResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The export follows the call's readiness: it never reads further ahead than one batch of what the call took. */
class ExportStreamTest {

    private static final SurveyId SURVEY = new SurveyId(UUID.fromString("0190f0a0-0000-7000-8000-000000000001"));
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final ExportLayout LAYOUT = new ExportLayout(List.of(new QuestionId("nps"), new QuestionId("why")));

    /**
     * A call that takes {@code window} more batches before it is no longer ready, as a transport does whose client
     * reads no further; it records what the server sent.
     */
    private static final class Call extends ServerCallStreamObserver<ExportResponsesResponse> {
        final List<ExportResponsesResponse> sent = new ArrayList<>();
        int window = Integer.MAX_VALUE;
        boolean completed;
        Throwable error;
        Runnable onReady;
        Runnable onCancel;

        /** The client read: the call takes {@code batches} more and tells the server it is ready. */
        void readsMore(int batches) {
            window = batches;
            onReady.run();
        }

        void cancelByClient() {
            onCancel.run();
        }

        long responsesSent() {
            return sent.stream().filter(ExportResponsesResponse::hasBatch)
                    .mapToLong(message -> message.getBatch().getResponsesCount()).sum();
        }

        @Override
        public boolean isReady() {
            return window > 0;
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
            onReady = handler;
        }

        @Override
        public void setOnCancelHandler(Runnable handler) {
            onCancel = handler;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void onNext(ExportResponsesResponse message) {
            sent.add(message);
            if (message.hasBatch()) {
                window--;
            }
        }

        @Override
        public void onError(Throwable failure) {
            error = failure;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }
    }

    private static Response response(long i, String text) {
        return Response.rehydrate(new ResponseId(new UUID(0x0190f0a000007000L, i)), TENANT, SURVEY, 1,
                LanguageTag.of("cs"), null, null, Map.of("store", "Brno"),
                List.of(new Answer(new QuestionId("nps"), new AnswerValue.Score((int) (i % 11))),
                        new Answer(new QuestionId("why"), new AnswerValue.Text(text))),
                Instant.parse("2026-01-05T10:00:00Z").plusSeconds(i));
    }

    /** Responses made only as they are requested; counts what was requested and made, notes a cancellation. */
    private record Source(Multi<Response> responses, AtomicLong requested, AtomicLong made, AtomicBoolean cancelled) {
        static Source of(long count, String text) {
            AtomicLong requested = new AtomicLong();
            AtomicLong made = new AtomicLong();
            AtomicBoolean cancelled = new AtomicBoolean();
            Multi<Response> responses = Multi.createFrom().range(0, (int) count)
                    .onItem().transform(i -> {
                        made.incrementAndGet();
                        return response(i, text);
                    })
                    .onRequest().invoke(requested::addAndGet)
                    .onCancellation().invoke(() -> cancelled.set(true));
            return new Source(responses, requested, made, cancelled);
        }
    }

    private static Call started(Multi<Response> responses) {
        Call call = new Call();
        new ExportStream(call, failure -> new StatusRuntimeException(Status.INTERNAL))
                .start(Uni.createFrom().item(new Export(SURVEY, LAYOUT, responses)));
        return call;
    }

    @Test
    void theLayoutComesFirstThenBatchesInOrderUntilTheEnd() {
        Source source = Source.of(250, "Rychlé vyřízení");

        Call call = started(source.responses());

        assertThat(call.sent.getFirst().hasLayout()).isTrue();
        assertThat(call.sent.getFirst().getLayout().getSurveyId()).isEqualTo(SURVEY.value().toString());
        assertThat(call.sent.getFirst().getLayout().getQuestionIdsList()).containsExactly("nps", "why");
        assertThat(call.sent.subList(1, call.sent.size())).extracting(m -> m.getBatch().getResponsesCount())
                .containsExactly(100, 100, 50);
        List<String> ids = call.sent.stream().filter(ExportResponsesResponse::hasBatch)
                .flatMap(m -> m.getBatch().getResponsesList().stream()).map(io.touchstone.proto.v1.Response::getId)
                .toList();
        assertThat(ids).hasSize(250).doesNotHaveDuplicates();
        assertThat(ids.getFirst()).isEqualTo(response(0, "").id().value().toString());
        assertThat(ids.getLast()).isEqualTo(response(249, "").id().value().toString());
        assertThat(call.completed).isTrue();
        assertThat(call.error).isNull();
    }

    @Test
    void anEmptyExportIsTheLayoutAlone() {
        Call call = started(Multi.createFrom().empty());

        assertThat(call.sent).hasSize(1);
        assertThat(call.sent.getFirst().hasLayout()).isTrue();
        assertThat(call.completed).isTrue();
    }

    @Test
    void aClientThatReadsSlowlyIsSentOnlyWhatItTakesAndNothingMoreIsRead() {
        Source source = Source.of(1_000_000, "ok");
        Call call = new Call();
        call.window = 0;

        new ExportStream(call, failure -> new StatusRuntimeException(Status.INTERNAL))
                .start(Uni.createFrom().item(new Export(SURVEY, LAYOUT, source.responses())));

        assertThat(call.sent).hasSize(1);
        assertThat(source.requested().get()).isZero();

        call.readsMore(1);
        assertThat(call.responsesSent()).isEqualTo(100);
        assertThat(source.requested().get()).isEqualTo(100);
        assertThat(source.made().get()).isEqualTo(100);

        for (int round = 0; round < 10; round++) {
            call.readsMore(3);
        }
        assertThat(call.responsesSent()).isEqualTo(3_100);
        assertThat(source.requested().get()).isEqualTo(3_100);
        assertThat(source.made().get()).isEqualTo(3_100);
        assertThat(call.completed).isFalse();
    }

    @Test
    void aReadyCallThatStaysReadyGetsEverything() {
        Source source = Source.of(10_000, "ok");

        Call call = started(source.responses());

        assertThat(call.responsesSent()).isEqualTo(10_000);
        assertThat(source.made().get()).isEqualTo(10_000);
        assertThat(call.completed).isTrue();
    }

    @Test
    void largeResponsesAreSplitSoThatNoMessageGrowsPastTheLimit() {
        // 100 responses of about 20 KiB each (Czech and Persian text, 1-2 bytes a character): 2 MB in all
        String text = "Příliš žluťoučký kůň úpěl ďábelské ódy. ".repeat(300) + "خیلی خوب بود".repeat(200);
        Source source = Source.of(100, text);

        Call call = started(source.responses());

        List<ExportResponsesResponse> batches = call.sent.subList(1, call.sent.size());
        long bytes = batches.stream().mapToLong(ExportResponsesResponse::getSerializedSize).sum();
        assertThat(bytes).isGreaterThan(4L * ExportStream.BATCH_BYTES);
        assertThat(batches).hasSizeGreaterThanOrEqualTo((int) (bytes / ExportStream.BATCH_BYTES) + 1);
        assertThat(batches).allSatisfy(message ->
                assertThat(message.getSerializedSize()).isLessThanOrEqualTo(ExportStream.BATCH_BYTES + 16));
        assertThat(call.responsesSent()).isEqualTo(100);
        assertThat(batches.getFirst().getBatch().getResponses(0).getAnswers(1).getText()).isEqualTo(text);
        assertThat(call.completed).isTrue();
    }

    @Test
    void aClientThatGoesAwayStopsTheReading() {
        Source source = Source.of(1_000_000, "ok");
        Call call = new Call();
        call.window = 0;
        new ExportStream(call, failure -> new StatusRuntimeException(Status.INTERNAL))
                .start(Uni.createFrom().item(new Export(SURVEY, LAYOUT, source.responses())));
        call.readsMore(1);

        call.cancelByClient();
        call.readsMore(5);

        assertThat(source.cancelled().get()).isTrue();
        assertThat(source.requested().get()).isEqualTo(100);
        assertThat(call.responsesSent()).isEqualTo(100);
        assertThat(call.completed).isFalse();
        assertThat(call.error).isNull();
    }

    @Test
    void aCancelledCallIsNeverStarted() {
        Source source = Source.of(1_000, "ok");
        Call call = new Call();
        ExportStream stream = new ExportStream(call, failure -> new StatusRuntimeException(Status.INTERNAL));

        call.cancelByClient();
        stream.start(Uni.createFrom().item(new Export(SURVEY, LAYOUT, source.responses())));

        assertThat(call.sent).isEmpty();
        assertThat(source.requested().get()).isZero();
    }

    @Test
    void aRefusedExportEndsTheCallWithItsStatusBeforeAnyMessage() {
        Call call = new Call();
        new ExportStream(call, new GrpcErrors()::toStatusException)
                .start(Uni.createFrom().failure(new NotFound("survey.not-found", "no survey with this id")));

        assertThat(call.sent).isEmpty();
        assertThat(call.error).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void aFailureWhileStreamingEndsTheStreamWithAnError() {
        Multi<Response> failing = Multi.createFrom().range(0, 150).onItem().transform(i -> {
            if (i == 120) {
                throw new IllegalStateException("connection lost");
            }
            return response(i, "ok");
        });

        Call call = started(failing);

        assertThat(call.responsesSent()).isEqualTo(100);
        assertThat(call.completed).isFalse();
        assertThat(call.error).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL));
    }
}
