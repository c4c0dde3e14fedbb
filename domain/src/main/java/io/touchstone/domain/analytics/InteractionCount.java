package io.touchstone.domain.analytics;

import java.util.Objects;

/**
 * What storage delivers for the abandonment rate: how many interactions started (both outcomes) and how many of them
 * were abandoned, in one period and one group of the interaction-level dimensions.
 *
 * @param period index of the period among those asked for, from 0
 * @param group the values of the group-by dimensions in query order, {@code null} where an interaction has none
 */
public record InteractionCount(int period, GroupKey group, long started, long abandoned) {

    public InteractionCount {
        Objects.requireNonNull(group, "group");
        if (period < 0 || abandoned < 0 || abandoned > started) {
            throw new IllegalArgumentException("period " + period + ", started " + started + ", abandoned "
                    + abandoned);
        }
    }
}
