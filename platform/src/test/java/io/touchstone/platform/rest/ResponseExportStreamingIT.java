package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.CONFIG;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.touchstone.adapter.rest.Rfc4180;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the export endpoint streams, driven over a plain socket against exports made up in memory
 * ({@link SyntheticExport}): it reads ahead only as far as the connection takes, stops when the client goes away
 * (which is no error), and a failure after the first byte cuts the stream (no final chunk, connection closed,
 * logged once).
 */
@QuarkusTest
@TestProfile(SyntheticExports.class)
class ResponseExportStreamingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aReaderThatStopsHoldsTheExportBackAndOneThatLeavesEndsIt() throws Exception {
        String key = newTenant().adminKey();
        SyntheticExport.PRODUCED.set(0);
        SyntheticExport.CANCELLED.set(false);
        long heapBefore = usedHeapAfterGc();

        try (Socket socket = connect()) {
            InputStream in = request(socket, key, SyntheticExport.ENDLESS);
            String head = head(in);
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked")
                    .containsIgnoringCase("content-type: text/csv; charset=utf-8");
            readAtLeast(in, 1 << 20);

            // the client reads no more: once the socket buffers are full, nothing more is made
            Thread.sleep(1_500);
            long paused = SyntheticExport.PRODUCED.get();
            Thread.sleep(1_500);
            long stillPaused = SyntheticExport.PRODUCED.get();
            long heapPaused = usedHeapAfterGc();
            System.out.printf("export streaming: %d of %d responses made while the reader paused (%d a second "
                    + "later); heap after GC %d MiB before, %d MiB while paused%n", paused,
                    SyntheticExport.ENDLESS_RESPONSES, stillPaused, heapBefore >> 20, heapPaused >> 20);
            assertThat(paused).isLessThan(100_000);
            assertThat(stillPaused - paused).isLessThanOrEqualTo(2L * 64);
            assertThat(SyntheticExport.CANCELLED).isFalse();

            // reading again lets it go on
            readAtLeast(in, 8 << 20);
            assertThat(SyntheticExport.PRODUCED.get()).isGreaterThan(stillPaused);
        }

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!SyntheticExport.CANCELLED.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(SyntheticExport.CANCELLED).as("the closed connection cancelled the export").isTrue();
        long atCancel = SyntheticExport.PRODUCED.get();
        Thread.sleep(500);
        assertThat(SyntheticExport.PRODUCED.get()).isEqualTo(atCancel);
        assertThat(atCancel).isLessThan(SyntheticExport.ENDLESS_RESPONSES);
        assertThat(streamingLogs()).as("a client leaving is no error").isEmpty();
    }

    @Test
    void aFailureAfterTheFirstByteCutsTheStreamWithoutAFinalChunkAndIsLoggedOnce() throws Exception {
        String key = newTenant().adminKey();

        byte[] raw;
        try (Socket socket = connect()) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            InputStream in = request(socket, key, SyntheticExport.CUT);
            raw = in.readAllBytes(); // returns at end of stream: the server closed the connection
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        assertThat(text).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
        Chunks chunks = dechunk(raw, bodyStart);
        assertThat(chunks.complete()).as("the body ends without its final chunk").isFalse();
        List<List<String>> records = Rfc4180.parse(new String(chunks.body(), StandardCharsets.UTF_8));
        int sent = SyntheticExport.CUT_AFTER / 64 * 64;
        assertThat(records).hasSize(1 + sent);
        assertThat(records.getLast().get(14)).isEqualTo(SyntheticExport.COMMENT);
        assertThat(new String(chunks.body(), StandardCharsets.UTF_8)).doesNotContain("problem", "internal");

        List<LogRecord> failures = awaitLogged("synthetic storage failure");
        assertThat(failures).hasSize(1);
        LogRecord failure = failures.getFirst();
        assertThat(failure.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(failure.getLoggerName()).isEqualTo("io.touchstone.adapter.rest.ResponseExportResource");
        assertThat(text(failure)).contains("survey " + SyntheticExport.CUT, "after " + sent + " responses");
        assertThat(streamingLogs()).isEmpty();
    }

    @Test
    void aFailureBeforeTheFirstByteIsStillAProblemResponse() throws Exception {
        String key = newTenant().adminKey();

        RestFixtures.problem(given().config(CONFIG).accept("*/*").header("X-API-Key", key)
                .contentType(ContentType.JSON)
                .body(body(SyntheticExport.FAILS_AT_ONCE).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/responses/export").then(), 500, "internal", null);

        assertThat(awaitLogged("synthetic storage down")).hasSize(1);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        // a small, fixed window: what the connection can hold is known
        socket.setReceiveBufferSize(64 * 1024);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        return socket;
    }

    private static String body(String survey) {
        return "{\"surveyId\": \"" + survey + "\", \"from\": \"2026-01-01\", \"to\": \"2026-02-01\"}";
    }

    private static InputStream request(Socket socket, String key, String survey) throws IOException {
        byte[] body = body(survey).getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/responses/export HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + key
                + "\r\nContent-Type: application/json\r\nAccept: */*\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket.getInputStream();
    }

    /** The status line and headers. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed within the head");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void readAtLeast(InputStream in, long bytes) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        while (read < bytes) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the stream ended after " + read + " bytes");
            }
            read += n;
        }
    }

    private record Chunks(byte[] body, boolean complete) {
    }

    /** The body of a chunked message, and whether it ended with its zero-size final chunk. */
    private static Chunks dechunk(byte[] raw, int from) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = from;
        while (true) {
            int lineEnd = indexOf(raw, at);
            if (lineEnd < 0) {
                return new Chunks(body.toByteArray(), false);
            }
            int size = Integer.parseInt(new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII).strip(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                return new Chunks(body.toByteArray(), true);
            }
            if (at + size + 2 > raw.length) {
                return new Chunks(body.toByteArray(), false);
            }
            body.write(raw, at, size);
            at += size + 2;
        }
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The log records whose failure (or a cause of it) says {@code message}, once they have had time to come. */
    private List<LogRecord> awaitLogged(String message) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<LogRecord> found = List.of();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = logsOf(message);
        }
        Thread.sleep(1_000); // a second record would come right after the first
        return logsOf(message);
    }

    private List<LogRecord> logsOf(String message) {
        synchronized (logged) {
            return logged.stream().filter(record -> mentions(record.getThrown(), message)).toList();
        }
    }

    /** The record's message with its parameters filled in. */
    private static String text(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null || parameters.length == 0 ? record.getMessage()
                : String.format(record.getMessage(), parameters);
    }

    /** Warnings and errors about streamed bodies: the export's own, or the HTTP layer's. */
    private List<LogRecord> streamingLogs() {
        synchronized (logged) {
            return logged.stream()
                    .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                    .filter(record -> record.getLoggerName() != null
                            && (record.getLoggerName().endsWith("ResponseExportResource")
                                    || record.getLoggerName().contains("PublisherResponseHandler")))
                    .filter(record -> !mentions(record.getThrown(), "synthetic storage failure"))
                    .toList();
        }
    }

    private static boolean mentions(Throwable thrown, String message) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (message.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
