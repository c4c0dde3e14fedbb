package io.touchstone.bench;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.touchstone.proto.v1.Interaction;
import io.touchstone.proto.v1.InteractionServiceGrpc;
import io.touchstone.proto.v1.InteractionServiceGrpc.InteractionServiceStub;
import io.touchstone.proto.v1.ResponseServiceGrpc;
import io.touchstone.proto.v1.ResponseServiceGrpc.ResponseServiceBlockingStub;
import io.touchstone.proto.v1.SubmitResponseRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * gRPC load client of bench/run.sh and bench/interactions.sh: submits survey responses to a Touchstone service on
 * 127.0.0.1 through {@code ResponseService.BulkSubmitResponses} streams ({@code --mode stream}) or unary
 * {@code SubmitResponse} calls ({@code --mode unary}), or reports interactions at touchpoints through
 * {@code InteractionService.RecordInteractions} streams ({@code --mode interactions}), for a fixed time, then prints
 * what was acknowledged, refused, and the latency percentiles. The last line, starting with {@code RESULT}, holds the
 * same figures as key=value pairs for scripts.
 *
 * <p>Requests whose outcome the client could not learn (deadline, broken stream, server error) are retried after the
 * run with the same idempotency key (event id) and content, as a client must; a retry that succeeds counts as
 * acknowledged.
 */
public final class LoadClient {

    private static final String USAGE = """
            usage: java -jar bench.jar --survey ID [--api-key KEY] [--mode stream|unary] [--port 9000]
                                       [--concurrency 16] [--window 2] [--seconds 20] [--max-requests 5000000]
                                       [--key-prefix grpc] [--call-timeout-seconds 10]
                   java -jar bench.jar --mode interactions --touchpoints ID,ID,... [--breaks 0] [--break-after 500]
                                       [same options but --survey]
              --api-key        tenant API key (default: environment variable TOUCHSTONE_API_KEY)
              --concurrency    streams (stream and interactions modes) or threads (unary mode)
              --window         requests in flight per stream
              --max-requests   upper bound on the number of requests, whatever the time
              --key-prefix     idempotency keys (event ids) are <prefix>-<worker>-<n>: unique per tenant and run
              --touchpoints    the active touchpoints the interactions are reported at
              --breaks         interactions: times stream 0 breaks its call midway and resumes on a new one
              --break-after    interactions: responses on a call before stream 0 breaks it
            Traffic goes to 127.0.0.1 only.""";

    private static final Duration RETRY_LIMIT = Duration.ofSeconds(60);

