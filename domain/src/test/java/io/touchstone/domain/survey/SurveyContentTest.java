package io.touchstone.domain.survey;

import static io.touchstone.domain.survey.SurveyFixtures.CS;
import static io.touchstone.domain.survey.SurveyFixtures.EN;
import static io.touchstone.domain.survey.SurveyFixtures.FA;
import static io.touchstone.domain.survey.SurveyFixtures.content;
import static io.touchstone.domain.survey.SurveyFixtures.csat;
import static io.touchstone.domain.survey.SurveyFixtures.nps;
import static io.touchstone.domain.survey.SurveyFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SurveyContentTest {

    private static final LocalizedText TITLE = text("cs", "Spokojenost", "fa", "رضایت");

    @Test
    void offersTheLanguagesOfItsTitle() {
        SurveyContent content = content(nps("nps"), csat("csat", 5));

        assertThat(content.languages()).containsExactlyInAnyOrder(CS, FA);
        assertThat(content.defaultLanguage()).isEqualTo(CS);
        assertThat(content.question(new QuestionId("csat"))).containsInstanceOf(Question.Csat.class);
        assertThat(content.question(new QuestionId("ces"))).isEmpty();
    }

    @Test
    void refusesATitleWithoutTheDefaultLanguage() {
        assertViolations(() -> new SurveyContent(EN, TITLE, List.of(nps("nps"))),
                tuple("title.en", "text.default-language-missing"),
                tuple("questions[0].text.en", "text.default-language-missing"));
    }

    @Test
    void namesTheQuestionWhoseTextLacksTheDefaultLanguage() {
        Question persianOnly = new Question.Nps(new QuestionId("nps-fa"), text("fa", "چقدر احتمال دارد؟"));

        assertViolations(() -> new SurveyContent(CS, TITLE, List.of(nps("nps"), persianOnly)),
                tuple("questions[1].text.cs", "text.default-language-missing"));
    }

    @Test
    void namesTheOptionWhoseLabelLacksTheDefaultLanguage() {
        Question channel = new Question.SingleChoice(new QuestionId("channel"), text("cs", "Kanál"), List.of(
                new ChoiceOption("email", text("cs", "E-mail")),
                new ChoiceOption("phone", text("fa", "تلفن"))));

        assertViolations(() -> new SurveyContent(CS, TITLE, List.of(nps("nps"), channel)),
                tuple("questions[1].options[1].label.cs", "text.default-language-missing"));
    }

    @Test
    void refusesTextsInLanguagesTheTitleDoesNotOffer() {
        Question nps = new Question.Nps(new QuestionId("nps"), text("cs", "Doporučíte nás?", "en-GB", "Recommend?"));
        Question channel = new Question.SingleChoice(new QuestionId("channel"), text("cs", "Kanál"), List.of(
                new ChoiceOption("email", text("cs", "E-mail", "el", "Ηλεκτρονικό ταχυδρομείο")),
                new ChoiceOption("phone", text("cs", "Telefon"))));

        assertViolations(() -> new SurveyContent(CS, TITLE, List.of(nps, channel)),
                tuple("questions[0].text.en-GB", "text.language-not-offered"),
                tuple("questions[1].options[0].label.el", "text.language-not-offered"));
    }

    @Test
    void refusesDuplicateQuestionIds() {
        assertViolations(() -> content(nps("nps"), csat("csat", 5), csat("nps", 3)),
                tuple("questions[2].id", "question.id-duplicate"));
    }

    @Test
    void needsOneToTwoHundredQuestions() {
        List<Question> many = new ArrayList<>();
        IntStream.rangeClosed(1, SurveyContent.MAX_QUESTIONS).forEach(i -> many.add(nps("q" + i)));

        assertThat(new SurveyContent(CS, TITLE, many).questions()).hasSize(200);
        many.add(nps("q201"));
        assertViolations(() -> new SurveyContent(CS, TITLE, many), tuple("questions", "survey.questions-count"));
        assertViolations(() -> new SurveyContent(CS, TITLE, List.of()), tuple("questions", "survey.questions-count"));
    }

    @Test
    void reportsEveryProblemAtOnceInQuestionOrder() {
        Question persianOnly = new Question.Nps(new QuestionId("a"), text("fa", "؟"));
        Question english = new Question.Nps(new QuestionId("b"), text("cs", "?", "en", "?"));

        assertViolations(() -> new SurveyContent(CS, TITLE, List.of(persianOnly, english, nps("a"))),
                tuple("questions[0].text.cs", "text.default-language-missing"),
                tuple("questions[1].text.en", "text.language-not-offered"),
                tuple("questions[2].id", "question.id-duplicate"));
    }

    @Test
    void keepsItsOwnCopyOfTheQuestions() {
        List<Question> questions = new ArrayList<>(List.of(nps("nps")));
        SurveyContent content = new SurveyContent(CS, TITLE, questions);

        questions.add(csat("csat", 5));

        assertThat(content.questions()).hasSize(1);
        assertThatThrownBy(() -> content.questions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void checkOfferedRefusesOtherLanguagesUnderTheGivenField() {
        SurveyContent content = content(nps("nps"));

        content.checkOffered("language", FA);
        assertViolations(() -> content.checkOffered("language", EN), tuple("language", "response.language-not-offered"));
    }

    static void assertViolations(ThrowingCallable call, org.assertj.core.groups.Tuple... expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValue.class, invalid -> {
            assertThat(invalid.violations()).extracting("field", "code").containsExactly(expected);
            assertThat(invalid.code()).isEqualTo(expected[0].toList().get(1));
        });
    }
}
