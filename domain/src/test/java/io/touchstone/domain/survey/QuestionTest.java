package io.touchstone.domain.survey;

import static io.touchstone.domain.survey.SurveyContentTest.assertViolations;
import static io.touchstone.domain.survey.SurveyFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.metric.CesOrientation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuestionTest {

    private static final QuestionId ID = new QuestionId("q");
    private static final LocalizedText TEXT = text("cs", "Otázka");

    @ParameterizedTest
    @CsvSource({"3, 3", "5, 4", "7, 6", "10, 8"})
    void csatAllowsThreeFiveSevenAndTenPointsWithTheirDefaultThreshold(int points, int satisfiedFrom) {
        Question.Csat csat = Question.Csat.withDefaultThreshold(ID, TEXT, points);

        assertThat(csat.points()).isEqualTo(points);
        assertThat(csat.satisfiedFrom()).isEqualTo(satisfiedFrom);
        assertThat(csat.type()).isEqualTo(QuestionType.CSAT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4, 6, 8, 11})
    void csatRefusesOtherScales(int points) {
        assertViolations(() -> Question.Csat.withDefaultThreshold(ID, TEXT, points),
                tuple("scale", "question.scale-unsupported"));
        assertViolations(() -> new Question.Csat(ID, TEXT, points, 1), tuple("scale", "question.scale-unsupported"));
    }

    @ParameterizedTest
    @CsvSource({"5, 0", "5, 6", "10, 11", "3, -1"})
    void csatRefusesAThresholdOutsideItsScale(int points, int satisfiedFrom) {
        assertViolations(() -> new Question.Csat(ID, TEXT, points, satisfiedFrom),
                tuple("satisfiedFrom", "question.threshold-out-of-range"));
    }

    @ParameterizedTest
    @CsvSource({"5, 1", "5, 5", "10, 10"})
    void csatTakesAThresholdWithinItsScale(int points, int satisfiedFrom) {
        assertThat(new Question.Csat(ID, TEXT, points, satisfiedFrom).satisfiedFrom()).isEqualTo(satisfiedFrom);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 7, 10})
    void cesAllowsFiveSevenAndTenPoints(int points) {
        Question.Ces ces = new Question.Ces(ID, TEXT, points, CesOrientation.HIGHER_IS_EASIER);

        assertThat(ces.points()).isEqualTo(points);
        assertThat(ces.type()).isEqualTo(QuestionType.CES);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4, 6, 11})
    void cesRefusesOtherScales(int points) {
        assertViolations(() -> new Question.Ces(ID, TEXT, points, CesOrientation.HIGHER_IS_HARDER),
                tuple("scale", "question.scale-unsupported"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, Question.FreeText.LIMIT + 1})
    void freeTextRefusesAMaximumLengthOutsideItsLimit(int maxLength) {
        assertViolations(() -> new Question.FreeText(ID, TEXT, maxLength),
                tuple("maxLength", "question.max-length-out-of-range"));
    }

    @Test
    void freeTextTakesAMaximumLengthUpToItsLimit() {
        assertThat(new Question.FreeText(ID, TEXT, 1).maxLength()).isEqualTo(1);
        assertThat(new Question.FreeText(ID, TEXT, Question.FreeText.LIMIT).maxLength()).isEqualTo(20_000);
    }

    @Test
    void singleChoiceNeedsTwoToAHundredDistinctOptions() {
        List<ChoiceOption> hundredAndOne = java.util.stream.IntStream.rangeClosed(0, 100)
                .mapToObj(i -> new ChoiceOption("o" + i, text("cs", "o" + i))).toList();

        assertThat(new Question.SingleChoice(ID, TEXT, hundredAndOne.subList(0, 100)).options()).hasSize(100);
        assertViolations(() -> new Question.SingleChoice(ID, TEXT, hundredAndOne),
                tuple("options", "question.options-count"));
        assertViolations(() -> new Question.SingleChoice(ID, TEXT, hundredAndOne.subList(0, 1)),
                tuple("options", "question.options-count"));
        assertViolations(() -> new Question.SingleChoice(ID, TEXT, List.of(new ChoiceOption("a", text("cs", "A")),
                        new ChoiceOption("b", text("cs", "B")), new ChoiceOption("a", text("cs", "A again")))),
                tuple("options[2].id", "option.id-duplicate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-nps", "nps 2", "ný", "a2345678901234567890123456789012345678901234567890123456789012345"})
    void questionAndOptionIdsAreOneToSixtyFourSafeCharacters(String id) {
        assertViolations(() -> new QuestionId(id), tuple("", "question.id-invalid"));
        assertViolations(() -> new ChoiceOption(id, TEXT), tuple("id", "option.id-invalid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nps", "csat-delivery", "Q1.b_2", "a234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsIdsOfTheAllowedForm(String id) {
        assertThat(new QuestionId(id).value()).isEqualTo(id);
        assertThat(new ChoiceOption(id, TEXT).id()).isEqualTo(id);
    }
}
