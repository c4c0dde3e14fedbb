package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.proto.v1.Channel;
import io.touchstone.proto.v1.DimensionFilter;
import io.touchstone.proto.v1.ExportResponsesRequest;
import io.touchstone.proto.v1.ExportResponsesResponse;
import io.touchstone.proto.v1.FilterOperator;
import io.touchstone.proto.v1.GetResponseRequest;
import io.touchstone.proto.v1.MetricsServiceGrpc;
import io.touchstone.proto.v1.Response;
import io.touchstone.proto.v1.ScoreRange;
import io.touchstone.proto.v1.SubmitResponseRequest;
import io.touchstone.platform.support.SubmissionClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server-streaming export over a real channel and real PostgreSQL. */
@QuarkusTest
class ExportGrpcIT extends GrpcTestSupport {

    private static final String WHY_CS = "Rychlé a vstřícné vyřízení, děkuji! Žluťoučký kůň úpěl ďábelské ódy.";
    private static final String WHY_FA = "حل کردن مشکلتان با ما چقدر آسان بود؟ خیلی آسان بود، ممنون! \u200Fپشتیبانی ۲۴ ساعته";

    private TestTenant tenant;
    private String key;
    private String surveyId;

    @BeforeEach
    void publishedSurvey() {
        SubmissionClock.install();
        tenant = tenant();
        key = tenant.adminKey();
        surveyId = publishedSurvey(key);
    }

