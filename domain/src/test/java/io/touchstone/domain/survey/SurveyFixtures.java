package io.touchstone.domain.survey;

import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Surveys for tests, worded with the sample questions of the product description (Czech default, Persian second). */
public final class SurveyFixtures {

    public static final LanguageTag CS = LanguageTag.of("cs");
    public static final LanguageTag FA = LanguageTag.of("fa");
    public static final LanguageTag EN = LanguageTag.of("en");

    public static final Instant T0 = Instant.parse("2026-03-02T08:30:00Z");
    public static final TenantId TENANT = new TenantId(UUID.fromString("0190a5e0-0000-7000-8000-00000000000a"));
    public static final SurveyId SURVEY = new SurveyId(UUID.fromString("0190a5e0-0000-7000-8000-0000000000b1"));

    public static final String NPS_CS = "Na stupnici od 0 do 10, jaká je pravděpodobnost, že naši společnost doporučíte?";
    public static final String CSAT_CS = "Jak hodnotíte vaši zkušenost s naší společností?";
    public static final String CES_CS = "Jak jednoduché bylo pro vás vyřízení žádosti?";
    public static final String CES_FA = "حل کردن مشکلتان با ما چقدر آسان بود؟";

    private SurveyFixtures() {
    }

    /** A text from pairs of language tag and wording, in the order given. */
    public static LocalizedText text(String... languageThenText) {
        if (languageThenText.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of language and text expected: " + Arrays.toString(languageThenText));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < languageThenText.length; i += 2) {
            texts.put(languageThenText[i], languageThenText[i + 1]);
        }
        return LocalizedText.of(texts);
    }

    public static Question.Nps nps(String id) {
        return new Question.Nps(new QuestionId(id), text("cs", NPS_CS, "fa", "چقدر احتمال دارد ما را توصیه کنید؟"));
    }

    public static Question.Csat csat(String id, int points) {
        return Question.Csat.withDefaultThreshold(new QuestionId(id), text("cs", CSAT_CS), points);
    }

    public static Question.Ces ces(String id, int points, CesOrientation orientation) {
        return new Question.Ces(new QuestionId(id), text("cs", CES_CS, "fa", CES_FA), points, orientation);
    }

    public static Question.FreeText freeText(String id, int maxLength) {
        return new Question.FreeText(new QuestionId(id), text("cs", "Co můžeme zlepšit?", "fa", "چه چیزی را بهتر کنیم؟"),
                maxLength);
    }

    public static Question.SingleChoice singleChoice(String id, String... optionIds) {
        return new Question.SingleChoice(new QuestionId(id), text("cs", "Jak jste nás kontaktovali?"),
                Arrays.stream(optionIds).map(option -> new ChoiceOption(option, text("cs", "možnost " + option)))
                        .toList());
    }

    /** Default language cs, offered in cs and fa. */
    public static SurveyContent content(Question... questions) {
        return new SurveyContent(CS, text("cs", "Spokojenost zákazníků", "fa", "رضایت مشتری"), List.of(questions));
    }

    /**
     * One question of every type: {@code nps}, {@code csat} (1..5), {@code ces} (1..7, higher is harder),
     * {@code channel} (email, phone, chat) and {@code comment} (at most 10 characters).
     */
    public static SurveyContent everyType() {
        return content(nps("nps"), csat("csat", 5), ces("ces", 7, CesOrientation.HIGHER_IS_HARDER),
                singleChoice("channel", "email", "phone", "chat"), freeText("comment", 10));
    }

    public static Survey draft(SurveyContent content) {
        return Survey.draft(SURVEY, TENANT, content, T0);
    }

    public static Survey published(SurveyContent content) {
        Survey survey = draft(content);
        survey.publish(T0.plusSeconds(60));
        return survey;
    }
}
