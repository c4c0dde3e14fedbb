package io.touchstone.platform.isolation;

import static io.restassured.RestAssured.given;
import static io.touchstone.platform.isolation.IsolationMatrix.GRPC;
import static io.touchstone.platform.isolation.IsolationMatrix.OPERATOR_ONLY;
import static io.touchstone.platform.isolation.IsolationMatrix.REST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.touchstone.platform.isolation.IsolationMatrix.Expect;
import io.touchstone.platform.isolation.IsolationMatrix.GrpcCase;
import io.touchstone.platform.isolation.IsolationMatrix.OperatorOnly;
import io.touchstone.platform.isolation.IsolationMatrix.RestCase;
import io.touchstone.proto.v1.ListResponsesRequest;
import io.touchstone.proto.v1.ListResponsesResponse;
import io.touchstone.proto.v1.ListSurveysRequest;
import io.touchstone.proto.v1.ListSurveysResponse;
import io.touchstone.proto.v1.SubmitResponseResponse;
import io.touchstone.proto.v1.Survey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tenant B, holding a key with every scope, aims every operation of both APIs at tenant A's data (the rows of
 * {@link IsolationMatrix}): by-id operations find nothing, lists and queries show none of A's things, what B
 * creates is B's, and A's data stays as A left it. The coverage tests fail when the running service serves an
 * operation the matrix does not name, so a new endpoint or RPC cannot escape it.
 */
@QuarkusTest
class IsolationMatrixIT {