    private LoadClient() {
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        String mode = settings.mode();
        int concurrency = settings.concurrency();
        int window = settings.window();
        Duration duration = settings.duration();
        Duration callTimeout = settings.callTimeout();

        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), settings.apiKey());
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", settings.port(),
                        InsecureChannelCredentials.create())
                .directExecutor()
                .build();
        try {
            var attachKey = MetadataUtils.newAttachHeadersInterceptor(headers);
            if (mode.equals("interactions")) {
                System.exit(interactions(settings, InteractionServiceGrpc.newStub(channel).withInterceptors(attachKey))
                        ? 0 : 1);
                return;
            }
            ResponseServiceBlockingStub blocking = ResponseServiceGrpc.newBlockingStub(channel).withInterceptors(attachKey);
            Submissions submissions = new Submissions(settings.surveyId(), settings.keyPrefix());
            Budget budget = new Budget(duration, settings.maxRequests());

            long start = System.nanoTime();
            Tally<SubmitResponseRequest> tally = mode.equals("stream")
                    ? new StreamLoad(ResponseServiceGrpc.newStub(channel).withInterceptors(attachKey), submissions,
                            concurrency, window).run(budget, duration, callTimeout)
                    : new UnaryLoad(blocking, submissions, concurrency, callTimeout).run(budget);
            double seconds = (System.nanoTime() - start) / 1e9;

            Retries retries = retry(blocking, tally.unknown, callTimeout);
            boolean ok = report(mode, concurrency, window, seconds, tally, retries);
            System.exit(ok ? 0 : 1);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static boolean interactions(Settings settings, InteractionServiceStub stub) throws InterruptedException {
        InteractionLoad load = new InteractionLoad(stub, new InteractionEvents(settings.touchpoints(),
                settings.keyPrefix()), settings.concurrency(), settings.window());
        Budget budget = new Budget(settings.duration(), settings.maxRequests());
        long start = System.nanoTime();
        Tally<Interaction> tally = load.run(budget, settings.duration(), settings.callTimeout(), settings.breaks(),
                settings.breakAfter());
        double seconds = (System.nanoTime() - start) / 1e9;
        Tally<Interaction> retry = tally.unknown.isEmpty()
                ? new Tally<>()
                : load.resend(tally.unknown, RETRY_LIMIT);
        long unresolved = tally.unknown.size() - retry.submitted - retry.refused;
        long acknowledged = tally.submitted + retry.submitted;
        double perSecond = tally.submitted / seconds;
        double[] p = tally.percentilesMillis(50, 90, 99, 100);
        System.out.printf(Locale.ROOT, "gRPC interactions: %d RecordInteractions streams, %d in flight each, %.1f s%n",
                settings.concurrency(), settings.window(), seconds);
        System.out.printf(Locale.ROOT, "  sent %d events, acknowledged %d (%d during the run, %d on retry), refused %d %s%n",
                tally.sent, acknowledged, tally.submitted, retry.submitted, tally.refused + retry.refused,
                tally.refusalCodes.isEmpty() ? "" : tally.refusalCodes);
        System.out.printf(Locale.ROOT, "  %.1f events/s; acknowledgement latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms%n", perSecond, p[0], p[1], p[2], p[3]);
        if (tally.breaks > 0) {
            System.out.printf("  %d streams broken on purpose midway: %d events without a response sent again on a new"
                    + " stream, %d of them answered DUPLICATE (committed before the break)%n",
                    tally.breaks, tally.resent, tally.replayed);
        }
        if (tally.callErrors > 0) {
            System.out.printf("  %d streams failed, first: %s%n", tally.callErrors, tally.firstCallError);
        }
        if (!tally.unknown.isEmpty()) {
            System.out.printf("  %d events with unknown outcome sent again: %d acknowledged, %d refused, %d unresolved%n",
                    tally.unknown.size(), retry.submitted, retry.refused, unresolved);
        }
        if (tally.mismatched + retry.mismatched > 0) {
            System.out.printf("  %d responses did not match the event at their position%n",
                    tally.mismatched + retry.mismatched);
        }
        System.out.printf(Locale.ROOT, "RESULT mode=interactions concurrency=%d window=%d seconds=%.2f sent=%d"
                        + " acknowledged=%d submitted=%d replayed=%d refused=%d breaks=%d resent=%d retried=%d"
                        + " retried_ok=%d unresolved=%d call_errors=%d mismatched=%d per_second=%.1f p50_ms=%.2f"
                        + " p90_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                settings.concurrency(), settings.window(), seconds, tally.sent, acknowledged, tally.submitted,
                tally.replayed, tally.refused + retry.refused, tally.breaks, tally.resent, tally.unknown.size(),
                retry.submitted, unresolved, tally.callErrors + retry.callErrors, tally.mismatched + retry.mismatched,
                perSecond, p[0], p[1], p[2], p[3]);
        return acknowledged > 0 && unresolved == 0 && tally.mismatched + retry.mismatched == 0;
    }

    record Retries(long attempted, long acknowledged, long refused, long unresolved) {
    }

    /**
     * Retries, one at a time, the requests whose outcome is unknown, under their own idempotency key and content: the
     * service stores each at most once and answers a repeated one with the first result. Bounded in time.
     */
    private static Retries retry(ResponseServiceBlockingStub stub, List<SubmitResponseRequest> unknown,
            Duration callTimeout) throws InterruptedException {
        long acknowledged = 0;
        long refused = 0;
        int unresolvedInARow = 0;
        long until = System.nanoTime() + RETRY_LIMIT.toNanos();
        for (SubmitResponseRequest request : unknown) {
            if (unresolvedInARow == 3 || System.nanoTime() - until >= 0) {
                break; // the service is not answering: leave the rest unresolved
            }
            unresolvedInARow++;
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    stub.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS).submitResponse(request);
                    acknowledged++;
                    unresolvedInARow = 0;
                    break;
                } catch (StatusRuntimeException e) {
                    if (!Tally.outcomeUnknown(e.getStatus().getCode())) {
                        refused++;
                        unresolvedInARow = 0;
                        break;
                    }
                    Thread.sleep(200L * attempt);
                }
            }
        }
        return new Retries(unknown.size(), acknowledged, refused, unknown.size() - acknowledged - refused);
    }

    private static boolean report(String mode, int concurrency, int window, double seconds,
            Tally<SubmitResponseRequest> tally, Retries retries) {
        long acknowledged = tally.submitted + retries.acknowledged();
        double perSecond = tally.submitted / seconds;
        double[] p = tally.percentilesMillis(50, 90, 99, 100);
        String shape = mode.equals("stream")
                ? concurrency + " BulkSubmitResponses streams, " + window + " in flight each"
                : concurrency + " threads calling SubmitResponse";
        System.out.printf(Locale.ROOT, "gRPC %s: %s, %.1f s%n", mode, shape, seconds);
        System.out.printf(Locale.ROOT, "  sent %d, acknowledged %d (%d during the run, %d on retry), refused %d %s%n",
                tally.sent, acknowledged, tally.submitted, retries.acknowledged(), tally.refused + retries.refused(),
                tally.refusalCodes.isEmpty() ? "" : tally.refusalCodes);
        System.out.printf(Locale.ROOT, "  %.1f responses/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                perSecond, p[0], p[1], p[2], p[3]);
        if (tally.callErrors > 0) {
            System.out.printf("  %d calls/streams failed, first: %s%n", tally.callErrors, tally.firstCallError);
        }
        if (retries.attempted() > 0) {
            System.out.printf("  %d requests with unknown outcome retried: %d acknowledged, %d refused, %d unresolved%n",
                    retries.attempted(), retries.acknowledged(), retries.refused(), retries.unresolved());
        }
        if (tally.mismatched > 0) {
            System.out.printf("  %d results did not match the request at their position%n", tally.mismatched);
        }
        System.out.printf(Locale.ROOT, "RESULT mode=%s concurrency=%d window=%d seconds=%.2f sent=%d acknowledged=%d"
                        + " submitted=%d replayed=%d refused=%d retried=%d retried_ok=%d unresolved=%d call_errors=%d"
                        + " mismatched=%d per_second=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                mode, concurrency, mode.equals("stream") ? window : 1, seconds, tally.sent, acknowledged,
                tally.submitted, tally.replayed, tally.refused + retries.refused(), retries.attempted(),
                retries.acknowledged(), retries.unresolved(), tally.callErrors, tally.mismatched, perSecond,
                p[0], p[1], p[2], p[3]);
        return acknowledged > 0 && retries.unresolved() == 0 && tally.mismatched == 0;
    }

    record Settings(String mode, int port, String apiKey, String surveyId, int concurrency, int window,
            Duration duration, long maxRequests, String keyPrefix, Duration callTimeout, List<String> touchpoints,
            int breaks, long breakAfter) {

        static Settings parse(String[] args) {
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got: " + args[i]);
                }
                options.put(args[i].substring(2), args[i + 1]);
            }
            Settings settings = new Settings(
                    options.getOrDefault("mode", "stream"),
                    Integer.parseInt(options.getOrDefault("port", "9000")),
                    options.getOrDefault("api-key", System.getenv("TOUCHSTONE_API_KEY")),
                    options.get("survey"),
                    Integer.parseInt(options.getOrDefault("concurrency", "16")),
                    Integer.parseInt(options.getOrDefault("window", "2")),
                    Duration.ofMillis(Math.round(Double.parseDouble(options.getOrDefault("seconds", "20")) * 1000)),
                    Long.parseLong(options.getOrDefault("max-requests", "5000000")),
                    options.getOrDefault("key-prefix", "grpc"),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("call-timeout-seconds", "10"))),
                    options.containsKey("touchpoints")
                            ? List.of(options.get("touchpoints").split(","))
                            : List.of(),
                    Integer.parseInt(options.getOrDefault("breaks", "0")),
                    Long.parseLong(options.getOrDefault("break-after", "500")));
            if (settings.apiKey() == null) {
                throw new IllegalArgumentException("an API key is required");
            }
            if (settings.mode().equals("interactions") ? settings.touchpoints().isEmpty() : settings.surveyId() == null) {
                throw new IllegalArgumentException("--survey is required (--touchpoints in interactions mode)");
            }
            if (!List.of("stream", "unary", "interactions").contains(settings.mode()) || settings.concurrency() < 1
                    || settings.breaks() < 0 || settings.breakAfter() < 1
                    || settings.window() < 1 || settings.maxRequests() < 1 || settings.duration().toMillis() < 1
                    || settings.callTimeout().toMillis() < 1) {
                throw new IllegalArgumentException("invalid option value");
            }
            return settings;
        }
    }
}
