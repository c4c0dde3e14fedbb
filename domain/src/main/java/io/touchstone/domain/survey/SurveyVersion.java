package io.touchstone.domain.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One numbered version of a survey. A published version never changes again. */
public record SurveyVersion(int number, SurveyContent content, SurveyStatus status, Instant createdAt,
        Optional<Instant> publishedAt) {

    public SurveyVersion {
        if (number < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if ((status == SurveyStatus.PUBLISHED) != publishedAt.isPresent()) {
            throw new IllegalArgumentException("a version has a publication time exactly when it is published");
        }
    }

    static SurveyVersion draft(int number, SurveyContent content, Instant now) {
        return new SurveyVersion(number, content, SurveyStatus.DRAFT, now, Optional.empty());
    }

    SurveyVersion published(Instant now) {
        return new SurveyVersion(number, content, SurveyStatus.PUBLISHED, createdAt, Optional.of(now));
    }

    public boolean isPublished() {
        return status == SurveyStatus.PUBLISHED;
    }
}
