package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.application.port.in.ManageApiKeysUseCase;
import io.touchstone.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import io.touchstone.application.port.in.ProvisionTenantUseCase;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionTenantCommand;
import io.touchstone.application.port.in.ProvisionTenantUseCase.ProvisionedTenant;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import io.touchstone.proto.v1.Answer;
import io.touchstone.proto.v1.CesOrientation;
import io.touchstone.proto.v1.ChoiceOption;
import io.touchstone.proto.v1.CreateSurveyRequest;
import io.touchstone.proto.v1.ListResponsesRequest;
import io.touchstone.proto.v1.ListResponsesResponse;
import io.touchstone.proto.v1.LocalizedText;
import io.touchstone.proto.v1.MetricsServiceGrpc;
import io.touchstone.proto.v1.PageRequest;
import io.touchstone.proto.v1.PublishSurveyRequest;
import io.touchstone.proto.v1.Question;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.ResponseServiceGrpc;
import io.touchstone.proto.v1.SubmitResponseRequest;
import io.touchstone.proto.v1.SurveyContent;
import io.touchstone.proto.v1.SurveyServiceGrpc;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the gRPC tests share: a plain channel to the running test server, tenants and keys made through the use
 * cases, stubs that present a key, the standard survey and assertions on {@code google.rpc.Status} details.
 */
