package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.proto.v1.BulkSubmitResponsesResponse;
import io.touchstone.proto.v1.GetResponseRequest;
import io.touchstone.proto.v1.Response;
import io.touchstone.proto.v1.SubmitResponseRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkSubmitGrpcIT extends GrpcTestSupport {

    private TestTenant tenant;
    private String key;
    private String surveyId;

    @BeforeEach
    void publishedSurvey() {
        tenant = tenant();
        key = tenant.adminKey();
        surveyId = publishedSurvey(key);
    }

    /** The client side of one stream: the results as they arrive, and how the stream ended. */
    private static final class Results implements StreamObserver<BulkSubmitResponsesResponse> {

        final List<BulkSubmitResponsesResponse> arrived = new CopyOnWriteArrayList<>();
        final BlockingQueue<BulkSubmitResponsesResponse> unread = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        @Override
        public void onNext(BulkSubmitResponsesResponse value) {
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

        BulkSubmitResponsesResponse next() throws InterruptedException {
            BulkSubmitResponsesResponse result = unread.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (result == null) {
                return fail("no result arrived");
            }
            return result;
        }

        List<BulkSubmitResponsesResponse> awaitAll() throws Exception {
            ended.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return List.copyOf(arrived);
        }
    }

    private List<BulkSubmitResponsesResponse> bulk(String apiKey, List<SubmitResponseRequest> requests)
            throws Exception {
        Results results = new Results();
        StreamObserver<SubmitResponseRequest> stream = responsesAsync(apiKey).bulkSubmitResponses(results);
        requests.forEach(stream::onNext);
        stream.onCompleted();
        return results.awaitAll();
    }

    @Test
    void answersEveryItemInOrderStoringTheValidOnesAndRefusingTheOthers() throws Exception {
        List<SubmitResponseRequest> requests = List.of(
                submission(surveyId, score("nps", 9)),
                submission(surveyId, score("nps", 11)),
                submission(surveyId, score("csat", 5), text("why", "Výborně")),
                submission(UUID.randomUUID().toString(), score("nps", 9)),
                submission("not-a-uuid", score("nps", 9)),
                submission(surveyId, text("nps", "devět")),
                submission(surveyId, choice("channel", "web")));

        List<BulkSubmitResponsesResponse> results = bulk(key, requests);

        assertThat(results).extracting(BulkSubmitResponsesResponse::getIndex)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(results).extracting(BulkSubmitResponsesResponse::getIdempotencyKey)
                .containsExactlyElementsOf(requests.stream().map(SubmitResponseRequest::getIdempotencyKey).toList());
        assertThat(results).extracting(BulkSubmitResponsesResponse::hasSubmitted)
                .containsExactly(true, false, true, false, false, false, true);

        assertItemError(results.get(1), Code.INVALID_ARGUMENT, "answer.out-of-range", "answers[0].score");
        assertItemError(results.get(3), Code.NOT_FOUND, "survey.not-found", null);
        assertItemError(results.get(4), Code.NOT_FOUND, "survey.not-found", null);
        assertItemError(results.get(5), Code.INVALID_ARGUMENT, "answer.wrong-type", "answers[0].text");

        List<String> submittedIds = results.stream().filter(BulkSubmitResponsesResponse::hasSubmitted)
                .map(r -> r.getSubmitted().getResponse().getId()).toList();
        assertThat(results.get(2).getSubmitted().getResponse().getAnswersList())
                .containsExactlyElementsOf(requests.get(2).getAnswersList());
        assertThat(storedResponses(key, surveyId)).extracting(Response::getId)
                .containsExactlyElementsOf(submittedIds);
    }

    @Test
    void aDuplicateKeyInsideTheStreamReplaysAndAReusedOneIsRefused() throws Exception {
        SubmitResponseRequest first = submission(surveyId, score("nps", 7));
        SubmitResponseRequest other = submission(surveyId, score("nps", 8));
        SubmitResponseRequest reused = first.toBuilder().setAnswers(0, score("nps", 0)).build();

        List<BulkSubmitResponsesResponse> results = bulk(key, List.of(first, other, first, reused));

        assertThat(results.get(0).getSubmitted().getReplayed()).isFalse();
        assertThat(results.get(2).getSubmitted().getReplayed()).isTrue();
        assertThat(results.get(2).getSubmitted().getResponse()).isEqualTo(results.get(0).getSubmitted().getResponse());
        assertItemError(results.get(3), Code.ALREADY_EXISTS, "idempotency.key-reused", null);
        assertThat(storedResponses(key, surveyId)).extracting(Response::getId).containsExactly(
                results.get(0).getSubmitted().getResponse().getId(),
                results.get(1).getSubmitted().getResponse().getId());
    }

    @Test
    void replaysWhatAnEarlierUnaryCallStored() throws Exception {
        SubmitResponseRequest request = submission(surveyId, score("nps", 10));
        Response stored = responses(key).submitResponse(request).getResponse();

        List<BulkSubmitResponsesResponse> results = bulk(key, List.of(request));

        assertThat(results.getFirst().getSubmitted().getReplayed()).isTrue();
        assertThat(results.getFirst().getSubmitted().getResponse()).isEqualTo(stored);
        assertThat(storedResponses(key, surveyId)).hasSize(1);
    }

    @Test
    void eachItemIsAnsweredAfterItWasStored() throws Exception {
        Results results = new Results();
        StreamObserver<SubmitResponseRequest> stream = responsesAsync(key).bulkSubmitResponses(results);

        for (int i = 0; i < 3; i++) {
            stream.onNext(submission(surveyId, score("nps", i)));
            BulkSubmitResponsesResponse result = results.next();
            assertThat(result.getIndex()).isEqualTo(i);
            Response stored = responses(key).getResponse(GetResponseRequest.newBuilder()
                    .setResponseId(result.getSubmitted().getResponse().getId()).build()).getResponse();
            assertThat(stored.getAnswers(0).getScore()).isEqualTo(i);
        }
        stream.onCompleted();

        assertThat(results.awaitAll()).hasSize(3);
    }

    @Test
    void anEmptyStreamEndsWithoutResults() throws Exception {
        assertThat(bulk(key, List.of())).isEmpty();
    }

    @Test
    void aStreamWithoutAValidKeyEndsUnauthenticatedAndStoresNothing() {
        for (String apiKey : new String[] {null, "tsk_0123456789abcdef01234567_" + "B".repeat(43)}) {
            Throwable ended = endOf(apiKey, List.of(submission(surveyId, score("nps", 9))));

            assertThat(ended).isInstanceOf(StatusRuntimeException.class);
            StatusRuntimeException status = (StatusRuntimeException) ended;
            assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(errorInfo(StatusProto.fromThrowable(status)).getReason())
                    .isEqualTo(apiKey == null ? "auth.credentials-missing" : "auth.key-invalid");
        }
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    @Test
    void itemsOfAKeyWithoutTheWriteScopeAreRefusedOneByOne() throws Exception {
        String reader = key(tenant, Scope.RESPONSES_READ);

        List<BulkSubmitResponsesResponse> results = bulk(reader, List.of(
                submission(surveyId, score("nps", 9)), submission(surveyId, score("nps", 1))));

        assertThat(results).hasSize(2);
        assertItemError(results.get(0), Code.PERMISSION_DENIED, "auth.scope-missing", null);
        assertItemError(results.get(1), Code.PERMISSION_DENIED, "auth.scope-missing", null);
        assertThat(storedResponses(key, surveyId)).isEmpty();
    }

    private Throwable endOf(String apiKey, List<SubmitResponseRequest> requests) {
        Results results = new Results();
        StreamObserver<SubmitResponseRequest> stream = responsesAsync(apiKey).bulkSubmitResponses(results);
        requests.forEach(stream::onNext);
        stream.onCompleted();
        try {
            results.ended.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return fail("the stream ended normally");
        } catch (ExecutionException e) {
            assertThat(results.arrived).isEmpty();
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            return fail("the stream did not end", e);
        }
    }

    private static void assertItemError(BulkSubmitResponsesResponse result, Code code, String reason, String field) {
        assertThat(result.hasError()).as("item %d refused", result.getIndex()).isTrue();
        com.google.rpc.Status status = result.getError();
        assertThat(status.getCode()).isEqualTo(code.getNumber());
        assertThat(status.getMessage()).isNotBlank();
        assertThat(errorInfo(status).getReason()).isEqualTo(reason);
        assertThat(errorInfo(status).getDomain()).isEqualTo(DOMAIN);
        if (field != null) {
            assertField(status, field, reason);
        }
    }
}
