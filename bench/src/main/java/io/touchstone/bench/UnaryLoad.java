package io.touchstone.bench;

import io.grpc.StatusRuntimeException;
import io.touchstone.proto.v1.ResponseServiceGrpc.ResponseServiceBlockingStub;
import io.touchstone.proto.v1.SubmitResponseRequest;
import io.touchstone.proto.v1.SubmitResponseResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Unary {@code SubmitResponse} load: {@code concurrency} threads, each sending one request at a time with a blocking
 * stub until the budget is spent. Latency is the duration of the call.
 */
final class UnaryLoad {

    private final ResponseServiceBlockingStub stub;
    private final Submissions submissions;
    private final int concurrency;
    private final Duration callTimeout;

    UnaryLoad(ResponseServiceBlockingStub stub, Submissions submissions, int concurrency, Duration callTimeout) {
        this.stub = stub;
        this.submissions = submissions;
        this.concurrency = concurrency;
        this.callTimeout = callTimeout;
    }

    Tally<SubmitResponseRequest> run(Budget budget) throws InterruptedException {
        List<Tally<SubmitResponseRequest>> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            int worker = i;
            Tally<SubmitResponseRequest> tally = new Tally<>();
            tallies.add(tally);
            threads.add(Thread.ofPlatform().name("unary-" + i).start(() -> work(worker, budget, tally)));
        }
        Tally<SubmitResponseRequest> total = new Tally<>();
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).join(); // each call is bounded by its deadline, so this ends
            total.add(tallies.get(i));
        }
        return total;
    }

    private void work(int worker, Budget budget, Tally<SubmitResponseRequest> tally) {
        while (budget.take()) {
            SubmitResponseRequest request = submissions.request(worker, tally.sent);
            tally.sent++;
            long start = System.nanoTime();
            try {
                SubmitResponseResponse result = stub.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .submitResponse(request);
                tally.latency(System.nanoTime() - start);
                tally.submitted++;
                if (result.getReplayed()) {
                    tally.replayed++;
                }
            } catch (StatusRuntimeException e) {
                tally.latency(System.nanoTime() - start);
                if (Tally.outcomeUnknown(e.getStatus().getCode())) {
                    tally.failed(e);
                    tally.unknown.add(request);
                } else {
                    tally.refused(e.getStatus().getCode());
                }
            }
        }
    }
}
