package io.touchstone.domain.analytics;

import java.util.List;
import java.util.Objects;

/** The figures of one period (a bucket, or the whole range) and one group, one per metric in query order. */
public record ReportRow(DateRange period, GroupKey group, List<Figure> figures) {

    public ReportRow {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(group, "group");
        figures = List.copyOf(figures);
    }
}