    private static final long TIMEOUT_SECONDS = 30;
    private static final String OPERATOR_TOKEN = "test-operator-token";
    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);

    /** Made once for the class, on first use (the service must be running). */
    private static TenantA a;
    private static String keyB;
    private static String surveyB;

    private ManagedChannel channel;

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

    // --- the matrix ---------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> restOperationsOfTenantBNeverReachTenantAsData() {
        TenantA tenantA = tenants();
        return Stream.concat(
                REST.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> run(row, tenantA))),
                Stream.of(DynamicTest.dynamicTest("A's data is as A left it", () -> assertUnchanged(tenantA))));
    }

    @TestFactory
    Stream<DynamicTest> grpcMethodsOfTenantBNeverReachTenantAsData() {
        TenantA tenantA = tenants();
        return Stream.concat(
                GRPC.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> run(row, tenantA))),
                Stream.of(DynamicTest.dynamicTest("A's data is as A left it", () -> assertUnchanged(tenantA))));
    }

    @TestFactory
    Stream<DynamicTest> aTenantsKeyCannotUseTheOperatorsOperations() {
        TenantA tenantA = tenants();
        return OPERATOR_ONLY.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> run(row, tenantA)));
    }

    /** An idempotency key is per tenant: B's use of A's key is a new submission to B's own survey. */
    @Test
    void theSameIdempotencyKeyInTwoTenantsStoresTwoResponses() {
        TenantA tenantA = tenants();

        String overRest = json(as(keyB).header("Idempotency-Key", tenantA.idempotencyKeys().get(1)),
                IsolationMatrix.ANSWER_JSON)
                .post("/api/v1/surveys/{id}/responses", surveyB)
                .then().statusCode(201).extract().path("id");
        var request = IsolationMatrix.submission(tenantA).toBuilder()
                .setIdempotencyKey(tenantA.idempotencyKeys().get(2))
                .setSurveyId(surveyB)
                .build();
        var overGrpc = (SubmitResponseResponse) call(keyB, "touchstone.v1.ResponseService/SubmitResponse", request)
                .answer();

        assertThat(overGrpc.getReplayed()).isFalse();
        assertThat(List.of(overRest, overGrpc.getResponse().getId()))
                .doesNotContainAnyElementsOf(tenantA.responses())
                .doesNotHaveDuplicates();
    }

    /** Next to B's probes, each tenant's lists hold its own things: A's exactly A's, B's at least B's survey. */
    @Test
    void eachTenantsListsShowItsOwnItems() {
        TenantA tenantA = tenants();
        String listSurveys = IsolationMatrix.LIST_SURVEYS;
        Message empty = ListSurveysRequest.getDefaultInstance();

        assertThat(((ListSurveysResponse) call(tenantA.adminKey(), listSurveys, empty).answer()).getSurveysList())
                .extracting(Survey::getId)
                .containsExactlyInAnyOrder(tenantA.draftSurvey(), tenantA.publishedSurvey());
        assertThat(((ListSurveysResponse) call(keyB, listSurveys, empty).answer()).getSurveysList())
                .extracting(Survey::getId)
                .contains(surveyB)
                .doesNotContainAnyElementsOf(tenantA.ids());
        var responsesOfA = (ListResponsesResponse) call(tenantA.adminKey(),
                "touchstone.v1.ResponseService/ListResponses",
                ListResponsesRequest.newBuilder().setSurveyId(tenantA.publishedSurvey()).build()).answer();
        assertThat(responsesOfA.getResponsesList()).extracting(io.touchstone.proto.v1.Response::getId)
                .containsExactlyElementsOf(tenantA.responses());
        as(keyB).get("/api/v1/surveys").then().statusCode(200)
                .body("items.id", hasItem(surveyB));
    }

    // --- coverage -----------------------------------------------------------------------------------------------

    @Test
    void everyRestOperationIsInTheMatrix() {
        Set<String> served = ServedOperations.rest();
        Set<String> inMatrix = new TreeSet<>();
        REST.forEach(row -> inMatrix.add(row.operation()));
        OPERATOR_ONLY.forEach(row -> inMatrix.add(row.operation()));

        assertThat(missing(served, inMatrix))
                .withFailMessage("REST operations missing from the isolation matrix: %s. Add a row to "
                        + "IsolationMatrix.REST (or, for an operation taking no tenant's data, OPERATOR_ONLY).",
                        missing(served, inMatrix))
                .isEmpty();
        assertThat(missing(inMatrix, served))
                .withFailMessage("rows of the isolation matrix naming operations the OpenAPI document does not have: "
                        + "%s (served: %s)", missing(inMatrix, served), served)
                .isEmpty();
    }

    @Test
    void everyGrpcMethodIsInTheMatrix() {
        Set<String> served = ServedOperations.grpc(channel);
        Set<String> inMatrix = new TreeSet<>();
        GRPC.forEach(row -> inMatrix.add(row.method()));

        assertThat(missing(served, inMatrix))
                .withFailMessage("gRPC methods of %s missing from the isolation matrix: %s. Add a row to "
                        + "IsolationMatrix.GRPC.", ServedOperations.GRPC_PACKAGE, missing(served, inMatrix))
                .isEmpty();
        assertThat(missing(inMatrix, served))
                .withFailMessage("rows of the isolation matrix naming methods the server does not offer: %s "
                        + "(served: %s)", missing(inMatrix, served), served)
                .isEmpty();
    }

    private static Set<String> missing(Set<String> from, Set<String> in) {
        Set<String> missing = new TreeSet<>(from);
        missing.removeAll(in);
        return missing;
    }

    // --- REST rows ----------------------------------------------------------------------------------------------

    private static void run(RestCase row, TenantA tenantA) {
        Response answer = row.request().prepare(as(keyB), tenantA).request(row.method(), row.path());
        switch (row.expect()) {
            case Expect.NotFound(String code) -> {
                answer.then().statusCode(404)
                        .contentType("application/problem+json")
                        .body("code", equalTo(code));
                assertRevealsNothing(answer.asString(), tenantA, false);
            }
            case Expect.OnlyOwnItems() -> {
                answer.then().statusCode(200);
                assertRevealsNothing(answer.asString(), tenantA, true);
            }
            case Expect.CreatedForB(String idField, String listedForA) -> {
                answer.then().statusCode(201);
                assertRevealsNothing(answer.asString(), tenantA, true);
                String created = answer.path(idField);
                assertThat(created).as("id of what B created").isNotBlank();
                String listForA = as(tenantA.adminKey()).get(listedForA).then().statusCode(200).extract().asString();
                assertThat(listForA).as("A's %s", listedForA).doesNotContain(created);
            }
            case Expect.ItemsNotFound(String code) -> fail("a REST operation answers no items: %s", row);
            case Expect.EventsNotFound(String code) -> {
                answer.then().statusCode(200)
                        .body("results", not(empty()))
                        .body("results.result", everyItem(equalTo("REJECTED")))
                        .body("results.error.status", everyItem(equalTo(404)))
                        .body("results.error.code", everyItem(equalTo(code)));
                assertRevealsNothing(answer.asString(), tenantA, false);
            }
        }
    }

    private static void run(OperatorOnly row, TenantA tenantA) {
        RequestSpecification request = as(keyB);
        if (row.body() != null) {
            request = json(request, row.body());
        }
        String path = row.path().replaceAll("\\{[^}]+}", tenantA.tenantId());
        Response answer = request.request(row.method(), path);
        answer.then().statusCode(oneOf(401, 403))
                .contentType("application/problem+json")
                .body("code", startsWith("auth."));
        assertRevealsNothing(answer.asString(), tenantA, false);
    }

    // --- gRPC rows ----------------------------------------------------------------------------------------------

    private void run(GrpcCase row, TenantA tenantA) {
        GrpcOutcome outcome = call(keyB, row.method(), row.request().apply(tenantA));
        switch (row.expect()) {
            case Expect.NotFound(String code) -> {
                StatusRuntimeException failure = outcome.failure();
                assertThat(failure).as("failure of %s", row).isNotNull();
                assertStatus(StatusProto.fromThrowable(failure), Status.Code.NOT_FOUND, code);
                assertRevealsNothing(String.valueOf(failure.getStatus().getDescription()), tenantA, false);
            }
            case Expect.OnlyOwnItems() -> assertRevealsNothing(outcome.answer().toString(), tenantA, true);
            case Expect.CreatedForB(String idField, String listedForA) -> {
                Message answer = outcome.answer();
                assertRevealsNothing(answer.toString(), tenantA, true);
                String created = field(answer, idField);
                assertThat(created).as("id of what B created").isNotBlank();
                Message list = call(tenantA.adminKey(), listedForA, prototype(descriptor(listedForA))).answer();
                assertThat(list.toString()).as("A's %s", listedForA).doesNotContain(created);
            }
            case Expect.EventsNotFound(String code) -> fail("a gRPC stream answers items: %s", row);
            case Expect.ItemsNotFound(String code) -> {
                List<Message> items = outcome.answers();
                assertThat(items).as("items answered by %s", row).isNotEmpty();
                for (Message item : items) {
                    com.google.rpc.Status refusal = item.getAllFields().values().stream()
                            .filter(com.google.rpc.Status.class::isInstance)
                            .map(com.google.rpc.Status.class::cast)
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("item not refused: " + item));
                    assertStatus(refusal, Status.Code.NOT_FOUND, code);
                    assertRevealsNothing(item.toString(), tenantA, false);
                }
            }
        }
    }

    /** What a call gave: its answers, or the failure that ended it. */
    private record GrpcOutcome(List<Message> answers, StatusRuntimeException failure) {

        Message answer() {
            if (failure != null) {
                throw new AssertionError("the call failed: " + failure.getStatus(), failure);
            }
            assertThat(answers).hasSize(1);
            return answers.getFirst();
        }

        @Override
        public List<Message> answers() {
            if (failure != null) {
                throw new AssertionError("the call failed: " + failure.getStatus(), failure);
            }
            return answers;
        }
    }

    /** Calls {@code fullName} presenting {@code apiKey}; a stream gets {@code request} as its only message. */
    private GrpcOutcome call(String apiKey, String fullName, Message request) {
        MethodDescriptor<Message, Message> method = descriptor(fullName);
        Metadata headers = new Metadata();
        headers.put(API_KEY, apiKey);
        Channel withKey = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            List<Message> answers = switch (method.getType()) {
                case UNARY -> List.of(ClientCalls.blockingUnaryCall(withKey, method, options, request));
                case SERVER_STREAMING -> {
                    List<Message> all = new ArrayList<>();
                    ClientCalls.blockingServerStreamingCall(withKey, method, options, request)
                            .forEachRemaining(all::add);
                    yield all;
                }
                case CLIENT_STREAMING, BIDI_STREAMING -> streamed(withKey.newCall(method, options), method, request);
                case UNKNOWN -> throw new AssertionError("unknown method type of " + fullName);
            };
            return new GrpcOutcome(answers, null);
        } catch (StatusRuntimeException e) {
            return new GrpcOutcome(List.of(), e);
        }
    }

    private static List<Message> streamed(ClientCall<Message, Message> call, MethodDescriptor<Message, Message> method,
            Message request) {
        List<Message> answers = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<List<Message>> done = new CompletableFuture<>();
        StreamObserver<Message> observer = new StreamObserver<>() {
            @Override
            public void onNext(Message answer) {
                answers.add(answer);
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                done.complete(List.copyOf(answers));
            }
        };
        StreamObserver<Message> requests = method.getType() == MethodDescriptor.MethodType.CLIENT_STREAMING
                ? ClientCalls.asyncClientStreamingCall(call, observer)
                : ClientCalls.asyncBidiStreamingCall(call, observer);
        requests.onNext(request);
        requests.onCompleted();
        try {
            return done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw Status.fromThrowable(e.getCause()).asRuntimeException(Status.trailersFromThrowable(e.getCause()));
        } catch (Exception e) {
            throw new AssertionError("stream " + method.getFullMethodName() + " did not end", e);
        }
    }

    /** The generated descriptor of a touchstone.v1 method, found from its name alone. */
    @SuppressWarnings("unchecked")
    private static MethodDescriptor<Message, Message> descriptor(String fullName) {
        String service = MethodDescriptor.extractFullServiceName(fullName);
        String grpcClass = "io.touchstone.proto.v1." + service.substring(service.lastIndexOf('.') + 1) + "Grpc";
        try {
            ServiceDescriptor described = (ServiceDescriptor) Class.forName(grpcClass)
                    .getMethod("getServiceDescriptor").invoke(null);
            return described.getMethods().stream()
                    .filter(method -> method.getFullMethodName().equals(fullName))
                    .map(method -> (MethodDescriptor<Message, Message>) method)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no method " + fullName + " in " + grpcClass));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no generated " + grpcClass + " for " + fullName, e);
        }
    }

    /** The request message of {@code method} with no field set. */
    private static Message prototype(MethodDescriptor<Message, Message> method) {
        return ((MethodDescriptor.PrototypeMarshaller<Message>) method.getRequestMarshaller()).getMessagePrototype();
    }

    /** The string at a dotted field path of a message, e.g. {@code survey.id}. */
    private static String field(Message message, String path) {
        Object value = message;
        for (String name : path.split("\\.")) {
            Message current = (Message) value;
            FieldDescriptor field = current.getDescriptorForType().findFieldByName(name);
            assertThat(field).as("field %s of %s", name, current.getDescriptorForType().getFullName()).isNotNull();
            value = current.getField(field);
        }
        return (String) value;
    }

    private static void assertStatus(com.google.rpc.Status status, Status.Code code, String reason) {
        assertThat(status).as("google.rpc.Status").isNotNull();
        assertThat(Status.fromCodeValue(status.getCode()).getCode()).as("status of %s", status).isEqualTo(code);
        ErrorInfo info = status.getDetailsList().stream()
                .filter(detail -> detail.is(ErrorInfo.class))
                .map(IsolationMatrixIT::errorInfo)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ErrorInfo in " + status));
        assertThat(info.getReason()).as("ErrorInfo.reason").isEqualTo(reason);
        assertThat(info.getDomain()).as("ErrorInfo.domain").isEqualTo("touchstone.io");
    }

    private static ErrorInfo errorInfo(Any detail) {
        try {
            return detail.unpack(ErrorInfo.class);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    // --- what B may learn ---------------------------------------------------------------------------------------

    /**
     * Nothing A wrote appears in {@code answer}; with {@code idsToo}, none of A's ids either (an error may quote the
     * path B asked for, which holds the id B already had).
     */
    private static void assertRevealsNothing(String answer, TenantA tenantA, boolean idsToo) {
        assertThat(answer).as("what B was told").doesNotContain(tenantA.markers());
        if (idsToo) {
            assertThat(answer).as("what B was told").doesNotContain(tenantA.ids());
        }
    }

    private static void assertUnchanged(TenantA tenantA) {
        String key = tenantA.adminKey();
        json(as(key), """
                {"events": [{"eventId": "%s", "customerRef": "%s", "kind": "CHURNED", "occurredAt": "2000-01-01T00:00:00Z",
                             "reason": "%s"}]}
                """.formatted(tenantA.idempotencyKey(), tenantA.markers().get(2), tenantA.markers().get(3)))
                .post("/api/v1/customer-lifecycle-events/batch").then().statusCode(200)
                .body("results[0].result", equalTo("REJECTED"))
                .body("results[0].error.code", equalTo("lifecycle.event-conflict"));
        as(key).get("/api/v1/surveys/{id}", tenantA.publishedSurvey()).then().statusCode(200)
                .body("latest.version", equalTo(1))
                .body("latest.status", equalTo("PUBLISHED"))
                .body("latest.title.en", equalTo(tenantA.markers().get(1)));
        as(key).get("/api/v1/surveys/{id}", tenantA.draftSurvey()).then().statusCode(200)
                .body("latest.version", equalTo(1))
                .body("latest.status", equalTo("DRAFT"))
                .body("latest.title.en", equalTo(tenantA.markers().get(0)));
        as(key).get("/api/v1/surveys").then().statusCode(200)
                .body("items.id", containsInAnyOrder(tenantA.draftSurvey(), tenantA.publishedSurvey()));
        as(key).get("/api/v1/surveys/{id}/responses", tenantA.publishedSurvey()).then().statusCode(200)
                .body("items.id", equalTo(tenantA.responses()));
        as(key).get("/api/v1/surveys/{id}/summary", tenantA.publishedSurvey()).then().statusCode(200)
                .body("responses", equalTo(tenantA.responses().size()));
        as(key).get("/api/v1/api-keys").then().statusCode(200)
                .body("items.id", containsInAnyOrder(tenantA.apiKeys().toArray()))
                .body("items.state", everyItem(equalTo("ACTIVE")));
        as(key).get("/api/v1/journeys/{id}", tenantA.journey()).then().statusCode(200)
                .body("name", equalTo(tenantA.markers().get(6)))
                .body("stages.id", equalTo(List.of(tenantA.stage())))
                .body("stages[0].name", equalTo(tenantA.markers().get(7)))
                .body("stages[0].touchpoints.id", equalTo(List.of(tenantA.touchpoint())))
                .body("stages[0].touchpoints[0].name", equalTo(tenantA.markers().get(8)))
                .body("stages[0].touchpoints[0].status", equalTo("ACTIVE"))
                .body("stages[0].touchpoints[0].surveyId", equalTo(tenantA.publishedSurvey()));
        as(key).get("/api/v1/journeys").then().statusCode(200)
                .body("items.id", equalTo(List.of(tenantA.journey())));
        for (String level : List.of("EMPLOYEE", "TEAM")) {
            json(as(key), """
                    {"metric": "NPS", "level": "%s", "from": "%s", "to": "%s"}
                    """.formatted(level, IsolationMatrix.FROM, IsolationMatrix.TO))
                    .post("/api/v1/metrics/staff").then().statusCode(200)
                    .body("entries.member", equalTo(List.of(tenantA.markers().get(level.equals("TEAM") ? 10 : 9))))
                    .body("entries[0].n", equalTo(tenantA.responses().size()));
        }
    }

    // --- the two tenants ----------------------------------------------------------------------------------------

    private static synchronized TenantA tenants() {
        if (a == null) {
            a = tenantA();
            keyB = newTenant()[1];
            surveyB = createSurvey(keyB, IsolationMatrix.SURVEY_JSON);
            as(keyB).post("/api/v1/surveys/{id}/publish", surveyB).then().statusCode(200);
        }
        return a;
    }

    private static TenantA tenantA() {
        String marker = UUID.randomUUID().toString();
        List<String> markers = List.of("Draft of A " + marker, "Survey of A " + marker, "customer of A " + marker,
                "complaint of A " + marker, "key of A " + marker, "store of A " + marker, "Journey of A " + marker,
                "Stage of A " + marker, "Touchpoint of A " + marker, "Employee of A " + marker, "Team of A " + marker);
        String[] tenant = newTenant();
        String key = tenant[1];

        String draft = createSurvey(key, survey(markers.get(0)));
        String published = createSurvey(key, survey(markers.get(1)));
        as(key).post("/api/v1/surveys/{id}/publish", published).then().statusCode(200);

        // five keys: A's responses, one each, are enough for A's employee to be listed on A's staff leaderboard
        List<String> idempotencyKeys = Stream.generate(() -> "a-" + UUID.randomUUID()).limit(5).toList();

        String adminKeyId = as(key).get("/api/v1/api-keys").then().statusCode(200).extract().path("items[0].id");
        String secondKeyId = json(as(key), """
                {"name": "%s", "scopes": ["surveys:read", "responses:read"]}
                """.formatted(markers.get(4)))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("id");

        var journey = json(as(key), """
                {"name": "%s", "stages": [{"name": "%s", "touchpoints": [{"name": "%s", "channel": "PHONE"}]}]}
                """.formatted(markers.get(6), markers.get(7), markers.get(8)))
                .post("/api/v1/journeys").then().statusCode(201).extract();
        String journeyId = journey.path("id");
        String touchpointId = journey.path("stages[0].touchpoints[0].id");
        json(as(key), """
                {"surveyId": "%s"}
                """.formatted(published))
                .put("/api/v1/journeys/{id}/touchpoints/{touchpointId}/survey", journeyId, touchpointId)
                .then().statusCode(200);

        // an interaction and a lifecycle event of A's, under the event id B tries; A's employee and team served it
        json(as(key), """
                {"events": [{"eventId": "%s", "touchpointId": "%s", "customerRef": "%s", "occurredAt": "%s",
                             "outcome": "COMPLETED", "employee": "%s", "team": "%s"}]}
                """.formatted(idempotencyKeys.getFirst(), touchpointId, markers.get(2), Instant.now(), markers.get(9),
                markers.get(10)))
                .post("/api/v1/interactions/batch").then().statusCode(200).body("stored", equalTo(1));
        // A's responses, all about that interaction
        List<String> responses = new ArrayList<>();
        for (String idempotencyKey : idempotencyKeys) {
            responses.add(json(as(key).header("Idempotency-Key", idempotencyKey), """
                    {"language": "en", "respondentRef": "%s", "channel": "WEB", "metadata": {"%s": "%s"},
                     "interactionEventId": "%s",
                     "answers": [{"questionId": "nps", "score": 9}, {"questionId": "why", "text": "%s"}]}
                    """.formatted(markers.get(2), TenantA.ATTRIBUTE, markers.get(5), idempotencyKeys.getFirst(),
                    markers.get(3)))
                    .post("/api/v1/surveys/{id}/responses", published)
                    .then().statusCode(201).extract().<String>path("id"));
        }
        json(as(key), """
                {"events": [{"eventId": "%s", "customerRef": "%s", "kind": "CHURNED", "occurredAt": "%s",
                             "reason": "%s"}]}
                """.formatted(idempotencyKeys.getFirst(), markers.get(2), Instant.now(), markers.get(3)))
                .post("/api/v1/customer-lifecycle-events/batch").then().statusCode(200).body("stored", equalTo(1));

        return new TenantA(tenant[0], key, draft, published, List.copyOf(responses), idempotencyKeys,
                List.of(adminKeyId, secondKeyId), journeyId, journey.path("stages[0].id"), touchpointId, markers);
    }

    private static String survey(String title) {
        return """
                {"defaultLanguage": "en", "title": {"en": "%s"},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Recommend us?"}},
                               {"id": "why", "type": "FREE_TEXT", "text": {"en": "Why?"}}]}
                """.formatted(title);
    }

    /** A new tenant: its id and the secret of its first key, which holds every scope. */
    private static String[] newTenant() {
        var created = json(given().accept(ContentType.JSON).header("Authorization", "Bearer " + OPERATOR_TOKEN), """
                {"name": "Tenant %s", "timeZone": "Europe/Prague"}
                """.formatted(UUID.randomUUID()))
                .post("/api/v1/admin/tenants")
                .then().statusCode(201).extract();
        return new String[] {created.path("tenant.id"), created.path("apiKey.secret")};
    }

    private static String createSurvey(String key, String body) {
        return json(as(key), body).post("/api/v1/surveys").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String apiKey) {
        return given().accept(ContentType.JSON).header("X-API-Key", apiKey);
    }

    private static RequestSpecification json(RequestSpecification request, String body) {
        return request.contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
    }
}
