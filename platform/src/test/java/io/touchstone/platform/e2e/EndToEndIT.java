package io.touchstone.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.touchstone.proto.v1.Answer;
import io.touchstone.proto.v1.BulkSubmitResponsesResponse;
import io.touchstone.proto.v1.CreateSurveyRequest;
import io.touchstone.proto.v1.GetSurveySummaryRequest;
import io.touchstone.proto.v1.GetSurveySummaryResponse;
import io.touchstone.proto.v1.LocalizedText;
import io.touchstone.proto.v1.MetricsServiceGrpc;
import io.touchstone.proto.v1.Question;
import io.touchstone.proto.v1.QuestionSummary;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.ResponseServiceGrpc;
import io.touchstone.proto.v1.SubmitResponseRequest;
import io.touchstone.proto.v1.SurveyContent;
import io.touchstone.proto.v1.SurveyServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole first slice as a tenant's integrations would walk it, across both APIs: an operator creates a tenant,
 * the tenant makes a narrower key, defines a multilingual survey over gRPC, publishes it over REST, collects
 * responses through REST, unary gRPC and a gRPC bulk stream, and reads identical, hand-checked figures from both.
 */
@QuarkusTest
class EndToEndIT {

    private static final String OPERATOR_TOKEN = "test-operator-token";
    private static final String CES_FA = "حل کردن مشکلتان با ما چقدر آسان بود؟";

    private ManagedChannel channel;

    @BeforeEach
    void openChannel() {
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void tenantSurveyResponsesAndIdenticalFiguresOverBothApis() throws Exception {
        // 1. the operator creates a tenant; its first key is shown once
        String adminKey = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                .body(Map.of("name", "Obchod s.r.o.", "timeZone", "Europe/Prague"))
                .post("/api/v1/admin/tenants")
                .then().statusCode(201)
                .extract().path("apiKey.secret");
        assertThat(adminKey).startsWith("tsk_");

        // 2. the tenant's admin creates a key for its integration, without key administration
        String key = given().contentType(ContentType.JSON).header("X-API-Key", adminKey)
                .body(Map.of("name", "shop integration", "scopes", List.of("surveys:read", "surveys:write",
                        "responses:write", "responses:read", "metrics:read")))
                .post("/api/v1/api-keys")
                .then().statusCode(201)
                .extract().path("secret");
        given().header("X-API-Key", key).get("/api/v1/api-keys").then().statusCode(403)
                .body("code", org.hamcrest.Matchers.equalTo("auth.scope-missing"));

        // 3. the survey is defined over gRPC, in Czech (default), Persian and English
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), key);
        var interceptor = MetadataUtils.newAttachHeadersInterceptor(headers);
        var surveys = SurveyServiceGrpc.newBlockingStub(channel).withInterceptors(interceptor);
        var responses = ResponseServiceGrpc.newBlockingStub(channel).withInterceptors(interceptor);
        var metrics = MetricsServiceGrpc.newBlockingStub(channel).withInterceptors(interceptor);
        String surveyId = surveys.createSurvey(CreateSurveyRequest.newBuilder().setContent(content()).build())
                .getSurvey().getId();

