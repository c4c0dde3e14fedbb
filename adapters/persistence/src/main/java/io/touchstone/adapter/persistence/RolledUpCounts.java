package io.touchstone.adapter.persistence;

import io.touchstone.application.port.out.ResponseStatistics.Counting;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.GroupKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Turns what the roll-up path read — per cell (period, survey, version[, question, score]) a total and a count per
 * value of the counting's one dimension — into the groups the port delivers. A response without a value of the
 * dimension is counted in the total only, so the "no value" group is the total minus the sum over the values. The
 * dimension's filters are applied here, to the values and to "no value".
 *
 * @param <C> the cell: everything a delivered row has besides its group and count
 */
final class RolledUpCounts<C> {

    private static final class Tally {
        long total;
        final Map<String, Long> byValue = new HashMap<>();
    }

    private final Optional<Dimension> dimension;
    private final boolean grouped;
    private final List<DimensionFilter> filters;
    private final Map<C, Tally> cells = new LinkedHashMap<>();

    RolledUpCounts(Counting counting) {
        this.dimension = StatisticsSql.rollupDimension(counting);
        this.grouped = !counting.groupBy().isEmpty();
        this.filters = counting.filters();
        if (!StatisticsSql.viaRollup(counting)) {
            throw new IllegalArgumentException("not a counting of the roll-up path: " + counting);
        }
    }

    /** Adds a row read: {@code dimension} is {@code ""} for the total, else the counting's dimension. */
    void add(C cell, String dimension, String value, long count) {
        Tally tally = cells.computeIfAbsent(cell, ignored -> new Tally());
        if (StatisticsSql.TOTAL.equals(dimension)) {
            tally.total += count;
        } else if (this.dimension.isPresent() && this.dimension.get().name().equals(dimension)) {
            tally.byValue.merge(value, count, Long::sum);
        } else {
            throw new IllegalStateException("a roll-up row of dimension '" + dimension + "' was not asked for");
        }
    }

    /** Every cell's groups with a count above 0. */
    void forEachGroup(Grouped<C> each) {
        cells.forEach((cell, tally) -> {
            if (dimension.isEmpty()) {
                emit(each, cell, GroupKey.NONE, tally.total);
                return;
            }
            long withValue = tally.byValue.values().stream().mapToLong(Long::longValue).sum();
            long withoutValue = tally.total - withValue;
            if (withoutValue < 0) {
                throw new IllegalStateException("the roll-up of " + cell + " counts " + withValue + " with a value of "
                        + dimension.get() + " but only " + tally.total + " in all");
            }
            BiConsumer<String, Long> admit = (value, count) -> {
                if (admits(value)) {
                    emit(each, cell, grouped ? GroupKey.of(value) : GroupKey.NONE, count);
                }
            };
            if (grouped) {
                tally.byValue.forEach(admit);
                admit.accept(null, withoutValue);
            } else {
                long admitted = admits(null) ? withoutValue : 0;
                for (Map.Entry<String, Long> entry : tally.byValue.entrySet()) {
                    admitted += admits(entry.getKey()) ? entry.getValue() : 0;
                }
                emit(each, cell, GroupKey.NONE, admitted);
            }
        });
    }

    private boolean admits(String value) {
        return filters.stream().allMatch(filter -> filter.admits(value));
    }

    private static <C> void emit(Grouped<C> each, C cell, GroupKey group, long count) {
        if (count > 0) {
            each.accept(cell, group, count);
        }
    }

    @FunctionalInterface
    interface Grouped<C> {
        void accept(C cell, GroupKey group, long count);
    }
}
