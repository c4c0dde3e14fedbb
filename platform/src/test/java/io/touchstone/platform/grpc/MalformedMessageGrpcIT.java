package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.ErrorInfo;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ManageSurveysUseCase;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.application.port.in.ProvisionTenantUseCase;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionTenantCommand;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionedTenant;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.proto.v1.ResponseServiceGrpc;
import io.touchstone.proto.v1.SurveyServiceGrpc;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bytes that are not a protobuf message of the method's request type are refused as invalid input. */
@QuarkusTest
class MalformedMessageGrpcIT {

    /** A field with tag 1 announcing 100 bytes of length, followed by 3: the message is cut short. */
    private static final byte[] TRUNCATED = {0x0a, 0x64, 0x61, 0x62, 0x63};

    @Inject
    ProvisionTenantUseCase provisioning;

    @Inject
    ManageSurveysUseCase surveys;

    @Inject
    io.touchstone.application.port.in.ManageJourneysUseCase journeys;

    private ManagedChannel channel;
    private ProvisionedTenant tenant;

    @BeforeEach
    void setUp() {
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        tenant = provisioning.provision(new Caller.Operator("test"), new ProvisionTenantCommand("Malformed",
                "Europe/Prague")).await().atMost(Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aCutShortSubmitIsInvalidArgument() {
        StatusRuntimeException refused = send(ResponseServiceGrpc.getSubmitResponseMethod().getFullMethodName());

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refused.getStatus().getDescription()).startsWith("request.malformed-protobuf");
        com.google.rpc.Status details = StatusProto.fromThrowable(refused);
        assertThat(details).isNotNull();
        assertThat(details.getDetailsList()).anySatisfy(any -> assertThat(unpackReason(any))
                .isEqualTo("request.malformed-protobuf"));
    }

    private static String unpackReason(com.google.protobuf.Any any) {
        try {
            return any.unpack(ErrorInfo.class).getReason();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return "";
        }
    }

    @Test
    void aCutShortCreateSurveyIsInvalidArgumentAndCreatesNothing() {
        StatusRuntimeException refused = send(SurveyServiceGrpc.getCreateSurveyMethod().getFullMethodName());

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        Caller reader = new Caller.Tenant(tenant.tenant().id(), EnumSet.allOf(Scope.class), "test");
        assertThat(surveys.list(reader, PageRequest.of(null, null)).await().atMost(Duration.ofSeconds(10)).items())
                .isEmpty();
    }

    @Test
    void aCutShortCreateJourneyIsInvalidArgumentAndCreatesNothing() {
        StatusRuntimeException refused = send(
                io.touchstone.proto.v1.JourneyServiceGrpc.getCreateJourneyMethod().getFullMethodName());

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refused.getStatus().getDescription()).startsWith("request.malformed-protobuf");
        Caller reader = new Caller.Tenant(tenant.tenant().id(), EnumSet.allOf(Scope.class), "test");
        assertThat(journeys.list(reader, PageRequest.of(null, null)).await().atMost(Duration.ofSeconds(10)).items())
                .isEmpty();
    }

    private StatusRuntimeException send(String fullMethodName) {
        MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullMethodName)
                .setRequestMarshaller(new Bytes())
                .setResponseMarshaller(new Bytes())
                .build();
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), tenant.adminKey().secret());
        var call = MetadataUtils.newAttachHeadersInterceptor(headers)
                .interceptCall(raw, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), channel);
        return catchThrowableOfType(StatusRuntimeException.class,
                () -> ClientCalls.blockingUnaryCall(call, TRUNCATED));
    }

    private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
