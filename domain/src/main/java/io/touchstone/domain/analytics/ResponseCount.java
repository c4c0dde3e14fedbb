package io.touchstone.domain.analytics;

import io.touchstone.domain.survey.SurveyId;
import java.util.Objects;

/**
 * What storage delivers for the response count: how many responses to one survey version fell in one period and one
 * group of the response-level dimensions.
 *
 * @param period index of the period among those asked for, from 0
 */
public record ResponseCount(int period, GroupKey group, SurveyId survey, int version, long count) {

    public ResponseCount {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(survey, "survey");
        if (period < 0 || version < 1 || count < 0) {
            throw new IllegalArgumentException("period " + period + ", version " + version + ", count " + count);
        }
    }
}
