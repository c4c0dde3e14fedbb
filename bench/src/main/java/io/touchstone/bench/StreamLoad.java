package io.touchstone.bench;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.touchstone.proto.v1.BulkSubmitResponsesResponse;
import io.touchstone.proto.v1.ResponseServiceGrpc.ResponseServiceStub;
import io.touchstone.proto.v1.SubmitResponseRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code BulkSubmitResponses} load: {@code concurrency} bidirectional streams, each keeping up to {@code window}
 * requests in flight. The server answers each stream's requests in order, so a result is matched to its request by
 * position (and checked by idempotency key); the latency of an item runs from sending it to receiving its result.
 * When the budget is spent, each stream stops sending, waits for its outstanding results and half-closes.
 */
final class StreamLoad {

    private final ResponseServiceStub stub;
    private final Submissions submissions;
    private final int concurrency;
    private final int window;

    StreamLoad(ResponseServiceStub stub, Submissions submissions, int concurrency, int window) {
        this.stub = stub;
        this.submissions = submissions;
        this.concurrency = concurrency;
        this.window = window;
    }

    /** Runs until the budget is spent and every stream has drained (or {@code grace} after that has passed). */
    Tally<SubmitResponseRequest> run(Budget budget, Duration duration, Duration grace) throws InterruptedException {
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Stream stream = new Stream(i, budget);
            stub.bulkSubmitResponses(stream);
            streams.add(stream);
        }
        streams.forEach(Stream::start);
        long waitUntil = System.nanoTime() + duration.plus(grace).toNanos();
        Tally<SubmitResponseRequest> total = new Tally<>();
        for (Stream stream : streams) {
            long left = waitUntil - System.nanoTime();
            if (!stream.done.await(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
                stream.cancel();
                stream.done.await(5, TimeUnit.SECONDS);
            }
            synchronized (stream) {
                total.add(stream.tally);
            }
        }
        return total;
    }

    private final class Stream implements ClientResponseObserver<SubmitResponseRequest, BulkSubmitResponsesResponse> {

        private final int id;
        private final Budget budget;
        private final SubmitResponseRequest[] inFlight = new SubmitResponseRequest[window];
        private final long[] sentAt = new long[window];
        private final Tally<SubmitResponseRequest> tally = new Tally<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private ClientCallStreamObserver<SubmitResponseRequest> requests;
        private long received;
        private boolean halfClosed;
        private boolean finished;

        Stream(int id, Budget budget) {
            this.id = id;
            this.budget = budget;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<SubmitResponseRequest> requestStream) {
            this.requests = requestStream;
        }

        synchronized void start() {
            fill();
        }

        /** Sends until the window is full; half-closes once the budget is spent and nothing is outstanding. */
        private void fill() {
            while (!halfClosed && !finished && tally.sent - received < window) {
                if (!budget.take()) {
                    if (tally.sent == received) {
                        halfClosed = true;
                        requests.onCompleted();
                    }
                    return;
                }
                SubmitResponseRequest request = submissions.request(id, tally.sent);
                int slot = (int) (tally.sent % window);
                inFlight[slot] = request;
                sentAt[slot] = System.nanoTime();
                requests.onNext(request);
                tally.sent++;
            }
        }

        @Override
        public synchronized void onNext(BulkSubmitResponsesResponse result) {
            long now = System.nanoTime();
            if (received == tally.sent) {
                tally.mismatched++; // a result for nothing outstanding
                return;
            }
            int slot = (int) (received % window);
            SubmitResponseRequest request = inFlight[slot];
            if (result.getIndex() != received || !result.getIdempotencyKey().equals(request.getIdempotencyKey())) {
                tally.mismatched++;
            }
            tally.latency(now - sentAt[slot]);
            switch (result.getResultCase()) {
                case SUBMITTED -> {
                    tally.submitted++;
                    if (result.getSubmitted().getReplayed()) {
                        tally.replayed++;
                    }
                }
                case ERROR -> {
                    Status.Code code = Status.fromCodeValue(result.getError().getCode()).getCode();
                    if (Tally.outcomeUnknown(code)) {
                        tally.unknown.add(request);
                    } else {
                        tally.refused(code);
                    }
                }
                case RESULT_NOT_SET -> tally.unknown.add(request);
            }
            inFlight[slot] = null;
            received++;
            fill();
        }

        @Override
        public synchronized void onError(Throwable failure) {
            tally.failed(failure);
            abandonOutstanding();
        }

        @Override
        public synchronized void onCompleted() {
            abandonOutstanding(); // normally nothing: the server completes after the last result
        }

        /** Requests sent without a result: their outcome is unknown, so they are retried after the run. */
        private void abandonOutstanding() {
            for (long i = received; i < tally.sent; i++) {
                tally.unknown.add(inFlight[(int) (i % window)]);
            }
            received = tally.sent;
            finished = true;
            done.countDown();
        }

        void cancel() {
            requests.cancel("bench: results overdue", null);
        }
    }
}