abstract class GrpcTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String DOMAIN = "touchstone.io";

    static final String NPS_CS = "Na stupnici od 0 do 10, jaká je pravděpodobnost, že naši společnost doporučíte?";
    static final String NPS_FA = "چقدر احتمال دارد ما را به دوستانتان توصیه کنید؟";
    static final String CSAT_CS = "Jak hodnotíte vaši zkušenost s naší společností?";
    static final String CES_CS = "Jak jednoduché bylo pro vás vyřízení žádosti?";
    static final String CES_FA = "حل کردن مشکلتان با ما چقدر آسان بود؟";
    static final String TITLE_FA = "نظرسنجی رضایت مشتری";

    @Inject
    ProvisionTenantUseCase provisioning;

    @Inject
    ManageApiKeysUseCase apiKeys;

    ManagedChannel channel;

    @BeforeEach
    void openChannel() {
        int port = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.grpc.server.test-port", Integer.class)
                .orElse(9001);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    // --- tenants and keys ----------------------------------------------------------------------------------------

    /** A fresh tenant of its own and its admin key, which holds every scope. */
    record TestTenant(TenantId id, String adminKey) {
    }

    TestTenant tenant() {
        ProvisionedTenant provisioned = provisioning.provision(new Caller.Operator("test"),
                        new ProvisionTenantCommand("grpc " + UUID.randomUUID(), "Europe/Prague"))
                .await().atMost(TIMEOUT);
        return new TestTenant(provisioned.tenant().id(), provisioned.adminKey().secret());
    }

    IssuedApiKey issueKey(TestTenant tenant, Instant expiresAt, Scope... scopes) {
        Caller admin = new Caller.Tenant(tenant.id(), java.util.Set.of(Scope.KEYS_ADMIN), "test-admin");
        return apiKeys.create(admin, new CreateApiKeyCommand("key " + UUID.randomUUID(),
                        Arrays.stream(scopes).map(Scope::wireName).toList(), expiresAt))
                .await().atMost(TIMEOUT);
    }

    /** A key of {@code tenant} holding only {@code scopes}. */
    String key(TestTenant tenant, Scope... scopes) {
        return issueKey(tenant, null, scopes).secret();
    }

    void revoke(TestTenant tenant, IssuedApiKey key) {
        Caller admin = new Caller.Tenant(tenant.id(), java.util.Set.of(Scope.KEYS_ADMIN), "test-admin");
        apiKeys.revoke(admin, key.key().id().value()).await().atMost(TIMEOUT);
    }

    // --- stubs ---------------------------------------------------------------------------------------------------

    /** {@code stub} sending {@code apiKey} in {@code x-api-key}; none when the key is null. */
    static <T extends AbstractStub<T>> T presenting(T stub, String apiKey) {
        T bounded = stub.withDeadlineAfter(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (apiKey == null) {
            return bounded;
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), apiKey);
        return bounded.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    SurveyServiceGrpc.SurveyServiceBlockingStub surveys(String apiKey) {
        return presenting(SurveyServiceGrpc.newBlockingStub(channel), apiKey);
    }

    ResponseServiceGrpc.ResponseServiceBlockingStub responses(String apiKey) {
        return presenting(ResponseServiceGrpc.newBlockingStub(channel), apiKey);
    }

    ResponseServiceGrpc.ResponseServiceStub responsesAsync(String apiKey) {
        return presenting(ResponseServiceGrpc.newStub(channel), apiKey);
    }

    MetricsServiceGrpc.MetricsServiceBlockingStub metrics(String apiKey) {
        return presenting(MetricsServiceGrpc.newBlockingStub(channel), apiKey);
    }

    io.touchstone.proto.v1.JourneyServiceGrpc.JourneyServiceBlockingStub journeys(String apiKey) {
        return presenting(io.touchstone.proto.v1.JourneyServiceGrpc.newBlockingStub(channel), apiKey);
    }

    io.touchstone.proto.v1.AuditServiceGrpc.AuditServiceBlockingStub audit(String apiKey) {
        return presenting(io.touchstone.proto.v1.AuditServiceGrpc.newBlockingStub(channel), apiKey);
    }

    // --- the standard survey -------------------------------------------------------------------------------------

    static LocalizedText localized(String... languagesAndTexts) {
        LocalizedText.Builder text = LocalizedText.newBuilder();
        for (int i = 0; i < languagesAndTexts.length; i += 2) {
            text.putTexts(languagesAndTexts[i], languagesAndTexts[i + 1]);
        }
        return text.build();
    }

    /**
     * Czech by default, also offered in Persian: nps (NPS), csat (CSAT 1-5, satisfied from 4), ces (CES 1-7, higher
     * is easier), why (free text) and channel (single choice of web / phone).
     */
    static SurveyContent standardContent() {
        return SurveyContent.newBuilder()
                .setDefaultLanguage("cs")
                .setTitle(localized("cs", "Spokojenost zákazníků", "fa", TITLE_FA))
                .addQuestions(Question.newBuilder().setId("nps").setType(QuestionType.QUESTION_TYPE_NPS)
                        .setText(localized("cs", NPS_CS, "fa", NPS_FA)))
                .addQuestions(Question.newBuilder().setId("csat").setType(QuestionType.QUESTION_TYPE_CSAT)
                        .setText(localized("cs", CSAT_CS)).setScale(5))
                .addQuestions(Question.newBuilder().setId("ces").setType(QuestionType.QUESTION_TYPE_CES)
                        .setText(localized("cs", CES_CS, "fa", CES_FA)).setScale(7)
                        .setOrientation(CesOrientation.CES_ORIENTATION_HIGHER_IS_EASIER))
                .addQuestions(Question.newBuilder().setId("why").setType(QuestionType.QUESTION_TYPE_FREE_TEXT)
                        .setText(localized("cs", "Co můžeme zlepšit?")))
                .addQuestions(Question.newBuilder().setId("channel")
                        .setType(QuestionType.QUESTION_TYPE_SINGLE_CHOICE)
                        .setText(localized("cs", "Jak jste nás kontaktovali?"))
                        .addOptions(ChoiceOption.newBuilder().setId("web").setLabel(localized("cs", "Web")))
                        .addOptions(ChoiceOption.newBuilder().setId("phone").setLabel(localized("cs", "Telefon"))))
                .build();
    }

    /** A draft of the standard survey; returns its id. */
    String draftSurvey(String apiKey) {
        return surveys(apiKey).createSurvey(CreateSurveyRequest.newBuilder().setContent(standardContent()).build())
                .getSurvey().getId();
    }

    /** The standard survey, published as version 1; returns its id. */
    String publishedSurvey(String apiKey) {
        String id = draftSurvey(apiKey);
        surveys(apiKey).publishSurvey(PublishSurveyRequest.newBuilder().setSurveyId(id).build());
        return id;
    }

    static Answer score(String question, int score) {
        return Answer.newBuilder().setQuestionId(question).setScore(score).build();
    }

    static Answer text(String question, String text) {
        return Answer.newBuilder().setQuestionId(question).setText(text).build();
    }

    static Answer choice(String question, String option) {
        return Answer.newBuilder().setQuestionId(question).setChoice(option).build();
    }

    /** A Czech submission with a fresh idempotency key and the given answers. */
    static SubmitResponseRequest submission(String surveyId, Answer... answers) {
        return SubmitResponseRequest.newBuilder()
                .setIdempotencyKey("idem-" + UUID.randomUUID())
                .setSurveyId(surveyId)
                .setLanguage("cs")
                .addAllAnswers(List.of(answers))
                .build();
    }

    /** All stored responses to the survey, read through ListResponses. */
    List<io.touchstone.proto.v1.Response> storedResponses(String apiKey, String surveyId) {
        List<io.touchstone.proto.v1.Response> all = new java.util.ArrayList<>();
        String token = "";
        do {
            ListResponsesResponse page = responses(apiKey).listResponses(ListResponsesRequest.newBuilder()
                    .setSurveyId(surveyId)
                    .setPage(PageRequest.newBuilder().setPageSize(100).setPageToken(token))
                    .build());
            all.addAll(page.getResponsesList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return all;
    }

    // --- error assertions ----------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Call {
        void run();
    }

    /**
     * Runs the call, expects it to fail with {@code code} and an {@link ErrorInfo} whose reason is {@code reason}, and
     * returns the {@code google.rpc.Status} the server sent.
     */
    static com.google.rpc.Status assertFails(Status.Code code, String reason, Call call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).as("status code (%s)", e.getStatus()).isEqualTo(code);
            com.google.rpc.Status status = StatusProto.fromThrowable(e);
            assertThat(status).as("google.rpc.Status details of %s", e.getStatus()).isNotNull();
            assertThat(status.getCode()).isEqualTo(code.value());
            ErrorInfo info = errorInfo(status);
            assertThat(info.getReason()).as("ErrorInfo.reason").isEqualTo(reason);
            assertThat(info.getDomain()).isEqualTo(DOMAIN);
            return status;
        }
        return fail("expected the call to fail with %s %s", code, reason);
    }

    /** Expects the status to be INVALID_ARGUMENT naming {@code field} first and a BadRequest listing it. */
    static void assertField(com.google.rpc.Status status, String field, String reason) {
        assertThat(errorInfo(status).getMetadataMap()).containsEntry("field", field);
        assertThat(badRequest(status).getFieldViolationsList())
                .anySatisfy(violation -> {
                    assertThat(violation.getField()).isEqualTo(field);
                    assertThat(violation.getReason()).isEqualTo(reason);
                    assertThat(violation.getDescription()).isNotBlank();
                });
    }

    static ErrorInfo errorInfo(com.google.rpc.Status status) {
        return detail(status, ErrorInfo.class);
    }

    static BadRequest badRequest(com.google.rpc.Status status) {
        return detail(status, BadRequest.class);
    }

    static <T extends com.google.protobuf.Message> T detail(com.google.rpc.Status status, Class<T> type) {
        for (Any any : status.getDetailsList()) {
            if (any.is(type)) {
                try {
                    return any.unpack(type);
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return fail("no %s among the details of %s", type.getSimpleName(), status);
    }

    static Map.Entry<String, String> entry(String key, String value) {
        return Map.entry(key, value);
    }
}
