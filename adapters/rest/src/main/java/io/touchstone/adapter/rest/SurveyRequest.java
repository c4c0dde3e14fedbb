package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.SurveyDefinition;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A survey definition: the languages are those of the title; every text needs the default language. */
public record SurveyRequest(
        @Schema(description = "BCP 47 language tag", examples = "cs") String defaultLanguage,
        @Schema(description = "Title per language tag; its languages are the survey's languages",
                examples = "{\"cs\":\"Spokojenost\",\"fa\":\"رضایت\",\"en\":\"Satisfaction\"}")
        Map<String, String> title,
        List<QuestionJson> questions) {

    SurveyDefinition toDefinition() {
        return new SurveyDefinition(defaultLanguage, title, questions == null ? null
                : questions.stream().map(q -> q == null ? null : q.toDefinition()).toList());
    }
}
