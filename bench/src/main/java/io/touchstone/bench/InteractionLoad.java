package io.touchstone.bench;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.touchstone.proto.v1.Interaction;
import io.touchstone.proto.v1.InteractionServiceGrpc.InteractionServiceStub;
import io.touchstone.proto.v1.RecordInteractionsRequest;
import io.touchstone.proto.v1.RecordInteractionsResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code RecordInteractions} load: {@code concurrency} bidirectional streams, each keeping up to {@code window} events
 * in flight. The server answers each event once it is committed, in the order sent, so a response is matched to its
 * event by position (and checked by event id); the latency of an event runs from sending it to its acknowledgement.
 *
 * <p>Stream 0 may break its call on purpose {@code breaks} times, each after {@code breakAfter} responses on the call
 * and with events still in flight, and resume as a client must after a lost stream: a new call that first sends again
 * every event it has no response for, under the same event id and content. Those the server committed before the break
 * come back DUPLICATE (nothing written), the others STORED; either way each event is acknowledged once by this client.
 */
final class InteractionLoad {

    private final InteractionServiceStub stub;
    private final InteractionEvents events;
    private final int concurrency;
    private final int window;

    InteractionLoad(InteractionServiceStub stub, InteractionEvents events, int concurrency, int window) {
        this.stub = stub;
        this.events = events;
        this.concurrency = concurrency;
        this.window = window;
    }

    /** Runs until the budget is spent and every stream has drained (or {@code grace} after that has passed). */
    Tally<Interaction> run(Budget budget, Duration duration, Duration grace, int breaks, long breakAfter)
            throws InterruptedException {
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            streams.add(new Stream(i, budget, i == 0 ? breaks : 0, breakAfter));
        }
        return await(streams, duration.plus(grace));
    }

    /**
     * Sends again, on one new stream, the events whose outcome is unknown (a stream that failed, or results overdue at
     * the end of the run), under their own event id and content. Bounded in time.
     */
    Tally<Interaction> resend(List<Interaction> unknown, Duration limit) throws InterruptedException {
        Stream stream = new Stream(-1, new Budget(Duration.ZERO, 0), 0, 0);
        stream.resend.addAll(unknown);
        return await(List.of(stream), limit);
    }

    private static Tally<Interaction> await(List<Stream> streams, Duration limit) throws InterruptedException {
        streams.forEach(Stream::start);
        long waitUntil = System.nanoTime() + limit.toNanos();
        Tally<Interaction> total = new Tally<>();
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

    private record Sent(Interaction event, long at) {
    }

    /** One worker: a sequence of calls (a new one after each deliberate break), with the events in flight on it. */
    private final class Stream {

        private final int id;
        private final Budget budget;
        private final long breakAfter;
        private final Tally<Interaction> tally = new Tally<>();
        private final CountDownLatch done = new CountDownLatch(1);
        /** Sent on the current call, no response yet, in the order sent. */
        private final ArrayDeque<Sent> outstanding = new ArrayDeque<>();
        /** To send again before anything new. */
        private final ArrayDeque<Interaction> resend = new ArrayDeque<>();
        private int breaksLeft;
        private long generated;
        private Call call;
        private boolean finished;

        Stream(int id, Budget budget, int breaks, long breakAfter) {
            this.id = id;
            this.budget = budget;
            this.breaksLeft = breaks;
            this.breakAfter = breakAfter;
        }

        synchronized void start() {
            open();
        }

        private void open() {
            call = new Call();
            stub.recordInteractions(call);
            fill();
        }

        /** Sends until the window is full: events to send again first; half-closes once nothing is left to send. */
        private void fill() {
            while (!finished && !call.halfClosed && outstanding.size() < window) {
                Interaction next = resend.poll();
                if (next != null) {
                    tally.resent++;
                } else if (budget.take()) {
                    next = events.event(id, generated++, Instant.now());
                    tally.sent++;
                } else {
                    if (outstanding.isEmpty()) {
                        call.halfClosed = true;
                        call.requests.onCompleted();
                    }
                    return;
                }
                outstanding.add(new Sent(next, System.nanoTime()));
                call.requests.onNext(RecordInteractionsRequest.newBuilder().setInteraction(next).build());
            }
        }

        private void response(Call from, RecordInteractionsResponse response) {
            long now = System.nanoTime();
            Sent sent = outstanding.poll();
            if (sent == null) {
                tally.mismatched++; // a response for nothing outstanding
                return;
            }
            if (response.getIndex() != from.received || !response.getEventId().equals(sent.event().getEventId())) {
                tally.mismatched++;
            }
            from.received++;
            tally.latency(now - sent.at());
            switch (response.getResult()) {
                case RECORD_RESULT_STORED -> tally.submitted++;
                case RECORD_RESULT_DUPLICATE -> {
                    tally.submitted++;
                    tally.replayed++;
                }
                case RECORD_RESULT_REJECTED -> {
                    Status.Code code = Status.fromCodeValue(response.getError().getCode()).getCode();
                    if (Tally.outcomeUnknown(code)) {
                        tally.unknown.add(sent.event());
                    } else {
                        tally.refused(code);
                    }
                }
                default -> tally.unknown.add(sent.event());
            }
            if (breaksLeft > 0 && from.received >= breakAfter && !outstanding.isEmpty() && !from.halfClosed) {
                breakAndResume(from);
            } else {
                fill();
            }
        }

        /** Cancels the call with events in flight and opens a new one that sends them again first. */
        private void breakAndResume(Call broken) {
            breaksLeft--;
            tally.breaks++;
            broken.abandoned = true; // whatever it still delivers is ignored: the new call answers for those events
            broken.requests.cancel("bench: broken on purpose, to resume on a new stream", null);
            for (Iterator<Sent> it = outstanding.descendingIterator(); it.hasNext(); ) {
                resend.addFirst(it.next().event());
            }
            outstanding.clear();
            open();
        }

        private void failed(Throwable failure) {
            tally.failed(failure);
            abandonOutstanding();
        }

        /** Events sent without a response, and those not sent again yet: their outcome is unknown. */
        private void abandonOutstanding() {
            outstanding.forEach(sent -> tally.unknown.add(sent.event()));
            outstanding.clear();
            tally.unknown.addAll(resend);
            resend.clear();
            finished = true;
            done.countDown();
        }

        synchronized void cancel() {
            call.requests.cancel("bench: results overdue", null);
        }

        private final class Call implements ClientResponseObserver<RecordInteractionsRequest, RecordInteractionsResponse> {

            private ClientCallStreamObserver<RecordInteractionsRequest> requests;
            private long received;
            private boolean halfClosed;
            private boolean abandoned;

            @Override
            public void beforeStart(ClientCallStreamObserver<RecordInteractionsRequest> requestStream) {
                this.requests = requestStream;
            }

            @Override
            public void onNext(RecordInteractionsResponse response) {
                synchronized (Stream.this) {
                    if (!abandoned) {
                        response(this, response);
                    }
                }
            }

            @Override
            public void onError(Throwable failure) {
                synchronized (Stream.this) {
                    if (!abandoned) {
                        failed(failure);
                    }
                }
            }

            @Override
            public void onCompleted() {
                synchronized (Stream.this) {
                    if (!abandoned) {
                        abandonOutstanding(); // normally nothing: the server completes after the last response
                    }
                }
            }
        }
    }
}
