package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.START;
import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.assertFails;
import static io.touchstone.application.service.ServiceHarness.assertInvalid;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static io.touchstone.application.service.ServiceHarness.choice;
import static io.touchstone.application.service.ServiceHarness.definition;
import static io.touchstone.application.service.ServiceHarness.everyType;
import static io.touchstone.application.service.ServiceHarness.nps;
import static io.touchstone.application.service.ServiceHarness.score;
import static io.touchstone.application.service.ServiceHarness.submission;
import static io.touchstone.application.service.ServiceHarness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.contract.JourneyFixtures;
import io.touchstone.application.error.Forbidden;
import io.touchstone.application.fake.RacingResponseRepository;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.SubmitResponseUseCase.AnswerInput;
import io.touchstone.application.port.in.SubmitResponseUseCase.SubmitResponseCommand;
import io.touchstone.application.port.in.SubmitResponseUseCase.Submission;
import io.touchstone.domain.interaction.CustomerRef;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.Outcome;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResponseSubmissionServiceTest {

    private final RacingResponseRepository responseRepository = new RacingResponseRepository();
    private final ServiceHarness app = new ServiceHarness(responseRepository);
    private final Caller.Tenant tenant = app.newTenant();
    private final Caller.Tenant otherTenant = app.newTenant();
    private final Survey survey = app.publishedSurvey(tenant, everyType());

    @Test
    void storesAValidSubmissionWithEverythingItCarries() {
        app.clock.advance(Duration.ofSeconds(30));
        SubmitResponseCommand command = new SubmitResponseCommand("ticket-4711", survey.id().value(), null, "FA", null,
                "customer-42", Map.of("touchpoint", "call-centre", "employee", "جمشید"),
                List.of(score("nps", 9), score("csat", 4), score("ces", 2), choice("channel", "phone"),
                        text("comment", "خیلی خوب")));

        Submission submission = await(app.submissions.submit(tenant, command));

        Response response = submission.response();
        assertThat(submission.replayed()).isFalse();
        assertThat(response.id().value().version()).isEqualTo(7);
        assertThat(response.tenantId()).isEqualTo(tenant.tenantId());
        assertThat(response.surveyId()).isEqualTo(survey.id());
        assertThat(response.surveyVersion()).isEqualTo(1);
        assertThat(response.language()).isEqualTo(LanguageTag.of("fa"));
        assertThat(response.respondentRef()).contains("customer-42");
        assertThat(response.metadata()).isEqualTo(Map.of("touchpoint", "call-centre", "employee", "جمشید"));
        assertThat(response.answers()).containsExactly(
                new Answer(new QuestionId("nps"), new AnswerValue.Score(9)),
                new Answer(new QuestionId("csat"), new AnswerValue.Score(4)),
                new Answer(new QuestionId("ces"), new AnswerValue.Score(2)),
                new Answer(new QuestionId("channel"), new AnswerValue.Choice("phone")),
                new Answer(new QuestionId("comment"), new AnswerValue.Text("خیلی خوب")));
        assertThat(response.submittedAt()).isEqualTo(START.plusSeconds(30));
        assertThat(app.adapters.responses.all()).singleElement()
                .satisfies(stored -> assertThat(stored.id()).isEqualTo(response.id()));
    }

    @Test
    void theSameKeyWithTheSameBodyReplaysTheFirstResponse() {
        SubmitResponseCommand command = submission("retry-1", survey, score("nps", 10), text("comment", "díky"));
        Submission first = await(app.submissions.submit(tenant, command));
        app.clock.advance(Duration.ofMinutes(5));

        Submission retry = await(app.submissions.submit(tenant, command));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response().id()).isEqualTo(first.response().id());
        assertThat(retry.response().submittedAt()).isEqualTo(START);
        assertThat(retry.response().answers()).isEqualTo(first.response().answers());
        assertThat(app.adapters.responses.size()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        await(app.submissions.submit(tenant, submission("retry-2", survey, score("nps", 10))));

        assertDomainFailure(app.submissions.submit(tenant, submission("retry-2", survey, score("nps", 9))),
                Conflict.class, "idempotency.key-reused");
        assertDomainFailure(app.submissions.submit(tenant, new SubmitResponseCommand("retry-2", survey.id().value(),
                null, "fa", null, null, Map.of(), List.of(score("nps", 10)))), Conflict.class, "idempotency.key-reused");
        assertDomainFailure(app.submissions.submit(tenant, new SubmitResponseCommand("retry-2", survey.id().value(),
                null, "cs", null, null, Map.of("k", "v"), List.of(score("nps", 10)))), Conflict.class,
                "idempotency.key-reused");

        assertThat(app.adapters.responses.size()).isEqualTo(1);
    }

    @Test
    void twoTenantsMayUseTheSameKey() {
        Survey theirs = app.publishedSurvey(otherTenant, everyType());

        Submission mine = await(app.submissions.submit(tenant, submission("shared", survey, score("nps", 10))));
        Submission other = await(app.submissions.submit(otherTenant, submission("shared", theirs, score("nps", 10))));

        assertThat(other.replayed()).isFalse();
        assertThat(other.response().id()).isNotEqualTo(mine.response().id());
        assertThat(other.response().tenantId()).isEqualTo(otherTenant.tenantId());
        assertThat(app.adapters.responses.size()).isEqualTo(2);
    }

    @Test
    void aConcurrentSubmissionThatStoredTheKeyFirstIsReplayed() {
        SubmitResponseCommand command = submission("race", survey, score("nps", 7), choice("channel", "chat"));
        Submission winner = await(app.submissions.submit(tenant, command));
        int rollbacksBefore = app.adapters.unitOfWork.rollbacks();
        responseRepository.missNextLookup();

        Submission loser = await(app.submissions.submit(tenant, command));

        assertThat(responseRepository.adds()).isEqualTo(2);
        assertThat(app.adapters.unitOfWork.rollbacks()).isEqualTo(rollbacksBefore + 1);
        assertThat(loser.replayed()).isTrue();
        assertThat(loser.response().id()).isEqualTo(winner.response().id());
        assertThat(app.adapters.responses.all()).extracting(Response::id).containsExactly(winner.response().id());
    }

    @Test
    void aConcurrentSubmissionWithAnotherBodyUnderTheKeyIsAConflict() {
        await(app.submissions.submit(tenant, submission("race", survey, score("nps", 7))));
        responseRepository.missNextLookup();

        assertDomainFailure(app.submissions.submit(tenant, submission("race", survey, score("nps", 8))),
                Conflict.class, "idempotency.key-reused");

        assertThat(responseRepository.adds()).isEqualTo(2);
        assertThat(app.adapters.responses.size()).isEqualTo(1);
    }

    @Test
    void aRefusedSubmissionStoresNothingAndLeavesTheKeyFree() {
        assertInvalid(app.submissions.submit(tenant, submission("fix-and-retry", survey, score("nps", 11),
                        choice("channel", "fax"))),
                tuple("answers[0].score", "answer.out-of-range"), tuple("answers[1].choice", "answer.option-unknown"));
        assertThat(app.adapters.responses.size()).isZero();

        Submission corrected = await(app.submissions.submit(tenant, submission("fix-and-retry", survey,
                score("nps", 10), choice("channel", "email"))));

        assertThat(corrected.replayed()).isFalse();
        assertThat(app.adapters.responses.size()).isEqualTo(1);
    }

    @Test
    void checksTheFormOfASubmissionNamingEveryField() {
        SubmitResponseCommand command = new SubmitResponseCommand("has space", null, 0, null, null, null, null,
                Arrays.asList(null, new AnswerInput("nps", 9, "nine", null), new AnswerInput("csat", null, null, null),
                        new AnswerInput("-bad", 1, null, null)));

        assertInvalid(app.submissions.submit(tenant, command),
                tuple("idempotencyKey", "idempotency.key-invalid"),
                tuple("surveyId", "value.required"),
                tuple("version", "survey.version-invalid"),
                tuple("language", "value.required"),
                tuple("answers[0]", "value.required"),
                tuple("answers[1]", "answer.value-count"),
                tuple("answers[2]", "answer.value-count"),
                tuple("answers[3].questionId", "question.id-invalid"));
        assertThat(app.adapters.responses.size()).isZero();
    }

    @Test
    void anIdempotencyKeyIsOneTo255VisibleAsciiCharacters() {
        assertThat(await(app.submissions.submit(tenant, submission("k".repeat(255), survey, score("nps", 1))))
                .replayed()).isFalse();
        assertThat(await(app.submissions.submit(tenant, submission("!~", survey, score("nps", 1)))).replayed())
                .isFalse();
        for (String key : new String[] {"", "k".repeat(256), "klíč", "tab\tkey"}) {
            assertInvalid(app.submissions.submit(tenant, submission(key, survey, score("nps", 1))),
                    tuple("idempotencyKey", "idempotency.key-invalid"));
        }
        assertInvalid(app.submissions.submit(tenant, new SubmitResponseCommand(null, survey.id().value(), null, "cs", null,
                null, Map.of(), List.of(score("nps", 1)))), tuple("idempotencyKey", "idempotency.key-invalid"));
    }

    @Test
    void aSubmissionWithoutAnswersIsRefused() {
        assertInvalid(app.submissions.submit(tenant, new SubmitResponseCommand("k1", survey.id().value(), null, "cs", null,
                null, Map.of(), List.of())), tuple("answers", "response.answers-required"));
        assertInvalid(app.submissions.submit(tenant, new SubmitResponseCommand("k2", survey.id().value(), null, "cs", null,
                null, null, null)), tuple("answers", "response.answers-required"));

        assertThat(app.adapters.responses.size()).isZero();
    }

    @Test
    void passesOnTheSurveysRefusalsWithTheirFields() {
        assertInvalid(app.submissions.submit(tenant, new SubmitResponseCommand("k", survey.id().value(), null, "en", null,
                null, Map.of(), List.of(score("nps", 9), text("nps", "again")))),
                tuple("language", "response.language-not-offered"), tuple("answers[1].questionId", "answer.duplicate"));
        assertInvalid(app.submissions.submit(tenant, submission("k", survey, text("comment", "a".repeat(11)))),
                tuple("answers[0].text", "answer.too-long"));
        assertInvalid(app.submissions.submit(tenant, submission("k", survey, score("channel", 1))),
                tuple("answers[0].score", "answer.wrong-type"));
        assertInvalid(app.submissions.submit(tenant, submission("k", survey, score("effort", 1))),
                tuple("answers[0].questionId", "answer.question-unknown"));

        assertThat(app.adapters.responses.size()).isZero();
    }

    @Test
    void anotherTenantsSurveyIsNotFound() {
        Survey theirs = app.publishedSurvey(otherTenant, everyType());

        assertDomainFailure(app.submissions.submit(tenant, submission("k", theirs, score("nps", 9))), NotFound.class,
                "survey.not-found");
        assertDomainFailure(app.submissions.submit(tenant, new SubmitResponseCommand("k", UUID.randomUUID(), null,
                "cs", null, null, Map.of(), List.of(score("nps", 9)))), NotFound.class, "survey.not-found");

        assertThat(app.adapters.responses.size()).isZero();
    }

    @Test
    void aDraftTakesNoResponses() {
        Survey draft = await(app.surveys.create(tenant, everyType()));

        assertDomainFailure(app.submissions.submit(tenant, submission("k", draft, score("nps", 9))),
                RuleViolated.class, "survey.not-published");

        assertThat(app.adapters.responses.size()).isZero();
    }

    @Test
    void answersAnExplicitVersionAndRefusesDraftOrMissingOnes() {
        await(app.surveys.revise(tenant, survey.id().value(), definition(nps("nps"))));

        Submission toOne = await(app.submissions.submit(tenant, versioned("v1", 1, score("csat", 5))));

        assertThat(toOne.response().surveyVersion()).isEqualTo(1);
        assertDomainFailure(app.submissions.submit(tenant, versioned("v2", 2, score("nps", 5))), RuleViolated.class,
                "survey.not-published");
        assertDomainFailure(app.submissions.submit(tenant, versioned("v3", 3, score("nps", 5))), NotFound.class,
                "survey.version-not-found");
        assertThat(app.adapters.responses.size()).isEqualTo(1);
    }

    /** A journey of {@code owner} and an interaction recorded at its phone touchpoint under {@code eventId}. */
    private Interaction recordedCall(Caller.Tenant owner, String eventId, Journey journey) {
        TenantId id = owner.tenantId();
        Touchpoint phone = journey.stages().getFirst().touchpoints().get(1);
        Interaction call = Interaction.rehydrate(new InteractionId(UUID.randomUUID()), id, new InteractionContent(
                new EventId(eventId), phone.id(), new CustomerRef("c-1"), START, Outcome.COMPLETED, null,
                new StaffRef("agent-17"), new StaffRef("Tým Brno"), null, Map.of()), START);
        await(app.adapters.unitOfWork.transactionally(id, () -> app.adapters.journeys.add(journey)
                .chain(() -> app.adapters.interactions.add(call))));
        return call;
    }

    private SubmitResponseCommand about(String key, String eventId, String channel) {
        return new SubmitResponseCommand(key, survey.id().value(), null, "cs", channel, null, Map.of(),
                List.of(score("nps", 9)), eventId);
    }

    @Test
    void aResponseAboutAnInteractionKeepsCopiesOfItsJourneyStageTouchpointAndStaff() {
        Journey journey = JourneyFixtures.orderToDelivery(tenant.tenantId(), UUID.randomUUID());
        Interaction call = recordedCall(tenant, "call-1", journey);
        Touchpoint phone = journey.stages().getFirst().touchpoints().get(1);

        Response inherited = await(app.submissions.submit(tenant, about("k1", "call-1", null))).response();
        Response asked = await(app.submissions.submit(tenant, about("k2", "call-1", "EMAIL"))).response();

        LinkedInteraction expected = new LinkedInteraction(call.id(), journey.id(), journey.stages().getFirst().id(),
                phone.id(), Channel.PHONE, new StaffRef("agent-17"), new StaffRef("Tým Brno"), null);
        assertThat(inherited.interaction()).contains(expected);
        assertThat(inherited.channel()).contains(Channel.PHONE);
        assertThat(asked.interaction()).contains(expected);
        assertThat(asked.channel()).contains(Channel.EMAIL);
        assertThat(app.adapters.responses.all()).extracting(r -> r.interaction().orElseThrow())
                .containsExactly(expected, expected);
    }

    @Test
    void anUnknownOrAnotherTenantsInteractionIsNotFoundAndNothingIsStored() {
        recordedCall(otherTenant, "theirs-1", JourneyFixtures.orderToDelivery(otherTenant.tenantId(),
                UUID.randomUUID()));

        for (String eventId : new String[] {"theirs-1", "never-recorded"}) {
            assertFails(app.submissions.submit(tenant, about("k-" + eventId, eventId, null)))
                    .isInstanceOfSatisfying(NotFound.class, notFound -> {
                        assertThat(notFound.code()).isEqualTo("interaction.not-found");
                        assertThat(notFound.field()).isEqualTo("interactionEventId");
                    });
        }
        assertInvalid(app.submissions.submit(tenant, about("k", "no spaces allowed", null)),
                tuple("interactionEventId", "event.id-invalid"));
        assertThat(app.adapters.responses.size()).isZero();
    }

    @Test
    void theInteractionIsPartOfTheIdempotencyFingerprint() {
        recordedCall(tenant, "call-1", JourneyFixtures.orderToDelivery(tenant.tenantId(), UUID.randomUUID()));
        recordedCall(tenant, "call-2", JourneyFixtures.orderToDelivery(tenant.tenantId(), UUID.randomUUID()));
        Submission first = await(app.submissions.submit(tenant, about("k", "call-1", null)));

        Submission retry = await(app.submissions.submit(tenant, about("k", "call-1", null)));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response().id()).isEqualTo(first.response().id());
        assertDomainFailure(app.submissions.submit(tenant, about("k", "call-2", null)), Conflict.class,
                "idempotency.key-reused");
        assertDomainFailure(app.submissions.submit(tenant, about("k", null, null)), Conflict.class,
                "idempotency.key-reused");
        // a submission without an interaction keeps the fingerprint it always had
        await(app.submissions.submit(tenant, about("plain", null, null)));
        assertDomainFailure(app.submissions.submit(tenant, about("plain", "call-1", null)), Conflict.class,
                "idempotency.key-reused");
        assertThat(app.adapters.responses.size()).isEqualTo(2);
    }

    @Test
    void submittingNeedsTheResponsesWriteScope() {
        Caller.Tenant readOnly = callerWithout(tenant.tenantId(), Scope.RESPONSES_WRITE);

        assertAccessFailure(app.submissions.submit(readOnly, submission("k", survey, score("nps", 9))),
                Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.submissions.submit(app.operator, submission("k", survey, score("nps", 9))),
                Forbidden.class, "auth.tenant-required");

        assertThat(app.adapters.responses.size()).isZero();
    }

    private SubmitResponseCommand versioned(String key, int version, AnswerInput... answers) {
        return new SubmitResponseCommand(key, survey.id().value(), version, "cs", null, null, Map.of(), List.of(answers));
    }
}
