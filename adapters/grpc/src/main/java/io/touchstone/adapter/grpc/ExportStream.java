package io.touchstone.adapter.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.touchstone.application.port.in.ExportResponsesUseCase.Export;
import io.touchstone.domain.response.Response;
import io.touchstone.proto.v1.ExportResponsesResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One export call, sent with gRPC flow control. The layout goes first; then responses are requested from the export
 * {@value #BATCH} at a time, and the next ones only once the previous were sent and the call is ready for writing
 * ({@link ServerCallStreamObserver#isReady()}, which turns false once the transport buffers more than a few KiB for
 * the call because the client's HTTP/2 window is used up). A client that reads slowly thus slows down the reading
 * from storage, and the server holds at most one batch of responses and the call's transport buffer.
 *
 * <p>Quarkus' Mutiny bridge for server streaming ({@code io.quarkus.grpc.stubs.ServerCalls.oneToMany}) subscribes
 * to the returned {@code Multi} with unbounded demand and never consults {@code isReady()}, so a slow client would
 * make the server buffer the whole export; this class speaks to grpc-java's observer directly instead.
 *
 * <p>Threads: responses arrive on whatever thread the export emits on, one after another; the on-ready and on-cancel
 * handlers run on the call's executor. They meet only in {@link #demand()}, whose compare-and-set lets exactly one of
 * them request the next batch, and which checks readiness after the previous request was marked done, so that a
 * transition to ready is never missed.
 */
final class ExportStream implements Flow.Subscriber<Response> {

    /** Responses requested at a time and the most one message carries. */
    static final int BATCH = 100;
    /** A message is sent before a response would make it larger than this (unless it holds just that response). */
    static final int BATCH_BYTES = 512 * 1024;

    private final ServerCallStreamObserver<ExportResponsesResponse> call;
    private final Function<Throwable, StatusRuntimeException> errors;

    /** A request for {@value #BATCH} responses is outstanding. */
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile boolean finished;
    private volatile Cancellable preparing;
    private volatile Flow.Subscription subscription;

    // touched only by the export's signals, which arrive one after another
    private final List<io.touchstone.proto.v1.Response> batch = new ArrayList<>();
    private int batchBytes;
    private int received;

    /**
     * Takes over the call; the handlers are set at once, as grpc-java requires them to be set before the method that
     * received the call returns.
     */
    ExportStream(ServerCallStreamObserver<ExportResponsesResponse> call,
            Function<Throwable, StatusRuntimeException> errors) {
        this.call = call;
        this.errors = errors;
        call.setOnCancelHandler(this::cancel);
        call.setOnReadyHandler(this::demand);
    }

    /** Streams the export once it is checked; a failure to check it ends the call before any message. */
    void start(Uni<Export> export) {
        preparing = export.subscribe().with(this::begin, this::fail);
        if (cancelled) {
            preparing.cancel();
        }
    }

    private void begin(Export export) {
        if (cancelled) {
            return;
        }
        call.onNext(MetricsQueryProtoMapper.layout(export.survey(), export.layout()));
        export.responses().subscribe().withSubscriber(this);
    }

    private void fail(Throwable failure) {
        finished = true;
        if (!cancelled) {
            call.onError(errors.apply(failure));
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (cancelled) {
            subscription.cancel();
            return;
        }
        demand();
    }

    @Override
    public void onNext(Response response) {
        io.touchstone.proto.v1.Response proto = ResponseProtoMapper.response(response);
        int size = proto.getSerializedSize();
        if (!batch.isEmpty() && batchBytes + size > BATCH_BYTES) {
            flush();
        }
        batch.add(proto);
        batchBytes += size;
        if (++received == BATCH) {
            received = 0;
            flush();
            requested.set(false);
            demand();
        }
    }

    @Override
    public void onError(Throwable failure) {
        fail(failure);
    }

    @Override
    public void onComplete() {
        finished = true;
        if (!cancelled) {
            flush();
            call.onCompleted();
        }
    }

    /** Asks for the next batch if none is outstanding and the call can take more. */
    private void demand() {
        Flow.Subscription current = subscription;
        if (current != null && !finished && !cancelled && call.isReady() && requested.compareAndSet(false, true)) {
            current.request(BATCH);
        }
    }

    private void flush() {
        if (batch.isEmpty() || cancelled) {
            return;
        }
        call.onNext(MetricsQueryProtoMapper.batch(batch));
        batch.clear();
        batchBytes = 0;
    }

    /** The client went away or its deadline passed: stop reading. */
    private void cancel() {
        cancelled = true;
        Cancellable pending = preparing;
        if (pending != null) {
            pending.cancel();
        }
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
