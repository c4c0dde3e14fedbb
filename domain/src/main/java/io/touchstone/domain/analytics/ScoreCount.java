package io.touchstone.domain.analytics;

import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import java.util.Objects;

/**
 * What storage delivers for the score metrics: how many answers to one question of one survey version had one score,
 * in one period and one group of the response-level dimensions.
 *
 * @param period index of the period among those asked for, from 0
 * @param group the values of the response-level group-by dimensions (language, channel, attributes) in query order
 */
public record ScoreCount(int period, GroupKey group, SurveyId survey, int version, QuestionId question, int score,
        long count) {

    public ScoreCount {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(question, "question");
        if (period < 0 || version < 1 || count < 0) {
            throw new IllegalArgumentException("period " + period + ", version " + version + ", count " + count);
        }
    }
}
