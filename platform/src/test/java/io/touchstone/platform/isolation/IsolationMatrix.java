package io.touchstone.platform.isolation;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.touchstone.proto.v1.Answer;
import io.touchstone.proto.v1.Interaction;
import io.touchstone.proto.v1.LifecycleEvent;
import io.touchstone.proto.v1.LifecycleKind;
import io.touchstone.proto.v1.Outcome;
import io.touchstone.proto.v1.RecordInteractionsRequest;
import io.touchstone.proto.v1.RecordLifecycleEventsRequest;
import io.touchstone.proto.v1.AddStageRequest;
import io.touchstone.proto.v1.AddTouchpointRequest;
import io.touchstone.proto.v1.AttachSurveyRequest;
import io.touchstone.proto.v1.Channel;
import io.touchstone.proto.v1.CreateJourneyRequest;
import io.touchstone.proto.v1.DetachSurveyRequest;
import io.touchstone.proto.v1.GetJourneyRequest;
import io.touchstone.proto.v1.ListJourneysRequest;
import io.touchstone.proto.v1.RenameJourneyRequest;
import io.touchstone.proto.v1.RenameStageRequest;
import io.touchstone.proto.v1.ReorderStagesRequest;
import io.touchstone.proto.v1.RetireTouchpointRequest;
import io.touchstone.proto.v1.CreateSurveyRequest;
import io.touchstone.proto.v1.ExportResponsesRequest;
import io.touchstone.proto.v1.GetResponseRequest;
import io.touchstone.proto.v1.GetSurveyRequest;
import io.touchstone.proto.v1.GetSurveySummaryRequest;
import io.touchstone.proto.v1.ListAuditEventsRequest;
import io.touchstone.proto.v1.ListResponsesRequest;
import io.touchstone.proto.v1.ListSurveysRequest;
import io.touchstone.proto.v1.LocalizedText;
import io.touchstone.proto.v1.Metric;
import io.touchstone.proto.v1.PublishSurveyRequest;
import io.touchstone.proto.v1.GetJourneyMapRequest;
import io.touchstone.proto.v1.GetStaffLeaderboardRequest;
import io.touchstone.proto.v1.StaffLevel;
import io.touchstone.proto.v1.QueryMetricsRequest;
import io.touchstone.proto.v1.Question;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.ReviseSurveyRequest;
import io.touchstone.proto.v1.SubmitResponseRequest;
import io.touchstone.proto.v1.SurveyContent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Every operation of both APIs and what tenant B gets when it aims it at tenant A's data. {@link IsolationMatrixIT}
 * runs each row and fails when the served API has an operation that is in neither this table nor
 * {@link #OPERATOR_ONLY}: a new endpoint or RPC is added here with one row.
 */
final class IsolationMatrix {

    /** What tenant B must get. */
    sealed interface Expect {

        /** A by-id operation on A's thing: 404 / NOT_FOUND with the thing's not-found code, revealing nothing. */
        record NotFound(String code) implements Expect {
        }

        /** A list or query: 200 / OK, and none of A's ids or texts in the answer. */
        record OnlyOwnItems() implements Expect {
        }

        /**
         * A creation: it succeeds for B, and what it created, named by {@code idField} of the answer (a JSON path,
         * or a dotted proto field path), is not in A's answer to {@code listedForA} (a REST path or a full RPC name).
         */
        record CreatedForB(String idField, String listedForA) implements Expect {
        }

        /** A stream answering item by item: every item refused with NOT_FOUND and this code. */
        record ItemsNotFound(String code) implements Expect {
        }

        /** A REST batch answering event by event: 200, and every event rejected with NOT_FOUND and this code. */
        record EventsNotFound(String code) implements Expect {
        }
    }

    static Expect notFound(String code) {
        return new Expect.NotFound(code);
    }

    static Expect onlyOwnItems() {
        return new Expect.OnlyOwnItems();
    }

    static Expect createdForB(String idField, String listedForA) {
        return new Expect.CreatedForB(idField, listedForA);
    }

    static Expect itemsNotFound(String code) {
        return new Expect.ItemsNotFound(code);
    }

    static Expect eventsNotFound(String code) {
        return new Expect.EventsNotFound(code);
    }

    /** An interaction at A's touchpoint, under the event id A used (A's first idempotency key). */
    static String interactionJson(TenantA a) {
        return """
                {"events": [{"eventId": "%s", "touchpointId": "%s", "customerRef": "intruder",
                             "occurredAt": "%s", "outcome": "ABANDONED"}]}
                """.formatted(a.idempotencyKey(), a.touchpoint(), Instant.now());
    }

    /** A lifecycle event under the event id of one of A's. */
    static String lifecycleJson(TenantA a) {
        return """
                {"events": [{"eventId": "%s", "customerRef": "intruder", "kind": "CHURNED",
                             "occurredAt": "%s", "reason": "taken over"}]}
                """.formatted(a.idempotencyKey(), Instant.now());
    }

    static Timestamp now() {
        Instant now = Instant.now();
        return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    }

    // --- REST -------------------------------------------------------------------------------------------------------

    /** How B's request is completed (path parameters, query, headers, body) from what A owns. */
    @FunctionalInterface
    interface RestRequest {
        RequestSpecification prepare(RequestSpecification asB, TenantA a);

        default RestRequest and(RestRequest next) {
            return (spec, a) -> next.prepare(prepare(spec, a), a);
        }
    }

    /** One row: {@code method} and {@code path} exactly as the OpenAPI document names the operation. */
    record RestCase(String method, String path, String target, RestRequest request, Expect expect) {

        String operation() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return operation() + " on " + target;
        }
    }

    static RestRequest nothing() {
        return (spec, a) -> spec;
    }

    static RestRequest id(Function<TenantA, String> id) {
        return (spec, a) -> spec.pathParam("id", id.apply(a));
    }

    /** A path parameter other than {@code id}. */
    static RestRequest path(String name, Function<TenantA, String> value) {
        return (spec, a) -> spec.pathParam(name, value.apply(a));
    }

    static RestRequest query(String name, Object value) {
        return (spec, a) -> spec.queryParam(name, value);
    }

    static RestRequest json(String body) {
        return (spec, a) -> spec.contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
    }

    static RestRequest json(Function<TenantA, String> body) {
        return (spec, a) -> spec.contentType(ContentType.JSON).body(body.apply(a).getBytes(StandardCharsets.UTF_8));
    }

    static RestRequest idempotencyKeyOfA() {
        return (spec, a) -> spec.header("Idempotency-Key", a.idempotencyKey());
    }

    /** A range of days around today that holds A's responses in any tenant's time zone. */
    static final String FROM = LocalDate.now(ZoneOffset.UTC).minusDays(7).toString();
    static final String TO = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();

    static final String SURVEY_JSON = """
            {"defaultLanguage": "en", "title": {"en": "Taken over by B"},
             "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Recommend us?"}}]}
            """;
    static final String JOURNEY_JSON = """
            {"name": "Journey of B", "stages": [{"name": "Stage of B"}]}
            """;
    static final String ANSWER_JSON = """
            {"language": "en", "answers": [{"questionId": "nps", "score": 0}]}
            """;

    static final List<RestCase> REST = List.of(
            new RestCase("POST", "/api/v1/api-keys", "B's own new key",
                    json("""
                            {"name": "B's key", "scopes": ["surveys:read"]}
                            """),
                    createdForB("id", "/api/v1/api-keys")),
            new RestCase("GET", "/api/v1/api-keys", "B's keys", nothing(), onlyOwnItems()),
            new RestCase("DELETE", "/api/v1/api-keys/{id}", "A's second key", id(TenantA::secondApiKey),
                    notFound("api-key.not-found")),
            new RestCase("DELETE", "/api/v1/api-keys/{id}", "A's admin key", id(a -> a.apiKeys().getFirst()),
                    notFound("api-key.not-found")),
            new RestCase("POST", "/api/v1/api-keys/{id}/rotate", "A's second key",
                    id(TenantA::secondApiKey).and(json("{}")), notFound("api-key.not-found")),
            new RestCase("GET", "/api/v1/audit-events", "B's audit events", nothing(), onlyOwnItems()),

            new RestCase("POST", "/api/v1/surveys", "B's own new survey", json(SURVEY_JSON),
                    createdForB("id", "/api/v1/surveys")),
            new RestCase("GET", "/api/v1/surveys", "B's surveys", nothing(), onlyOwnItems()),
            new RestCase("GET", "/api/v1/surveys", "B's surveys, a page of 1", query("limit", 1), onlyOwnItems()),
            new RestCase("GET", "/api/v1/surveys/{id}", "A's published survey", id(TenantA::publishedSurvey),
                    notFound("survey.not-found")),
            new RestCase("GET", "/api/v1/surveys/{id}", "A's draft survey", id(TenantA::draftSurvey),
                    notFound("survey.not-found")),
            new RestCase("GET", "/api/v1/surveys/{id}", "version 1 of A's published survey",
                    id(TenantA::publishedSurvey).and(query("version", 1)), notFound("survey.not-found")),
            new RestCase("PUT", "/api/v1/surveys/{id}", "A's published survey",
                    id(TenantA::publishedSurvey).and(json(SURVEY_JSON)), notFound("survey.not-found")),
            new RestCase("PUT", "/api/v1/surveys/{id}", "A's draft survey",
                    id(TenantA::draftSurvey).and(json(SURVEY_JSON)), notFound("survey.not-found")),
            new RestCase("POST", "/api/v1/surveys/{id}/publish", "A's draft survey", id(TenantA::draftSurvey),
                    notFound("survey.not-found")),
            new RestCase("POST", "/api/v1/surveys/{id}/publish", "A's published survey",
                    id(TenantA::publishedSurvey), notFound("survey.not-found")),

            new RestCase("POST", "/api/v1/journeys", "B's own new journey", json(JOURNEY_JSON),
                    createdForB("id", "/api/v1/journeys")),
            new RestCase("GET", "/api/v1/journeys", "B's journeys", nothing(), onlyOwnItems()),
            new RestCase("GET", "/api/v1/journeys", "B's journeys, a page of 1", query("limit", 1), onlyOwnItems()),
            new RestCase("GET", "/api/v1/journeys/{id}", "A's journey", id(TenantA::journey),
                    notFound("journey.not-found")),
            new RestCase("GET", "/api/v1/journeys/{id}/map", "A's journey",
                    id(TenantA::journey).and(query("from", FROM)).and(query("to", TO)),
                    notFound("journey.not-found")),
            new RestCase("PATCH", "/api/v1/journeys/{id}", "A's journey",
                    id(TenantA::journey).and(json("{\"name\": \"Renamed by B\"}")), notFound("journey.not-found")),
            new RestCase("POST", "/api/v1/journeys/{id}/stages", "A's journey",
                    id(TenantA::journey).and(json("{\"name\": \"Stage by B\", \"index\": 0}")),
                    notFound("journey.not-found")),
            new RestCase("PATCH", "/api/v1/journeys/{id}/stages/{stageId}", "A's stage of A's journey",
                    id(TenantA::journey).and(path("stageId", TenantA::stage))
                            .and(json("{\"name\": \"Renamed by B\"}")),
                    notFound("journey.not-found")),
            new RestCase("PUT", "/api/v1/journeys/{id}/stage-order", "A's journey, its own stage order",
                    id(TenantA::journey).and(json(a -> "{\"stageIds\": [\"" + a.stage() + "\"]}")),
                    notFound("journey.not-found")),
            new RestCase("POST", "/api/v1/journeys/{id}/stages/{stageId}/touchpoints", "A's stage of A's journey",
                    id(TenantA::journey).and(path("stageId", TenantA::stage))
                            .and(json("{\"name\": \"Touchpoint by B\", \"channel\": \"WEB\"}")),
                    notFound("journey.not-found")),
            new RestCase("POST", "/api/v1/journeys/{id}/touchpoints/{touchpointId}/retire",
                    "A's touchpoint of A's journey",
                    id(TenantA::journey).and(path("touchpointId", TenantA::touchpoint)),
                    notFound("journey.not-found")),
            new RestCase("PUT", "/api/v1/journeys/{id}/touchpoints/{touchpointId}/survey",
                    "A's touchpoint of A's journey, A's own survey",
                    id(TenantA::journey).and(path("touchpointId", TenantA::touchpoint))
                            .and(json(a -> "{\"surveyId\": \"" + a.draftSurvey() + "\"}")),
                    notFound("journey.not-found")),
            new RestCase("DELETE", "/api/v1/journeys/{id}/touchpoints/{touchpointId}/survey",
                    "A's touchpoint of A's journey",
                    id(TenantA::journey).and(path("touchpointId", TenantA::touchpoint)),
                    notFound("journey.not-found")),

            new RestCase("POST", "/api/v1/surveys/{id}/responses", "A's published survey, under A's idempotency key",
                    id(TenantA::publishedSurvey).and(idempotencyKeyOfA()).and(json(ANSWER_JSON)),
                    notFound("survey.not-found")),
            new RestCase("GET", "/api/v1/surveys/{id}/responses", "A's published survey",
                    id(TenantA::publishedSurvey), notFound("survey.not-found")),
            new RestCase("GET", "/api/v1/responses/{id}", "A's response", id(TenantA::firstResponse),
                    notFound("response.not-found")),

            new RestCase("GET", "/api/v1/surveys/{id}/summary", "A's published survey", id(TenantA::publishedSurvey),
                    notFound("survey.not-found")),
            new RestCase("GET", "/api/v1/surveys/{id}/summary", "version 1 of A's published survey",
                    id(TenantA::publishedSurvey).and(query("version", 1)), notFound("survey.not-found")),

            new RestCase("POST", "/api/v1/metrics/query", "A's published survey",
                    json(a -> """
                            {"metrics": ["NPS"], "surveyId": "%s", "from": "%s", "to": "%s"}
                            """.formatted(a.publishedSurvey(), FROM, TO)),
                    notFound("survey.not-found")),
            new RestCase("POST", "/api/v1/metrics/query", "all of B's surveys, by survey and A's attribute",
                    json("""
                            {"metrics": ["NPS", "RESPONSE_COUNT"], "from": "%s", "to": "%s",
                             "groupBy": ["survey", "attribute:%s"]}
                            """.formatted(FROM, TO, TenantA.ATTRIBUTE)),
                    onlyOwnItems()),
            new RestCase("POST", "/api/v1/metrics/staff", "A's published survey",
                    json(a -> """
                            {"metric": "NPS", "surveyId": "%s", "from": "%s", "to": "%s"}
                            """.formatted(a.publishedSurvey(), FROM, TO)),
                    notFound("survey.not-found")),
            new RestCase("POST", "/api/v1/metrics/staff", "all of B's surveys, employees and teams of B",
                    json("""
                            {"metric": "NPS", "level": "EMPLOYEE", "from": "%s", "to": "%s"}
                            """.formatted(FROM, TO)),
                    onlyOwnItems()),
            new RestCase("POST", "/api/v1/metrics/staff", "all of B's surveys, teams of B",
                    json("""
                            {"metric": "NPS", "level": "TEAM", "from": "%s", "to": "%s"}
                            """.formatted(FROM, TO)),
                    onlyOwnItems()),
            new RestCase("POST", "/api/v1/responses/export", "A's published survey, as CSV",
                    json(a -> """
                            {"surveyId": "%s", "from": "%s", "to": "%s", "format": "CSV"}
                            """.formatted(a.publishedSurvey(), FROM, TO)),
                    notFound("survey.not-found")),
            new RestCase("POST", "/api/v1/responses/export", "A's published survey, as JSON Lines",
                    json(a -> """
                            {"surveyId": "%s", "from": "%s", "to": "%s", "format": "JSON_LINES"}
                            """.formatted(a.publishedSurvey(), FROM, TO)),
                    notFound("survey.not-found")),

            new RestCase("POST", "/api/v1/interactions/batch", "A's touchpoint, under A's event id",
                    json(IsolationMatrix::interactionJson), eventsNotFound("touchpoint.not-found")),
            new RestCase("POST", "/api/v1/customer-lifecycle-events/batch", "B's own event under A's event id",
                    json(IsolationMatrix::lifecycleJson), onlyOwnItems()));

    /**
     * Operations that take no tenant's data, so they are not in {@link #REST}: the operator's administration of the
     * service. A tenant's key must not get through to them (401 or 403); every {@code {…}} of the path is filled
     * with A's tenant id.
     */
    record OperatorOnly(String method, String path, String body) {

        String operation() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return operation();
        }
    }

    static final List<OperatorOnly> OPERATOR_ONLY = List.of(
            // creates a tenant: the operator's, never a tenant's
            new OperatorOnly("POST", "/api/v1/admin/tenants", """
                    {"name": "Made by a tenant", "timeZone": "Europe/Prague"}
                    """),
            // suspend or delete a whole tenant (here: A, aimed at by B's key): the operator's alone
            new OperatorOnly("POST", "/api/v1/admin/tenants/{id}/suspend", null),
            new OperatorOnly("DELETE", "/api/v1/admin/tenants/{id}", null));

    // --- gRPC -------------------------------------------------------------------------------------------------------

    /**
     * One row: the full method name ({@code touchstone.v1.Service/Method}) and the request B sends (a stream sends
     * this one message, then completes).
     */
    record GrpcCase(String method, String target, Function<TenantA, Message> request, Expect expect) {

        @Override
        public String toString() {
            return method + " on " + target;
        }
    }

    static final String LIST_SURVEYS = "touchstone.v1.SurveyService/ListSurveys";
    static final String LIST_JOURNEYS = "touchstone.v1.JourneyService/ListJourneys";

    static final List<GrpcCase> GRPC = List.of(
            new GrpcCase("touchstone.v1.SurveyService/CreateSurvey", "B's own new survey",
                    a -> CreateSurveyRequest.newBuilder().setContent(content()).build(),
                    createdForB("survey.id", LIST_SURVEYS)),
            new GrpcCase(LIST_SURVEYS, "B's surveys", a -> ListSurveysRequest.getDefaultInstance(), onlyOwnItems()),
            new GrpcCase("touchstone.v1.SurveyService/GetSurvey", "A's published survey",
                    a -> GetSurveyRequest.newBuilder().setSurveyId(a.publishedSurvey()).build(),
                    notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.SurveyService/GetSurvey", "A's draft survey",
                    a -> GetSurveyRequest.newBuilder().setSurveyId(a.draftSurvey()).build(),
                    notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.SurveyService/ReviseSurvey", "A's published survey",
                    a -> ReviseSurveyRequest.newBuilder().setSurveyId(a.publishedSurvey()).setContent(content())
                            .build(),
                    notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.SurveyService/ReviseSurvey", "A's draft survey",
                    a -> ReviseSurveyRequest.newBuilder().setSurveyId(a.draftSurvey()).setContent(content()).build(),
                    notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.SurveyService/PublishSurvey", "A's draft survey",
                    a -> PublishSurveyRequest.newBuilder().setSurveyId(a.draftSurvey()).build(),
                    notFound("survey.not-found")),

            new GrpcCase("touchstone.v1.JourneyService/CreateJourney", "B's own new journey",
                    a -> CreateJourneyRequest.newBuilder().setName("Journey of B").build(),
                    createdForB("journey.id", LIST_JOURNEYS)),
            new GrpcCase(LIST_JOURNEYS, "B's journeys", a -> ListJourneysRequest.getDefaultInstance(), onlyOwnItems()),
            new GrpcCase("touchstone.v1.JourneyService/GetJourney", "A's journey",
                    a -> GetJourneyRequest.newBuilder().setJourneyId(a.journey()).build(),
                    notFound("journey.not-found")),
            new GrpcCase("touchstone.v1.JourneyService/RenameJourney", "A's journey",
                    a -> RenameJourneyRequest.newBuilder().setJourneyId(a.journey()).setName("Renamed by B").build(),
                    notFound("journey.not-found")),
            new GrpcCase("touchstone.v1.JourneyService/AddStage", "A's journey",
                    a -> AddStageRequest.newBuilder().setJourneyId(a.journey()).setName("Stage by B").build(),
                    notFound("journey.not-found")),
            new GrpcCase("touchstone.v1.JourneyService/RenameStage", "A's stage of A's journey",
                    a -> RenameStageRequest.newBuilder().setJourneyId(a.journey()).setStageId(a.stage())
                            .setName("Renamed by B").build(),
                    notFound("journey.not-found")),
            new GrpcCase("touchstone.v1.JourneyService/ReorderStages", "A's journey, its own stage order",
                    a -> ReorderStagesRequest.newBuilder().setJourneyId(a.journey()).addStageIds(a.stage()).build(),
                    notFound("journey.not-found")),
            new GrpcCase("touchstone.v1.JourneyService/AddTouchpoint", "A's stage of A's journey",
                    a -> AddTouchpointRequest.newBuilder().setJourneyId(a.journey()).setStageId(a.stage())
                            .setName("Touchpoint by B").setChannel(Channel.CHANNEL_WEB).build(),
                    notFound("journey.not-found")),
            new GrpcCase("touchstone.v1.JourneyService/RetireTouchpoint", "A's touchpoint of A's journey",
                    a -> RetireTouchpointRequest.newBuilder().setJourneyId(a.journey())
                            .setTouchpointId(a.touchpoint()).build(),
                    notFound("journey.not-found")),
            new GrpcCase("touchstone.v1.JourneyService/AttachSurvey", "A's touchpoint, A's own survey",
                    a -> AttachSurveyRequest.newBuilder().setJourneyId(a.journey()).setTouchpointId(a.touchpoint())
                            .setSurveyId(a.draftSurvey()).build(),
                    notFound("journey.not-found")),
            new GrpcCase("touchstone.v1.JourneyService/DetachSurvey", "A's touchpoint of A's journey",
                    a -> DetachSurveyRequest.newBuilder().setJourneyId(a.journey()).setTouchpointId(a.touchpoint())
                            .build(),
                    notFound("journey.not-found")),

            new GrpcCase("touchstone.v1.ResponseService/SubmitResponse", "A's survey, under A's idempotency key",
                    a -> submission(a), notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.ResponseService/BulkSubmitResponses", "A's survey, under A's idempotency key",
                    a -> submission(a), itemsNotFound("survey.not-found")),
            new GrpcCase("touchstone.v1.ResponseService/GetResponse", "A's response",
                    a -> GetResponseRequest.newBuilder().setResponseId(a.firstResponse()).build(),
                    notFound("response.not-found")),
            new GrpcCase("touchstone.v1.ResponseService/ListResponses", "A's published survey",
                    a -> ListResponsesRequest.newBuilder().setSurveyId(a.publishedSurvey()).build(),
                    notFound("survey.not-found")),

            new GrpcCase("touchstone.v1.MetricsService/GetSurveySummary", "A's published survey",
                    a -> GetSurveySummaryRequest.newBuilder().setSurveyId(a.publishedSurvey()).build(),
                    notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.MetricsService/GetSurveySummary", "version 1 of A's published survey",
                    a -> GetSurveySummaryRequest.newBuilder().setSurveyId(a.publishedSurvey()).setVersion(1).build(),
                    notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.MetricsService/QueryMetrics", "A's published survey",
                    a -> QueryMetricsRequest.newBuilder().addMetrics(Metric.METRIC_NPS)
                            .setSurveyId(a.publishedSurvey()).setFrom(FROM).setTo(TO).build(),
                    notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.MetricsService/QueryMetrics", "all of B's surveys, by survey and A's attribute",
                    a -> QueryMetricsRequest.newBuilder().addMetrics(Metric.METRIC_NPS)
                            .addMetrics(Metric.METRIC_RESPONSE_COUNT).setFrom(FROM).setTo(TO)
                            .addGroupBy("survey").addGroupBy("attribute:" + TenantA.ATTRIBUTE).build(),
                    onlyOwnItems()),
            new GrpcCase("touchstone.v1.MetricsService/GetJourneyMap", "A's journey",
                    a -> GetJourneyMapRequest.newBuilder().setJourneyId(a.journey()).setFrom(FROM).setTo(TO).build(),
                    notFound("journey.not-found")),
            new GrpcCase("touchstone.v1.MetricsService/GetStaffLeaderboard", "A's published survey",
                    a -> GetStaffLeaderboardRequest.newBuilder().setMetric(Metric.METRIC_NPS)
                            .setSurveyId(a.publishedSurvey()).setFrom(FROM).setTo(TO).build(),
                    notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.MetricsService/GetStaffLeaderboard", "all of B's surveys, employees of B",
                    a -> GetStaffLeaderboardRequest.newBuilder().setMetric(Metric.METRIC_NPS)
                            .setLevel(StaffLevel.STAFF_LEVEL_EMPLOYEE).setFrom(FROM).setTo(TO).build(),
                    onlyOwnItems()),
            new GrpcCase("touchstone.v1.MetricsService/GetStaffLeaderboard", "all of B's surveys, teams of B",
                    a -> GetStaffLeaderboardRequest.newBuilder().setMetric(Metric.METRIC_NPS)
                            .setLevel(StaffLevel.STAFF_LEVEL_TEAM).setFrom(FROM).setTo(TO).build(),
                    onlyOwnItems()),
            new GrpcCase("touchstone.v1.MetricsService/ExportResponses", "A's published survey",
                    a -> ExportResponsesRequest.newBuilder().setSurveyId(a.publishedSurvey()).setFrom(FROM).setTo(TO)
                            .build(),
                    notFound("survey.not-found")),
            new GrpcCase("touchstone.v1.AuditService/ListAuditEvents", "B's audit events",
                    a -> ListAuditEventsRequest.getDefaultInstance(), onlyOwnItems()),

            new GrpcCase("touchstone.v1.InteractionService/RecordInteractions", "A's touchpoint, under A's event id",
                    a -> RecordInteractionsRequest.newBuilder().setInteraction(Interaction.newBuilder()
                            .setEventId(a.idempotencyKey()).setTouchpointId(a.touchpoint()).setCustomerRef("intruder")
                            .setOccurredAt(now()).setOutcome(Outcome.OUTCOME_ABANDONED)).build(),
                    itemsNotFound("touchpoint.not-found")),
            new GrpcCase("touchstone.v1.InteractionService/RecordLifecycleEvents", "B's own event under A's event id",
                    a -> RecordLifecycleEventsRequest.newBuilder().addEvents(LifecycleEvent.newBuilder()
                            .setEventId(a.idempotencyKey()).setCustomerRef("intruder")
                            .setKind(LifecycleKind.LIFECYCLE_KIND_CHURNED).setOccurredAt(now())).build(),
                    onlyOwnItems()));

    static SurveyContent content() {
        return SurveyContent.newBuilder()
                .setDefaultLanguage("en")
                .setTitle(LocalizedText.newBuilder().putTexts("en", "Taken over by B"))
                .addQuestions(Question.newBuilder().setId("nps").setType(QuestionType.QUESTION_TYPE_NPS)
                        .setText(LocalizedText.newBuilder().putTexts("en", "Recommend us?")))
                .build();
    }

    static SubmitResponseRequest submission(TenantA a) {
        return SubmitResponseRequest.newBuilder()
                .setIdempotencyKey(a.idempotencyKey())
                .setSurveyId(a.publishedSurvey())
                .setLanguage("en")
                .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(0))
                .build();
    }

    private IsolationMatrix() {
    }
}
