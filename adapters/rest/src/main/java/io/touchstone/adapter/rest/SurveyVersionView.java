package io.touchstone.adapter.rest;

import io.touchstone.domain.survey.SurveyContent;
import io.touchstone.domain.survey.SurveyVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One numbered version of a survey; a published version never changes. */
public record SurveyVersionView(
        int version,
        @Schema(enumeration = {"DRAFT", "PUBLISHED"}) String status,
        Instant createdAt,
        Instant publishedAt,
        String defaultLanguage,
        Map<String, String> title,
        List<QuestionJson> questions) {

    static SurveyVersionView of(SurveyVersion version) {
        SurveyContent content = version.content();
        return new SurveyVersionView(version.number(), version.status().name(), Timestamps.of(version.createdAt()),
                Timestamps.of(version.publishedAt().orElse(null)), content.defaultLanguage().value(), Texts.of(content.title()),
                content.questions().stream().map(QuestionJson::of).toList());
    }
}
