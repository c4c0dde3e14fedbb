package io.touchstone.domain.response;

import static io.touchstone.domain.survey.SurveyFixtures.CS;
import static io.touchstone.domain.survey.SurveyFixtures.EN;
import static io.touchstone.domain.survey.SurveyFixtures.FA;
import static io.touchstone.domain.survey.SurveyFixtures.SURVEY;
import static io.touchstone.domain.survey.SurveyFixtures.T0;
import static io.touchstone.domain.survey.SurveyFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Responses as {@link Survey#respond} takes them, to {@link SurveyFixtures#everyType()}. */
class ResponseAcceptanceTest {

    private static final ResponseId ID = new ResponseId(UUID.fromString("0190a5e0-1111-7000-8000-000000000001"));
    private static final Instant SUBMITTED = T0.plusSeconds(7_200);

    private final Survey survey = SurveyFixtures.published(SurveyFixtures.everyType());

    private static final LinkedInteraction CALL = new LinkedInteraction(
            new io.touchstone.domain.interaction.InteractionId(UUID.fromString("0190a5e0-2222-7000-8000-000000000001")),
            new io.touchstone.domain.journey.JourneyId(UUID.fromString("0190a5e0-3333-7000-8000-000000000001")),
            new io.touchstone.domain.journey.StageId(UUID.fromString("0190a5e0-4444-7000-8000-000000000001")),
            new io.touchstone.domain.journey.TouchpointId(UUID.fromString("0190a5e0-5555-7000-8000-000000000001")),
            Channel.PHONE, new io.touchstone.domain.interaction.StaffRef("agent-17"), null,
            new io.touchstone.domain.interaction.LocationRef("Brno"));

    @Test
    void aResponseAboutAnInteractionKeepsItsCopiesAndInheritsTheTouchpointsChannelOnlyWhenItNamesNone() {
        List<Answer> answers = List.of(score("nps", 9));

        Response withoutChannel = survey.respond(ID, Optional.empty(), CS, null, null, Map.of(), answers, SUBMITTED,
                CALL);
        Response withChannel = survey.respond(ID, Optional.empty(), CS, Channel.EMAIL, null, Map.of(), answers,
                SUBMITTED, CALL);
        Response aboutNothing = survey.respond(ID, Optional.empty(), CS, null, null, Map.of(), answers, SUBMITTED);

        assertThat(withoutChannel.interaction()).contains(CALL);
        assertThat(withoutChannel.channel()).contains(Channel.PHONE);
        // where the respondent was asked wins over where the interaction happened
        assertThat(withChannel.channel()).contains(Channel.EMAIL);
        assertThat(withChannel.interaction()).contains(CALL);
        assertThat(aboutNothing.interaction()).isEmpty();
        assertThat(aboutNothing.channel()).isEmpty();
        assertThat(CALL.teamIfKnown()).isEmpty();
        assertThat(CALL.employeeIfKnown()).contains(new io.touchstone.domain.interaction.StaffRef("agent-17"));
    }

    @Test
    void acceptsACompleteResponseAndKeepsEverything() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("touchpoint", "call-centre");
        metadata.put("employee", "جمشید");
        List<Answer> answers = List.of(score("nps", 10), score("csat", 4), score("ces", 2), choice("channel", "phone"),
                text("comment", "خیلی خوب"));

        Response response = survey.respond(ID, Optional.empty(), FA, null, "  customer-42 ", metadata, answers, SUBMITTED);

        assertThat(response.id()).isEqualTo(ID);
        assertThat(response.tenantId()).isEqualTo(TENANT);
        assertThat(response.surveyId()).isEqualTo(SURVEY);
        assertThat(response.surveyVersion()).isEqualTo(1);
        assertThat(response.language()).isEqualTo(FA);
        assertThat(response.respondentRef()).contains("customer-42");
        assertThat(response.metadata()).containsExactly(Map.entry("touchpoint", "call-centre"),
                Map.entry("employee", "جمشید"));
        assertThat(response.answers()).containsExactlyElementsOf(answers);
        assertThat(response.submittedAt()).isEqualTo(SUBMITTED);
    }

    @Test
    void acceptsAPartialResponseWithoutRespondentOrMetadata() {
        Response response = survey.respond(ID, Optional.of(1), CS, null, null, null, List.of(score("ces", 7)), SUBMITTED);

        assertThat(response.answers()).containsExactly(score("ces", 7));
        assertThat(response.respondentRef()).isEmpty();
        assertThat(response.metadata()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"nps, 0", "nps, 10", "csat, 1", "csat, 5", "ces, 1", "ces, 7"})
    void acceptsScoresAtTheEndsOfEachScale(String question, int value) {
        assertThat(respond(score(question, value)).answers()).containsExactly(score(question, value));
    }

    @ParameterizedTest
    @CsvSource({"nps, -1", "nps, 11", "csat, 0", "csat, 6", "ces, 0", "ces, 8"})
    void refusesAScoreOutsideTheScale(String question, int value) {
        assertRefused(() -> respond(score(question, value)), tuple("answers[0].score", "answer.out-of-range"));
    }

    @Test
    void namesTheAnswerOutOfRangeByItsPosition() {
        assertRefused(() -> respond(score("csat", 5), score("nps", 11)), tuple("answers[1].score", "answer.out-of-range"));
    }

    @Test
    void refusesAnAnswerToAQuestionTheVersionDoesNotHave() {
        assertRefused(() -> respond(score("nps", 9), score("effort", 3)),
                tuple("answers[1].questionId", "answer.question-unknown"));
    }

    @Test
    void refusesAValueOfTheWrongKindUnderTheKindGiven() {
        assertRefused(() -> respond(text("nps", "deset")), tuple("answers[0].text", "answer.wrong-type"));
        assertRefused(() -> respond(choice("csat", "email")), tuple("answers[0].choice", "answer.wrong-type"));
        assertRefused(() -> respond(score("channel", 1)), tuple("answers[0].score", "answer.wrong-type"));
        assertRefused(() -> respond(choice("comment", "email")), tuple("answers[0].choice", "answer.wrong-type"));
        assertRefused(() -> respond(text("channel", "email")), tuple("answers[0].text", "answer.wrong-type"));
    }

    @Test
    void refusesAnOptionTheQuestionDoesNotOffer() {
        assertRefused(() -> respond(choice("channel", "fax")), tuple("answers[0].choice", "answer.option-unknown"));
        assertRefused(() -> respond(choice("channel", "Email")), tuple("answers[0].choice", "answer.option-unknown"));
    }

    @Test
    void refusesTheSameQuestionAnsweredTwice() {
        assertRefused(() -> respond(score("nps", 9), score("csat", 4), score("nps", 10)),
                tuple("answers[2].questionId", "answer.duplicate"));
    }

    @Test
    void refusesATextLongerThanTheQuestionAllowsCountingCharacters() {
        assertThat(respond(text("comment", "😀".repeat(10))).answers()).hasSize(1);
        assertThat(respond(text("comment", "خیلی خوب ب")).answers()).hasSize(1);
        assertRefused(() -> respond(text("comment", "0123456789X")), tuple("answers[0].text", "answer.too-long"));
    }

    @Test
    void refusesALanguageTheSurveyIsNotOfferedIn() {
        assertRefused(() -> survey.respond(ID, Optional.empty(), EN, null, null, Map.of(), List.of(score("nps", 9)),
                SUBMITTED), tuple("language", "response.language-not-offered"));
        assertRefused(() -> survey.respond(ID, Optional.empty(), LanguageTag.of("el"), null, null, Map.of(),
                List.of(score("nps", 9)), SUBMITTED), tuple("language", "response.language-not-offered"));
    }

    @Test
    void needsAtLeastOneAnswer() {
        assertRefused(() -> respond(), tuple("answers", "response.answers-required"));
        assertRefused(() -> survey.respond(ID, Optional.empty(), CS, null, null, Map.of(), null, SUBMITTED),
                tuple("answers", "response.answers-required"));
    }

    @Test
    void takesUpToFiftyMetadataEntries() {
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < Response.MAX_METADATA_ENTRIES; i++) {
            fifty.put("key" + i, "value" + i);
        }

        assertThat(respondWithMetadata(fifty).metadata()).hasSize(50);
        fifty.put("one-more", "x");
        assertRefused(() -> respondWithMetadata(fifty), tuple("metadata", "response.metadata-too-large"));
    }

    @Test
    void refusesMetadataKeysOfTheWrongForm() {
        assertRefused(() -> respondWithMetadata(Map.of("customer segment", "vip")),
                tuple("metadata", "response.metadata-key-invalid"));
        assertRefused(() -> respondWithMetadata(Map.of("k".repeat(65), "vip")),
                tuple("metadata", "response.metadata-key-invalid"));
    }

    @Test
    void limitsMetadataValuesToAThousandCharacters() {
        assertThat(respondWithMetadata(Map.of("note", "ش".repeat(1_000))).metadata().get("note")).hasSize(1_000);
        assertRefused(() -> respondWithMetadata(Map.of("note", "x".repeat(1_001))),
                tuple("metadata.note", "value.too-long"));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("note", null);
        assertRefused(() -> respondWithMetadata(nullValue), tuple("metadata.note", "value.required"));
    }

    @Test
    void limitsTheRespondentReference() {
        assertRefused(() -> survey.respond(ID, Optional.empty(), CS, null, "r".repeat(201), Map.of(),
                List.of(score("nps", 9)), SUBMITTED), tuple("respondentRef", "value.too-long"));
        assertRefused(() -> survey.respond(ID, Optional.empty(), CS, null, "   ", Map.of(), List.of(score("nps", 9)),
                SUBMITTED), tuple("respondentRef", "value.required"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertRefused(() -> survey.respond(ID, Optional.empty(), EN, null, null, Map.of("bad key", "x"),
                        List.of(score("nps", 11), score("effort", 2), choice("channel", "fax"), score("nps", 3)),
                        SUBMITTED),
                tuple("language", "response.language-not-offered"),
                tuple("metadata", "response.metadata-key-invalid"),
                tuple("answers[0].score", "answer.out-of-range"),
                tuple("answers[1].questionId", "answer.question-unknown"),
                tuple("answers[2].choice", "answer.option-unknown"),
                tuple("answers[3].questionId", "answer.duplicate"));
    }

    @Test
    void aDraftTakesNoResponse() {
        Survey draft = SurveyFixtures.draft(SurveyFixtures.everyType());

        assertThatThrownBy(() -> draft.respond(ID, Optional.empty(), CS, null, null, Map.of(), List.of(score("nps", 9)),
                SUBMITTED)).isInstanceOfSatisfying(RuleViolated.class,
                        e -> assertThat(e.code()).isEqualTo("survey.not-published"));
    }

    @Test
    void anUnknownVersionIsNotFound() {
        assertThatThrownBy(() -> survey.respond(ID, Optional.of(2), CS, null, null, Map.of(), List.of(score("nps", 9)),
                SUBMITTED)).isInstanceOfSatisfying(NotFound.class,
                        e -> assertThat(e.code()).isEqualTo("survey.version-not-found"));
    }

    @Test
    void keepsItsOwnCopiesOfAnswersAndMetadata() {
        Map<String, String> metadata = new HashMap<>(Map.of("channel", "web"));
        List<Answer> answers = new ArrayList<>(List.of(score("nps", 9)));
        Response response = survey.respond(ID, Optional.empty(), CS, null, null, metadata, answers, SUBMITTED);

        metadata.put("channel", "app");
        answers.add(score("csat", 1));

        assertThat(response.metadata()).containsExactly(Map.entry("channel", "web"));
        assertThat(response.answers()).containsExactly(score("nps", 9));
        assertThatThrownBy(() -> response.answers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> response.metadata().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private Response respond(Answer... answers) {
        return survey.respond(ID, Optional.empty(), CS, null, null, Map.of(), List.of(answers), SUBMITTED);
    }

    private Response respondWithMetadata(Map<String, String> metadata) {
        return survey.respond(ID, Optional.empty(), CS, null, null, metadata, List.of(score("nps", 9)), SUBMITTED);
    }

    private static void assertRefused(ThrowingCallable call, Tuple... expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValue.class, invalid -> {
            assertThat(invalid.violations()).extracting("field", "code").containsExactly(expected);
            assertThat(invalid.code()).isEqualTo(expected[0].toList().get(1));
        });
    }

    static Answer score(String question, int value) {
        return new Answer(new QuestionId(question), new AnswerValue.Score(value));
    }

    static Answer text(String question, String value) {
        return new Answer(new QuestionId(question), new AnswerValue.Text(value));
    }

    static Answer choice(String question, String option) {
        return new Answer(new QuestionId(question), new AnswerValue.Choice(option));
    }
}
