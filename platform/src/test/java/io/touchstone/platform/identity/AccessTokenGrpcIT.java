package io.touchstone.platform.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.touchstone.proto.v1.GetSurveyRequest;
import io.touchstone.proto.v1.ListSurveysRequest;
import io.touchstone.proto.v1.SurveyServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keycloak access tokens over gRPC, in metadata {@code authorization: Bearer …}. */
@QuarkusTest
@WithTestResource(KeycloakServer.class)
class AccessTokenGrpcIT {

    private static String tenantA;
    private static String surveyOfA;

    private ManagedChannel channel;

    @BeforeEach
    void setUp() {
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        if (tenantA != null) {
            return;
        }
        var created = given().header("Authorization", "Bearer " + Tokens.of("operator"))
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "gRPC tenant A %s", "timeZone": "Europe/Prague"}
                        """.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/tenants")
                .then().statusCode(201)
                .extract();
        tenantA = created.path("tenant.id");
        surveyOfA = given().header("X-API-Key", created.<String>path("apiKey.secret"))
                .contentType(ContentType.JSON)
                .body(AccessTokenRestIT.SURVEY.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/surveys")
                .then().statusCode(201)
                .extract().path("id");
        Tokens.setTenant("service-a", tenantA);
        Tokens.setTenant("service-short-lived", tenantA);
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aServiceTokenReadsItsTenantsSurveys() {
        var surveys = surveys(Map.of("authorization", "Bearer " + Tokens.of("service-a")));

        assertThat(surveys.getSurvey(get(surveyOfA)).getSurvey().getId()).isEqualTo(surveyOfA);
        assertThat(surveys.listSurveys(ListSurveysRequest.getDefaultInstance()).getSurveysList())
                .anySatisfy(survey -> assertThat(survey.getId()).isEqualTo(surveyOfA));
    }

    @Test
    void aServiceOfAnotherTenantDoesNotSeeTheSurvey() {
        assertFails(Map.of("authorization", "Bearer " + Tokens.of("service-b")), Status.Code.NOT_FOUND,
                "survey.not-found");
    }

    @Test
    void aCrossTenantServiceNamesTheTenantInMetadata() {
        String token = Tokens.of("service-cross");

        assertThat(surveys(Map.of("authorization", "Bearer " + token, "x-tenant-id", tenantA))
                .getSurvey(get(surveyOfA)).getSurvey().getId()).isEqualTo(surveyOfA);
        assertFails(Map.of("authorization", "Bearer " + Tokens.of("service-b"), "x-tenant-id", tenantA),
                Status.Code.PERMISSION_DENIED, "auth.cross-tenant-forbidden");
    }

    @Test
    void invalidTokensAreUnauthenticated() {
        String tokenOfB = Tokens.of("service-b");

        refused(Tokens.of("service-no-audience"), "auth.token-invalid");
        refused(Tokens.of(KeycloakServer.OTHER_REALM, "service-a", "service-a-secret"), "auth.token-invalid");
        refused(Tokens.withClaim(tokenOfB, "tenant_id", tenantA), "auth.token-invalid");
        refused(Tokens.withFlippedByte(tokenOfB), "auth.token-invalid");
        refused(Tokens.unsigned(Tokens.withClaim(tokenOfB, "tenant_id", tenantA)), "auth.token-invalid");
        refused("not-a-token", "auth.token-invalid");
    }

    @Test
    void anExpiredTokenIsUnauthenticatedAsExpired() throws InterruptedException {
        String token = Tokens.of("service-short-lived");
        surveys(Map.of("authorization", "Bearer " + token)).getSurvey(get(surveyOfA));

        Thread.sleep(2_100);

        refused(token, "auth.token-expired");
    }

    @Test
    void anOperatorTokenReachesNoTenantsData() {
        assertFails(Map.of("authorization", "Bearer " + Tokens.of("operator")), Status.Code.PERMISSION_DENIED,
                "auth.tenant-required");
    }

    private void refused(String token, String code) {
        StatusRuntimeException failure = assertFails(Map.of("authorization", "Bearer " + token),
                Status.Code.UNAUTHENTICATED, code);
        assertThat(String.valueOf(failure.getStatus().getDescription())).doesNotContain(token);
    }

    private StatusRuntimeException assertFails(Map<String, String> metadata, Status.Code code, String reason) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                () -> surveys(metadata).getSurvey(get(surveyOfA)));
        assertThat(failure).as("the call fails").isNotNull();
        assertThat(failure.getStatus().getCode()).isEqualTo(code);
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        assertThat(status).isNotNull();
        ErrorInfo info = status.getDetailsList().stream()
                .filter(detail -> detail.is(ErrorInfo.class))
                .map(detail -> {
                    try {
                        return detail.unpack(ErrorInfo.class);
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst().orElseThrow();
        assertThat(info.getReason()).isEqualTo(reason);
        return failure;
    }

    private SurveyServiceGrpc.SurveyServiceBlockingStub surveys(Map<String, String> metadata) {
        Metadata headers = new Metadata();
        metadata.forEach((key, value) -> headers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value));
        return SurveyServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static GetSurveyRequest get(String surveyId) {
        return GetSurveyRequest.newBuilder().setSurveyId(surveyId).build();
    }
}
