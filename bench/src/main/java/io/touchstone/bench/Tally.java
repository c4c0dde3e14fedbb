package io.touchstone.bench;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one worker (a stream or a thread) observed. Owned by one worker at a time; the workers' tallies are merged
 * after the run. {@code R} is the request type, kept for the requests whose outcome is unknown.
 */
final class Tally<R> {

    long sent;
    /** Results that say the response is stored (acknowledged). */
    long submitted;
    /** Acknowledged results that replayed an earlier submission; keys are unique, so this stays 0 in the main run. */
    long replayed;
    /** Results that refuse the submission for a definite reason (bad input, rule): nothing was stored. */
    long refused;
    /** Refusals by gRPC status code, for the report. */
    final Map<String, Long> refusalCodes = new TreeMap<>();
    /** Requests whose outcome is unknown (deadline, broken stream, server error): retried after the run. */
    final List<R> unknown = new ArrayList<>();
    /** Calls or streams that ended with an error (not a per-item refusal), and the first such error. */
    long callErrors;
    String firstCallError;
    /** Results the client could not match to the request it sent (wrong index or key): a protocol fault. */
    long mismatched;
    /** Streams the client broke on purpose midway (interactions), and the requests it then sent again on a new one. */
    long breaks;
    long resent;

    private long[] latencies = new long[4096];
    private int latencyCount;

    void latency(long nanos) {
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[latencyCount++] = nanos;
    }

    void refused(Status.Code code) {
        refused++;
        refusalCodes.merge(code.name(), 1L, Long::sum);
    }

    void failed(Throwable failure) {
        callErrors++;
        if (firstCallError == null) {
            Status status = Status.fromThrowable(failure);
            firstCallError = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        }
    }

    /**
     * Whether a failed call may have stored the response all the same: then only a retry with the same idempotency
     * key tells. Definite refusals (invalid input, missing survey, ...) change nothing.
     */
    static boolean outcomeUnknown(Status.Code code) {
        return switch (code) {
            case DEADLINE_EXCEEDED, UNAVAILABLE, CANCELLED, UNKNOWN, INTERNAL, ABORTED, RESOURCE_EXHAUSTED -> true;
            default -> false;
        };
    }

    void add(Tally<R> other) {
        sent += other.sent;
        submitted += other.submitted;
        replayed += other.replayed;
        refused += other.refused;
        mismatched += other.mismatched;
        breaks += other.breaks;
        resent += other.resent;
        callErrors += other.callErrors;
        if (firstCallError == null) {
            firstCallError = other.firstCallError;
        }
        other.refusalCodes.forEach((code, count) -> refusalCodes.merge(code, count, Long::sum));
        unknown.addAll(other.unknown);
        for (int i = 0; i < other.latencyCount; i++) {
            latency(other.latencies[i]);
        }
    }

    long results() {
        return latencyCount;
    }

    /** Latency percentiles in milliseconds (nearest rank), for p in (0, 100]; NaN without observations. */
    double[] percentilesMillis(double... ps) {
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        double[] result = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            if (sorted.length == 0) {
                result[i] = Double.NaN;
            } else {
                int rank = (int) Math.ceil(ps[i] / 100.0 * sorted.length);
                result[i] = sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1_000_000.0;
            }
        }
        return result;
    }
}
