package io.touchstone.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyVersion;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A survey with one of its versions: {@code latest} (the newest version, draft or published) normally, or
 * {@code version} instead when a particular version was asked for with {@code ?version=n}. Exactly one of the two
 * is present.
 */
public record SurveyView(
        UUID id,
        Instant createdAt,
        @Schema(description = "Number of the newest published version; null while the survey was never published")
        Integer latestPublishedVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The newest version; absent when ?version=n was asked for")
        SurveyVersionView latest,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The version asked for with ?version=n; absent otherwise")
        SurveyVersionView version) {

    static SurveyView latest(Survey survey) {
        return new SurveyView(survey.id().value(), Timestamps.of(survey.createdAt()), latestPublished(survey),
                SurveyVersionView.of(survey.latest()), null);
    }

    static SurveyView atVersion(Survey survey, int number) {
        return new SurveyView(survey.id().value(), Timestamps.of(survey.createdAt()), latestPublished(survey), null,
                SurveyVersionView.of(survey.version(number)));
    }

    private static Integer latestPublished(Survey survey) {
        return survey.latestPublished().map(SurveyVersion::number).orElse(null);
    }
}
