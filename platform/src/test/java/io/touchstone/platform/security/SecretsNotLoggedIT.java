package io.touchstone.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.touchstone.proto.v1.ListSurveysRequest;
import io.touchstone.proto.v1.SurveyServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials never reach the service's log or its error bodies: every failing-authentication path is driven with a
 * recognisable secret while the log output of the whole service is captured.
 */
@QuarkusTest
class SecretsNotLoggedIT {

    private static final String UNKNOWN_KEY = "tsk_0123456789abcdef01234567_" + "S".repeat(43);
    private static final String MALFORMED_KEY = "tsk_not-a-key-SECRET-MALFORMED-1234";
    private static final String BEARER = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJTRUNSRVQtQkVBUkVSIn0.U0VDUkVULVNJR05BVFVSRQ";
    private static final String OPERATOR_GUESS = "SECRET-OPERATOR-GUESS-5678";

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : stackOf(record.getThrown())));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private ManagedChannel channel;

    @BeforeEach
    void captureLogs() {
        Logger root = Logger.getLogger("");
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    }

    @AfterEach
    void stopCapturing() throws InterruptedException {
        Logger.getLogger("").removeHandler(capture);
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void failedAuthenticationsLeaveNoCredentialInLogsOrBodies() {
        String revokedKey = revokedKey();
        List<String> secrets = List.of(UNKNOWN_KEY, MALFORMED_KEY, BEARER, OPERATOR_GUESS, revokedKey);

        List<String> bodies = new ArrayList<>();
        for (String key : List.of(UNKNOWN_KEY, MALFORMED_KEY, revokedKey)) {
            bodies.add(given().header("X-API-Key", key).get("/api/v1/surveys")
                    .then().statusCode(401).extract().asString());
        }
        bodies.add(given().header("Authorization", "Bearer " + BEARER).get("/api/v1/surveys")
                .then().statusCode(401).extract().asString());
        bodies.add(given().header("Authorization", "Bearer " + OPERATOR_GUESS).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "timeZone", "UTC")).post("/api/v1/admin/tenants")
                .then().statusCode(401).extract().asString());
        for (String key : List.of(UNKNOWN_KEY, revokedKey)) {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), key);
            var stub = SurveyServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> stub.listSurveys(ListSurveysRequest.getDefaultInstance()));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            bodies.add(String.valueOf(refused.getStatus().getDescription()) + refused.getTrailers());
        }

        // the capture sees the service's log output (else the assertions below would prove nothing)
        org.jboss.logging.Logger.getLogger("io.touchstone.platform").info("capture check " + UNKNOWN_KEY.length());
        List<String> lines;
        synchronized (logged) {
            lines = List.copyOf(logged);
        }
        assertThat(lines).anyMatch(line -> line.contains("capture check"));
        for (String secret : secrets) {
            assertThat(bodies).noneMatch(body -> body.contains(secret));
            assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
            // the secret part of a key alone must not leak either
            String tail = secret.substring(Math.max(0, secret.length() - 20));
            assertThat(lines).as("log lines").noneMatch(line -> line.contains(tail));
        }
    }

    private static String revokedKey() {
        String admin = given().contentType(ContentType.JSON).header("Authorization", "Bearer test-operator-token")
                .body(Map.of("name", "Leaky", "timeZone", "UTC")).post("/api/v1/admin/tenants")
                .then().statusCode(201).extract().path("apiKey.secret");
        var issued = given().contentType(ContentType.JSON).header("X-API-Key", admin)
                .body(Map.of("name", "to revoke", "scopes", List.of("surveys:read"))).post("/api/v1/api-keys")
                .then().statusCode(201).extract();
        String id = issued.path("id");
        given().header("X-API-Key", admin).delete("/api/v1/api-keys/{id}", id).then().statusCode(200);
        return issued.path("secret");
    }

    private static String stackOf(Throwable thrown) {
        var out = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
