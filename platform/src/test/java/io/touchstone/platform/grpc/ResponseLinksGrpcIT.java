package io.touchstone.platform.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.touchstone.proto.v1.BulkSubmitResponsesResponse;
import io.touchstone.proto.v1.Channel;
import io.touchstone.proto.v1.GetResponseRequest;
import io.touchstone.proto.v1.LinkedInteraction;
import io.touchstone.proto.v1.Response;
import io.touchstone.proto.v1.SubmitResponseRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SubmitResponse and BulkSubmitResponses naming a recorded interaction by its event id. */
@QuarkusTest
class ResponseLinksGrpcIT extends GrpcTestSupport {

    private String key;
    private String surveyId;
    private String journeyId;
    private String callCentre;

    @BeforeEach
    void journeyWithACall() {
        key = tenant().adminKey();
        surveyId = publishedSurvey(key);
        var created = given().header("X-API-Key", key).contentType(ContentType.JSON).body("""
                {"name": "Podpora", "stages": [{"name": "Případ", "touchpoints": [
                  {"name": "Zákaznická linka", "channel": "PHONE"}]}]}
                """).post("/api/v1/journeys").then().statusCode(201).extract();
        journeyId = created.path("id");
        callCentre = created.path("stages[0].touchpoints[0].id");
        record(key, callCentre, "call-1");
    }

    private static void record(String key, String touchpoint, String eventId) {
        given().header("X-API-Key", key).contentType(ContentType.JSON).body("""
                {"events": [{"eventId": "%s", "touchpointId": "%s", "customerRef": "zákazník-1", "occurredAt": "%s",
                  "outcome": "ABANDONED", "employee": "agent-7", "location": "Brno"}]}
                """.formatted(eventId, touchpoint, Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MICROS)))
                .post("/api/v1/interactions/batch").then().statusCode(200);
    }

    private SubmitResponseRequest about(String eventId) {
        return submission(surveyId, score("nps", 8)).toBuilder().setInteractionEventId(eventId).build();
    }

    @Test
    void aSubmissionNamingAnInteractionReturnsWhatItInherited() {
        Response response = responses(key).submitResponse(about("call-1")).getResponse();

        assertThat(response.getChannel()).isEqualTo(Channel.CHANNEL_PHONE);
        LinkedInteraction interaction = response.getInteraction();
        assertThat(interaction.getInteractionId()).hasSize(36);
        assertThat(interaction.getJourneyId()).isEqualTo(journeyId);
        assertThat(interaction.getTouchpointId()).isEqualTo(callCentre);
        assertThat(interaction.getTouchpointChannel()).isEqualTo(Channel.CHANNEL_PHONE);
        assertThat(interaction.getEmployee()).isEqualTo("agent-7");
        assertThat(interaction.getTeam()).isEmpty();
        assertThat(interaction.getLocation()).isEqualTo("Brno");
        assertThat(responses(key).getResponse(GetResponseRequest.newBuilder().setResponseId(response.getId())
                .build()).getResponse()).isEqualTo(response);

        Response asked = responses(key).submitResponse(about("call-1").toBuilder()
                .setChannel(Channel.CHANNEL_EMAIL).build()).getResponse();
        assertThat(asked.getChannel()).isEqualTo(Channel.CHANNEL_EMAIL);
        assertThat(asked.getInteraction()).isEqualTo(interaction);
        assertThat(responses(key).submitResponse(submission(surveyId, score("nps", 8))).getResponse()
                .hasInteraction()).isFalse();
    }

    @Test
    void anUnknownOrAnotherTenantsEventIdIsNotFoundWithItsField() {
        String other = tenant().adminKey();
        String theirSurvey = publishedSurvey(other);

        com.google.rpc.Status unknown = assertFails(Status.Code.NOT_FOUND, "interaction.not-found",
                () -> responses(key).submitResponse(about("call-2")));
        assertThat(errorInfo(unknown).getMetadataMap()).containsEntry("field", "interactionEventId");
        assertFails(Status.Code.NOT_FOUND, "interaction.not-found", () -> responses(other).submitResponse(
                submission(theirSurvey, score("nps", 8)).toBuilder().setInteractionEventId("call-1").build()));
        com.google.rpc.Status invalid = assertFails(Status.Code.INVALID_ARGUMENT, "event.id-invalid",
                () -> responses(key).submitResponse(about("call 1")));
        assertField(invalid, "interactionEventId", "event.id-invalid");

        assertThat(storedResponses(key, surveyId)).isEmpty();
        assertThat(storedResponses(other, theirSurvey)).isEmpty();
    }

    @Test
    void aBulkItemNamingNoInteractionIsRefusedAloneAndTheOthersAreStored() throws Exception {
        List<BulkSubmitResponsesResponse> results = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<SubmitResponseRequest> requests = responsesAsync(key).bulkSubmitResponses(
                new StreamObserver<>() {
                    @Override
                    public void onNext(BulkSubmitResponsesResponse value) {
                        results.add(value);
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
        requests.onNext(about("call-1"));
        requests.onNext(about("never-recorded"));
        requests.onNext(submission(surveyId, score("nps", 3)));
        requests.onCompleted();
        done.get(30, TimeUnit.SECONDS);

        assertThat(results).hasSize(3);
        assertThat(results.get(0).getSubmitted().getResponse().getInteraction().getTouchpointId())
                .isEqualTo(callCentre);
        assertThat(results.get(1).getError().getCode()).isEqualTo(Status.Code.NOT_FOUND.value());
        assertThat(errorInfo(results.get(1).getError()).getReason()).isEqualTo("interaction.not-found");
        assertThat(errorInfo(results.get(1).getError()).getMetadataMap())
                .containsEntry("field", "interactionEventId");
        assertThat(results.get(2).hasSubmitted()).isTrue();
        assertThat(storedResponses(key, surveyId)).hasSize(2);
    }
}