        // 4. published over REST; the Persian text comes back unchanged
        given().header("X-API-Key", key).post("/api/v1/surveys/{id}/publish", surveyId)
                .then().statusCode(200).body("latest.status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
        String persian = given().header("X-API-Key", key).get("/api/v1/surveys/{id}", surveyId)
                .then().statusCode(200).extract().path("latest.questions[2].text.fa");
        assertThat(persian).isEqualTo(CES_FA);

        // 5a. six responses over REST (NPS and CSAT)
        int[] restNps = {10, 10, 9, 9, 9, 10};
        int[] csat = {5, 4, 4, 3, 2, 5};
        for (int i = 0; i < restNps.length; i++) {
            given().contentType(ContentType.JSON).header("X-API-Key", key).header("Idempotency-Key", "rest-" + i)
                    .body(Map.of("language", "cs", "answers", List.of(
                            Map.of("questionId", "nps", "score", restNps[i]),
                            Map.of("questionId", "csat", "score", csat[i]))))
                    .post("/api/v1/surveys/{id}/responses", surveyId)
                    .then().statusCode(201);
        }
        // a retry of the first one changes nothing
        given().contentType(ContentType.JSON).header("X-API-Key", key).header("Idempotency-Key", "rest-0")
                .body(Map.of("language", "cs", "answers", List.of(
                        Map.of("questionId", "nps", "score", 10), Map.of("questionId", "csat", "score", 5))))
                .post("/api/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(200).header("Idempotent-Replayed", "true");

        // 5b. four over unary gRPC (NPS and CES, in Persian)
        int[] grpcNps = {8, 7, 7, 8};
        int[] ces = {7, 4, 2, 6};
        for (int i = 0; i < grpcNps.length; i++) {
            var submitted = responses.submitResponse(submission("grpc-" + i, surveyId, "fa",
                    score("nps", grpcNps[i]), score("ces", ces[i])));
            assertThat(submitted.getReplayed()).isFalse();
        }

        // 5c. ten over a bulk stream, plus one refused item and one replay of an earlier key
        int[] bulkNps = {6, 5, 0, 3, 9, 10, 9, 8, 6, 10};
        List<SubmitResponseRequest> bulk = new ArrayList<>();
        for (int i = 0; i < bulkNps.length; i++) {
            bulk.add(submission("bulk-" + i, surveyId, "en", score("nps", bulkNps[i])));
        }
        bulk.add(5, submission("bulk-bad", surveyId, "en", score("nps", 11)));
        bulk.add(submission("bulk-0", surveyId, "en", score("nps", bulkNps[0])));
        List<BulkSubmitResponsesResponse> results = bulkSubmit(key, bulk);
        assertThat(results).hasSize(12);
        assertThat(results).extracting(BulkSubmitResponsesResponse::getIndex)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(results.get(5).hasError()).isTrue();
        assertThat(results.get(5).getError().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT.value());
        assertThat(results.stream().filter(BulkSubmitResponsesResponse::hasSubmitted)).hasSize(11);
        assertThat(results.get(11).getSubmitted().getReplayed()).isTrue();
        assertThat(results.get(11).getSubmitted().getResponse().getId())
                .isEqualTo(results.get(0).getSubmitted().getResponse().getId());

        // 6. exactly 20 responses are stored, listed over REST in pages of 7
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("X-API-Key", key).queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/surveys/{id}/responses", surveyId)
                    .then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(listed).hasSize(20).doesNotHaveDuplicates();

        // 7. the figures, by hand: NPS over 20 answers: 10 promoters, 5 passives, 5 detractors
        // read JSON numbers as doubles (REST Assured's default is float where a value fits)
        JsonPath rest = JsonPath.from(given().header("X-API-Key", key)
                        .get("/api/v1/surveys/{id}/summary", surveyId)
                        .then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        GetSurveySummaryResponse grpc = metrics.getSurveySummary(
                GetSurveySummaryRequest.newBuilder().setSurveyId(surveyId).build());
        assertThat(rest.getLong("responses")).isEqualTo(20).isEqualTo(grpc.getResponses());

        QuestionSummary nps = grpc.getQuestions(0);
        double halfWidth = 1.96 * 100 * Math.sqrt((0.5 + 0.25 - 0.25 * 0.25) / 20);
        assertThat(nps.getN()).isEqualTo(20);
        assertThat(nps.getSmallSample()).isTrue();
        assertThat(nps.getNps().getPromoters()).isEqualTo(10);
        assertThat(nps.getNps().getPassives()).isEqualTo(5);
        assertThat(nps.getNps().getDetractors()).isEqualTo(5);
        assertThat(nps.getNps().getScore()).isCloseTo(25.0, within(1e-12));
        assertThat(nps.getNps().getConfidenceInterval().getLower()).isCloseTo(25.0 - halfWidth, within(1e-9));
        assertThat(nps.getNps().getConfidenceInterval().getUpper()).isCloseTo(25.0 + halfWidth, within(1e-9));

        // CSAT over 6 answers on 1..5: satisfied from 4 → 4 of 6; mean 23 / 6
        QuestionSummary csatSummary = grpc.getQuestions(1);
        assertThat(csatSummary.getCsat().getPercentSatisfied()).isCloseTo(400.0 / 6, within(1e-12));
        assertThat(csatSummary.getCsat().getMean()).isCloseTo(23.0 / 6, within(1e-12));

        // CES over 4 answers on 1..7, midpoint 4: agree 7, 6; neutral 4; disagree 2 → net 25; mean 19 / 4
        QuestionSummary cesSummary = grpc.getQuestions(2);
        assertThat(cesSummary.getCes().getNet()).isCloseTo(25.0, within(1e-12));
        assertThat(cesSummary.getCes().getMean()).isCloseTo(4.75, within(1e-12));

        // the free-text question has no answers: n = 0 and no metric, never a 0
        assertThat(grpc.getQuestions(3).getN()).isZero();
        assertThat(rest.getMap("questions[3]")).doesNotContainKeys("nps", "csat", "ces");

        // REST gives the very same doubles as gRPC
        assertThat(rest.getDouble("questions[0].nps.score")).isEqualTo(nps.getNps().getScore());
        assertThat(rest.getDouble("questions[0].nps.confidenceInterval.lower"))
                .isEqualTo(nps.getNps().getConfidenceInterval().getLower());
        assertThat(rest.getDouble("questions[0].nps.confidenceInterval.upper"))
                .isEqualTo(nps.getNps().getConfidenceInterval().getUpper());
        assertThat(rest.getDouble("questions[1].csat.percentSatisfied"))
                .isEqualTo(csatSummary.getCsat().getPercentSatisfied());
        assertThat(rest.getDouble("questions[1].csat.mean")).isEqualTo(csatSummary.getCsat().getMean());
        assertThat(rest.getDouble("questions[2].ces.mean")).isEqualTo(cesSummary.getCes().getMean());
        assertThat(rest.getDouble("questions[2].ces.net")).isEqualTo(cesSummary.getCes().getNet());

        // 8. another tenant sees none of it
        String otherKey = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                .body(Map.of("name", "Other", "timeZone", "Asia/Tehran"))
                .post("/api/v1/admin/tenants")
                .then().statusCode(201)
                .extract().path("apiKey.secret");
        given().header("X-API-Key", otherKey).get("/api/v1/surveys/{id}/summary", surveyId)
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("survey.not-found"));
        given().header("X-API-Key", otherKey).get("/api/v1/responses/{id}", listed.getFirst())
                .then().statusCode(404);
    }

    @Test
    void operatorsSeeHealthOverHttpAndGrpc() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("Reactive PostgreSQL connections health check"));
        var health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().build());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    private static SurveyContent content() {
        return SurveyContent.newBuilder()
                .setDefaultLanguage("cs")
                .setTitle(text("Spokojenost zákazníků", "رضایت مشتری", "Customer satisfaction"))
                .addQuestions(Question.newBuilder().setId("nps").setType(QuestionType.QUESTION_TYPE_NPS)
                        .setText(text("Na stupnici od 0 do 10, jaká je pravděpodobnost, že naši společnost doporučíte?",
                                "چقدر احتمال دارد ما را توصیه کنید؟", "How likely are you to recommend us?")))
                .addQuestions(Question.newBuilder().setId("csat").setType(QuestionType.QUESTION_TYPE_CSAT).setScale(5)
                        .setText(text("Jak hodnotíte vaši zkušenost s naší společností?", "تجربه شما چگونه بود؟",
                                "How was your experience?")))
                .addQuestions(Question.newBuilder().setId("ces").setType(QuestionType.QUESTION_TYPE_CES).setScale(7)
                        .setText(text("Jak jednoduché bylo pro vás vyřízení žádosti?", CES_FA,
                                "How easy was it to solve your problem?")))
                .addQuestions(Question.newBuilder().setId("comment").setType(QuestionType.QUESTION_TYPE_FREE_TEXT)
                        .setText(text("Chcete nám něco vzkázat?", "نظری دارید؟", "Anything else?")))
                .build();
    }

    private static LocalizedText text(String cs, String fa, String en) {
        return LocalizedText.newBuilder().putTexts("cs", cs).putTexts("fa", fa).putTexts("en", en).build();
    }

    private static Answer score(String questionId, int score) {
        return Answer.newBuilder().setQuestionId(questionId).setScore(score).build();
    }

    private static SubmitResponseRequest submission(String key, String surveyId, String language, Answer... answers) {
        return SubmitResponseRequest.newBuilder().setIdempotencyKey(key + "-" + surveyId).setSurveyId(surveyId)
                .setLanguage(language).addAllAnswers(List.of(answers)).build();
    }

    private List<BulkSubmitResponsesResponse> bulkSubmit(String key, List<SubmitResponseRequest> requests)
            throws Exception {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), key);
        var stub = ResponseServiceGrpc.newStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        List<BulkSubmitResponsesResponse> results = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<SubmitResponseRequest> requestStream = stub.bulkSubmitResponses(new StreamObserver<>() {
            @Override
            public void onNext(BulkSubmitResponsesResponse value) {
                synchronized (results) {
                    results.add(value);
                }
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(null);
            }
        });
        requests.forEach(requestStream::onNext);
        requestStream.onCompleted();
        done.get(60, TimeUnit.SECONDS);
        return results;
    }
}
