package io.touchstone.application.port.out;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.analytics.ChurnCount;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.InteractionCount;
import io.touchstone.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Counts over a tenant's interactions and customer lifecycle events, for the abandonment and churn rates. Periods are
 * {@code [boundaries(i), boundaries(i + 1))} of calendar days in the tenant's time zone (at least two ascending
 * boundaries). Every call reads one consistent snapshot of the tenant's data and nothing of any other tenant's.
 */
public interface InteractionStatistics {

    /**
     * Interactions to count: in the periods of {@code boundaries} (an interaction counts on the local day it
     * occurred), grouped by at most two of journey, stage, touchpoint, channel (the touchpoint's), employee, team,
     * location and {@code attribute:<key>} (of the interaction), keeping those that pass every filter.
     */
    record Counting(List<LocalDate> boundaries, List<Dimension> groupBy, List<DimensionFilter> filters) {

        public Counting {
            boundaries = List.copyOf(boundaries);
            groupBy = List.copyOf(groupBy);
            filters = List.copyOf(filters);
            checkBoundaries(boundaries);
            if (groupBy.stream().anyMatch(dimension -> !ofInteractions(dimension))
                    || filters.stream().anyMatch(filter -> !ofInteractions(filter.dimension()))) {
                throw new IllegalArgumentException("interactions have no survey, question, scale or language");
            }
        }

        private static boolean ofInteractions(Dimension dimension) {
            return switch (dimension.kind()) {
                case JOURNEY, STAGE, TOUCHPOINT, CHANNEL, EMPLOYEE, TEAM, LOCATION, ATTRIBUTE -> true;
                case SURVEY, QUESTION, SCALE, LANGUAGE -> false;
            };
        }
    }

    /**
     * Per period and group: how many interactions started (both outcomes) and how many of them were abandoned.
     * {@link InteractionCount#group()} holds the values of {@link Counting#groupBy()} in order, {@code null} where an
     * interaction has none. Groups without interactions are left out.
     */
    Uni<List<InteractionCount>> abandonment(TenantId tenant, Counting counting);

    /**
     * Per period and segment: the customers active at the period's start and those of them lost during it, exactly as
     * {@link io.touchstone.domain.metric.Churn#countBySegment} counts them from the tenant's lifecycle events, a period
     * starting at the first instant of its first day in the tenant's time zone. The segment is the value of the
     * lifecycle events' attribute {@code segmentKey}; without one every customer is in the "no value" segment.
     * Segments without active customers are left out.
     */
    Uni<List<ChurnCount>> churn(TenantId tenant, List<LocalDate> boundaries, Optional<String> segmentKey);

    static void checkBoundaries(List<LocalDate> boundaries) {
        if (boundaries.size() < 2) {
            throw new IllegalArgumentException("at least one period: two boundaries");
        }
        for (int i = 1; i < boundaries.size(); i++) {
            if (!boundaries.get(i - 1).isBefore(boundaries.get(i))) {
                throw new IllegalArgumentException("boundaries must ascend: " + boundaries);
            }
        }
    }
}
