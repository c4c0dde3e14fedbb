package io.touchstone.domain.analytics;

import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.survey.QuestionId;
import java.util.Objects;

/**
 * Keeps the responses that answered {@code question} with a score within {@code [min, max]} (e.g. the NPS
 * detractors: {@code nps} 0..6). A response that did not answer the question, or not with a score, is left out.
 */
public record ScoreRange(QuestionId question, int min, int max) {

    public static final int LOWEST = 0;
    public static final int HIGHEST = 10;

    public ScoreRange {
        Objects.requireNonNull(question, "question");
        if (min < LOWEST || max > HIGHEST || min > max) {
            throw new InvalidValue("", "query.score-range-invalid",
                    "needs " + LOWEST + " <= min <= max <= " + HIGHEST + ", got " + min + ".." + max);
        }
    }

    public boolean contains(int score) {
        return min <= score && score <= max;
    }
}