    /** Today in the tenant's zone; responses submitted now fall on it. */
    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Prague"));
    }

    private ExportResponsesRequest.Builder export(LocalDate from, LocalDate to) {
        return ExportResponsesRequest.newBuilder().setSurveyId(surveyId).setFrom(from.toString())
                .setTo(to.toString());
    }

    /** Around today, so that a run at midnight still finds what it just submitted. */
    private ExportResponsesRequest.Builder exportAroundToday() {
        return export(today().minusDays(1), today().plusDays(2));
    }

    private MetricsServiceGrpc.MetricsServiceBlockingStub exports(String apiKey) {
        return metrics(apiKey);
    }

    /** Every message of the export, read with the blocking stub. */
    private List<ExportResponsesResponse> messages(String apiKey, ExportResponsesRequest.Builder request) {
        List<ExportResponsesResponse> messages = new ArrayList<>();
        Iterator<ExportResponsesResponse> stream = exports(apiKey).exportResponses(request.build());
        stream.forEachRemaining(messages::add);
        return messages;
    }

    /** The exported responses, after checking that exactly the first message is the layout. */
    private List<Response> exported(ExportResponsesRequest.Builder request) {
        List<ExportResponsesResponse> messages = messages(key, request);
        assertThat(messages).isNotEmpty();
        assertThat(messages.getFirst().hasLayout()).isTrue();
        assertThat(messages.subList(1, messages.size())).allSatisfy(message -> {
            assertThat(message.hasBatch()).isTrue();
            assertThat(message.getBatch().getResponsesList()).isNotEmpty();
        });
        return messages.stream().filter(ExportResponsesResponse::hasBatch)
                .flatMap(message -> message.getBatch().getResponsesList().stream()).toList();
    }

    private static List<String> ids(List<Response> responses) {
        return responses.stream().map(Response::getId).toList();
    }

    private Response submit(SubmitResponseRequest request) {
        return responses(key).submitResponse(request).getResponse();
    }

    private SubmitResponseRequest.Builder full(String language, Channel channel, String store, int nps) {
        SubmitResponseRequest.Builder request = submission(surveyId, score("nps", nps), score("csat", 4),
                score("ces", 6), text("why", language.equals("fa") ? WHY_FA : WHY_CS), choice("channel", "web"))
                .toBuilder()
                .setLanguage(language)
                .setRespondentRef("zákazník-" + nps)
                .putMetadata("note", language.equals("fa") ? WHY_FA : WHY_CS)
                .putMetadata("ticket", "T-" + nps);
        if (channel != null) {
            request.setChannel(channel);
        }
        if (store != null) {
            request.putMetadata("store", store);
        }
        return request;
    }

    @Test
    void theStreamedResponsesAreTheSubmittedOnesExactlyOldestFirst() {
        List<Response> submitted = List.of(
                submit(full("cs", Channel.CHANNEL_WEB, "Brno", 10).build()),
                submit(full("fa", Channel.CHANNEL_EMAIL, "Praha", 3).build()),
                submit(submission(surveyId, score("nps", 7)).toBuilder().setLanguage("fa").build()),
                submit(full("cs", null, null, 0).build()));

        List<ExportResponsesResponse> messages = messages(key, exportAroundToday());

        assertThat(messages.getFirst().getLayout().getSurveyId()).isEqualTo(surveyId);
        assertThat(messages.getFirst().getLayout().getQuestionIdsList())
                .containsExactly("nps", "csat", "ces", "why", "channel");
        List<Response> exported = messages.stream().filter(ExportResponsesResponse::hasBatch)
                .flatMap(message -> message.getBatch().getResponsesList().stream()).toList();
        assertThat(exported).containsExactlyElementsOf(submitted);
        assertThat(exported.get(1).getAnswers(3).getText()).isEqualTo(WHY_FA);
        assertThat(exported.get(1).getMetadataMap()).containsEntry("note", WHY_FA);
        assertThat(exported.get(0).getRespondentRef()).isEqualTo("zákazník-10");
        assertThat(exported.get(2).getChannel()).isEqualTo(Channel.CHANNEL_UNSPECIFIED);
    }

    @Test
    void anExportWithoutResponsesIsTheLayoutAlone() {
        submit(full("cs", Channel.CHANNEL_WEB, "Brno", 10).build());

        List<ExportResponsesResponse> messages = messages(key, export(LocalDate.parse("2026-01-05"),
                LocalDate.parse("2026-01-06")));

        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().getLayout().getSurveyId()).isEqualTo(surveyId);
    }

    @Test
    void filtersAndScoreRangesChooseTheResponses() {
        Response webBrno = submit(full("cs", Channel.CHANNEL_WEB, "Brno", 10).build());
        Response emailPraha = submit(full("fa", Channel.CHANNEL_EMAIL, "Praha", 3).build());
        Response noChannel = submit(full("cs", null, null, 9).build());
        Response webPraha = submit(full("cs", Channel.CHANNEL_WEB, "Praha", 6).build());

        assertThat(ids(exported(exportAroundToday().addFilters(DimensionFilter.newBuilder()
                .setDimension("channel").setOperator(FilterOperator.FILTER_OPERATOR_EQUALS).addValues("WEB")))))
                .containsExactly(webBrno.getId(), webPraha.getId());
        assertThat(ids(exported(exportAroundToday().addFilters(DimensionFilter.newBuilder()
                .setDimension("channel").setOperator(FilterOperator.FILTER_OPERATOR_NOT_IN).addValues("WEB")))))
                .containsExactly(emailPraha.getId(), noChannel.getId());
        assertThat(ids(exported(exportAroundToday().addFilters(DimensionFilter.newBuilder()
                .setDimension("attribute:store").setOperator(FilterOperator.FILTER_OPERATOR_IN).addValues("Praha")
                .addValues("Ostrava")))))
                .containsExactly(emailPraha.getId(), webPraha.getId());
        assertThat(ids(exported(exportAroundToday().addFilters(DimensionFilter.newBuilder()
                .setDimension("language").setOperator(FilterOperator.FILTER_OPERATOR_EQUALS).addValues("fa")))))
                .containsExactly(emailPraha.getId());
        // promoters only, and not in Brno
        assertThat(ids(exported(exportAroundToday()
                .addScoreRanges(ScoreRange.newBuilder().setQuestionId("nps").setMin(9).setMax(10))
                .addFilters(DimensionFilter.newBuilder().setDimension("attribute:store")
                        .setOperator(FilterOperator.FILTER_OPERATOR_NOT_IN).addValues("Brno")))))
                .containsExactly(noChannel.getId());
    }

    @Test
    void theDaysAreTheTenantsDays() {
        // Monday 2026-01-12 00:30 in Prague is still Sunday in UTC
        Response monday = submit(full("cs", Channel.CHANNEL_WEB, "Brno", 10)
                .setIdempotencyKey(SubmissionClock.at(OffsetDateTime.parse("2026-01-12T00:30:00+01:00").toInstant()))
                .build());
        Response stored = responses(key).getResponse(GetResponseRequest.newBuilder().setResponseId(monday.getId())
                .build()).getResponse();
        assertThat(stored.getSubmittedAt().getSeconds()).isEqualTo(
                java.time.OffsetDateTime.parse("2026-01-12T00:30:00+01:00").toEpochSecond());

        assertThat(exported(export(LocalDate.parse("2026-01-12"), LocalDate.parse("2026-01-13"))))
                .containsExactly(stored);
        assertThat(exported(export(LocalDate.parse("2026-01-11"), LocalDate.parse("2026-01-12")))).isEmpty();
    }

    /**
     * A client that takes one message at a time and pauses between them still gets every response, in batches of
     * at most 100, in order; the server waits for it instead of failing or dropping anything.
     */
    @Test
    void aSlowClientGetsEverythingInBatches() throws Exception {
        List<SubmitResponseRequest> requests = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            requests.add(full(i % 2 == 0 ? "cs" : "fa", Channel.CHANNEL_WEB, "Brno", i % 11)
                    .setIdempotencyKey("export-" + i).build());
        }
        List<String> submitted = new ArrayList<>();
        for (SubmitResponseRequest request : requests) {
            submitted.add(submit(request).getId());
        }

        List<ExportResponsesResponse> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        presenting(MetricsServiceGrpc.newStub(channel), key).exportResponses(exportAroundToday().build(),
                new ClientResponseObserver<ExportResponsesRequest, ExportResponsesResponse>() {
                    private ClientCallStreamObserver<ExportResponsesRequest> call;

                    @Override
                    public void beforeStart(ClientCallStreamObserver<ExportResponsesRequest> call) {
                        this.call = call;
                        call.disableAutoRequestWithInitial(1);
                    }

                    @Override
                    public void onNext(ExportResponsesResponse message) {
                        received.add(message);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        call.request(1);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        ended.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        ended.complete(null);
                    }
                });
        ended.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(received.getFirst().hasLayout()).isTrue();
        assertThat(received.subList(1, received.size()))
                .extracting(message -> message.getBatch().getResponsesCount()).containsExactly(100, 100, 50);
        assertThat(received.stream().filter(ExportResponsesResponse::hasBatch)
                .flatMap(message -> message.getBatch().getResponsesList().stream()).map(Response::getId).toList())
                .containsExactlyElementsOf(submitted);
    }

    /** Stores the requests through one BulkSubmitResponses stream; returns the stored responses' ids in order. */
    private List<String> bulkSubmit(List<SubmitResponseRequest> requests) throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        var stream = presenting(io.touchstone.proto.v1.ResponseServiceGrpc.newStub(channel), key)
                .withDeadlineAfter(120, TimeUnit.SECONDS)
                .bulkSubmitResponses(new io.grpc.stub.StreamObserver<>() {
                    @Override
                    public void onNext(io.touchstone.proto.v1.BulkSubmitResponsesResponse result) {
                        if (result.hasError()) {
                            ended.completeExceptionally(new AssertionError("refused: " + result.getError()));
                        }
                        ids.add(result.getSubmitted().getResponse().getId());
                    }

                    @Override
                    public void onError(Throwable failure) {
                        ended.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        ended.complete(null);
                    }
                });
        requests.forEach(stream::onNext);
        stream.onCompleted();
        ended.get(120, TimeUnit.SECONDS);
        return List.copyOf(ids);
    }

    /**
     * A client that stops reading stops the server from reading: with the client's HTTP/2 window at 64 KiB, the
     * server has read (and holds) only about the batch that filled the window while 2,000 responses of ~3 KB (6 MB)
     * wait in the database; when the client reads on, it gets every one of them, in order.
     */
    @Test
    void aClientThatStopsReadingStopsTheServerReading() throws Exception {
        String text = "Příliš žluťoučký kůň úpěl ďábelské ódy. ".repeat(60);
        List<SubmitResponseRequest> requests = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            requests.add(submission(surveyId, score("nps", i % 11), text("why", text)).toBuilder()
                    .setIdempotencyKey("stalled-" + i).build());
        }
        List<String> submitted = bulkSubmit(requests);
        assertThat(submitted).hasSize(2_000);

        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.grpc.server.test-port", Integer.class).orElse(9001);
        io.grpc.ManagedChannel small = io.grpc.netty.NettyChannelBuilder.forAddress("localhost", port)
                .usePlaintext().flowControlWindow(64 * 1024).build();
        try {
            List<ExportResponsesResponse> received = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> ended = new CompletableFuture<>();
            CompletableFuture<ClientCallStreamObserver<ExportResponsesRequest>> started = new CompletableFuture<>();
            presenting(MetricsServiceGrpc.newStub(small), key).withDeadlineAfter(120, TimeUnit.SECONDS)
                    .exportResponses(exportAroundToday().build(),
                            new ClientResponseObserver<ExportResponsesRequest, ExportResponsesResponse>() {
                                @Override
                                public void beforeStart(ClientCallStreamObserver<ExportResponsesRequest> call) {
                                    call.disableAutoRequestWithInitial(1);
                                    started.complete(call);
                                }

                                @Override
                                public void onNext(ExportResponsesResponse message) {
                                    received.add(message);
                                }

                                @Override
                                public void onError(Throwable failure) {
                                    ended.completeExceptionally(failure);
                                }

                                @Override
                                public void onCompleted() {
                                    ended.complete(null);
                                }
                            });
            ClientCallStreamObserver<ExportResponsesRequest> call = started.get(10, TimeUnit.SECONDS);

            // the layout arrives; then the client reads nothing for a while
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(received).hasSize(1);
            assertThat(received.getFirst().hasLayout()).isTrue();
            Thread.sleep(2_000);
            long readWhileStalled = CountingExports.read(tenant.id());
            assertThat(readWhileStalled).as("responses read from storage while the client read nothing")
                    .isPositive().isLessThanOrEqualTo(300);
            assertThat(ended).isNotDone();

            call.request(Integer.MAX_VALUE);
            ended.get(60, TimeUnit.SECONDS);

            assertThat(received.stream().filter(ExportResponsesResponse::hasBatch)
                    .flatMap(message -> message.getBatch().getResponsesList().stream()).map(Response::getId)
                    .toList()).containsExactlyElementsOf(submitted);
            assertThat(CountingExports.read(tenant.id())).isEqualTo(2_000);
        } finally {
            small.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    // --- refused exports ---------------------------------------------------------------------------------------------

    @Test
    void withoutTheResponsesScopeTheExportIsRefused() {
        String metricsOnly = key(tenant, Scope.METRICS_READ);

        assertFails(Status.Code.PERMISSION_DENIED, "auth.scope-missing",
                () -> exports(metricsOnly).exportResponses(exportAroundToday().build()).hasNext());
        assertFails(Status.Code.UNAUTHENTICATED, "auth.credentials-missing",
                () -> exports(null).exportResponses(exportAroundToday().build()).hasNext());
    }

    @Test
    void anotherTenantsSurveyIsNotFound() {
        TestTenant other = tenant();
        String otherSurvey = publishedSurvey(other.adminKey());
        responses(other.adminKey()).submitResponse(submission(otherSurvey, score("nps", 10)));

        assertFails(Status.Code.NOT_FOUND, "survey.not-found", () -> exports(key).exportResponses(
                exportAroundToday().setSurveyId(otherSurvey).build()).hasNext());
        assertFails(Status.Code.NOT_FOUND, "survey.not-found", () -> exports(key).exportResponses(
                exportAroundToday().setSurveyId("not-a-uuid").build()).hasNext());
    }

    @Test
    void aBadExportNamesEveryFieldBeforeAnyMessage() {
        com.google.rpc.Status status = assertFails(Status.Code.INVALID_ARGUMENT, "value.required",
                () -> exports(key).exportResponses(ExportResponsesRequest.newBuilder()
                        .setFrom("2026-02-01").setTo("2026-01-01")
                        .addFilters(DimensionFilter.newBuilder().setDimension("question")
                                .setOperator(FilterOperator.FILTER_OPERATOR_EQUALS).addValues("nps"))
                        .addFilters(DimensionFilter.newBuilder().setDimension("channel")
                                .setOperator(FilterOperator.FILTER_OPERATOR_UNSPECIFIED).addValues("WEB"))
                        .addScoreRanges(ScoreRange.newBuilder().setQuestionId("nps").setMin(7).setMax(3))
                        .build()).hasNext());

        assertField(status, "surveyId", "value.required");
        assertThat(badRequest(status).getFieldViolationsList()).extracting(v -> v.getField(), v -> v.getReason())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("surveyId", "value.required"),
                        org.assertj.core.groups.Tuple.tuple("to", "query.range-empty"),
                        org.assertj.core.groups.Tuple.tuple("filters[1].operator", "query.filter-operator-unknown"),
                        org.assertj.core.groups.Tuple.tuple("scoreRanges[0]", "query.score-range-invalid"));

        com.google.rpc.Status question = assertFails(Status.Code.INVALID_ARGUMENT, "query.dimension-not-applicable",
                () -> exports(key).exportResponses(exportAroundToday()
                        .addFilters(DimensionFilter.newBuilder().setDimension("question")
                                .setOperator(FilterOperator.FILTER_OPERATOR_EQUALS).addValues("nps"))
                        .build()).hasNext());
        assertField(question, "filters[0].dimension", "query.dimension-not-applicable");
    }
}
