package io.touchstone.domain.analytics;

import java.util.Objects;
import java.util.Optional;

/**
 * What storage delivers for the churn rate: of one period and one segment, the customers active at the period's start
 * and how many of them were lost during it, as {@link io.touchstone.domain.metric.Churn} defines them.
 *
 * @param period index of the period among those asked for, from 0
 * @param segment the value of the segment attribute on the event that made the customers active at the start; empty
 *        for those without one (and for every customer when no segment was asked for)
 */
public record ChurnCount(int period, Optional<String> segment, long activeAtStart, long lost) {

    public ChurnCount {
        Objects.requireNonNull(segment, "segment");
        if (period < 0 || lost < 0 || lost > activeAtStart) {
            throw new IllegalArgumentException("period " + period + ", active " + activeAtStart + ", lost " + lost);
        }
    }
}
