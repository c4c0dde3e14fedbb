package io.touchstone.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.in.SurveyDefinition;
import io.touchstone.application.port.in.SurveyDefinition.OptionDefinition;
import io.touchstone.application.port.in.SurveyDefinition.QuestionDefinition;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.proto.v1.CesOrientation;
import io.touchstone.proto.v1.ChoiceOption;
import io.touchstone.proto.v1.LocalizedText;
import io.touchstone.proto.v1.Question;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.SurveyContent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyProtoMapperTest {

    private static LocalizedText text(String language, String text) {
        return LocalizedText.newBuilder().putTexts(language, text).build();
    }

    @Test
    void mapsTheContentAsStatedLeavingUnsetOptionalsNull() {
        SurveyContent content = SurveyContent.newBuilder()
                .setDefaultLanguage("cs")
                .setTitle(text("cs", "Spokojenost"))
                .addQuestions(Question.newBuilder().setId("nps").setType(QuestionType.QUESTION_TYPE_NPS)
                        .setText(text("cs", "Doporučíte nás?")))
                .addQuestions(Question.newBuilder().setId("ces").setType(QuestionType.QUESTION_TYPE_CES)
                        .setText(text("cs", "Jak jednoduché to bylo?")).setScale(7)
                        .setOrientation(CesOrientation.CES_ORIENTATION_HIGHER_IS_HARDER))
                .addQuestions(Question.newBuilder().setId("pick")
                        .setType(QuestionType.QUESTION_TYPE_SINGLE_CHOICE).setText(text("cs", "Vyberte"))
                        .addOptions(ChoiceOption.newBuilder().setId("a").setLabel(text("cs", "A"))))
                .addQuestions(Question.newBuilder().setId("odd").setTypeValue(42))
                .build();

        SurveyDefinition definition = SurveyProtoMapper.definition(content);

        assertThat(definition.defaultLanguage()).isEqualTo("cs");
        assertThat(definition.title()).containsExactly(Map.entry("cs", "Spokojenost"));
        assertThat(definition.questions()).containsExactly(
                new QuestionDefinition("nps", "NPS", Map.of("cs", "Doporučíte nás?"), null, null, null, null,
                        List.of()),
                new QuestionDefinition("ces", "CES", Map.of("cs", "Jak jednoduché to bylo?"), 7, null,
                        "HIGHER_IS_HARDER", null, List.of()),
                new QuestionDefinition("pick", "SINGLE_CHOICE", Map.of("cs", "Vyberte"), null, null, null, null,
                        List.of(new OptionDefinition("a", Map.of("cs", "A")))),
                new QuestionDefinition("odd", "42", Map.of(), null, null, null, null, List.of()));
    }

    @Test
    void anEmptyContentLeavesTheRequiredFieldsMissing() {
        SurveyDefinition definition = SurveyProtoMapper.definition(SurveyContent.getDefaultInstance());

        assertThat(definition.defaultLanguage()).isNull();
        assertThat(definition.title()).isEmpty();
        assertThat(definition.questions()).isEmpty();
    }

    @Test
    void violationsOfTheContentAreNamedUnderContent() {
        Throwable mapped = SurveyProtoMapper.contentFields(
                new InvalidValue("questions[0].text.cs", "text.default-language-missing", "no text"));

        assertThat(((InvalidValue) mapped).violations().getFirst().field())
                .isEqualTo("content.questions[0].text.cs");
    }
}
