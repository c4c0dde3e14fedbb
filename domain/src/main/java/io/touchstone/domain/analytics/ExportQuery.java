package io.touchstone.domain.analytics;

import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.survey.SurveyId;
import java.util.List;
import java.util.Objects;

/**
 * Which responses of one survey an export streams: those submitted on the days {@code range} (tenant's time zone)
 * that pass every filter (language, channel, attributes) and every score range, in submission order.
 */
public record ExportQuery(SurveyId survey, DateRange range, List<DimensionFilter> filters,
        List<ScoreRange> scoreRanges) {

    public ExportQuery {
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(range, "range");
        filters = List.copyOf(filters);
        scoreRanges = List.copyOf(scoreRanges);
        Violations violations = new Violations();
        if (filters.size() > MetricsQuery.MAX_FILTERS) {
            violations.add("filters", "query.too-many-filters", "at most " + MetricsQuery.MAX_FILTERS + " filters");
        }
        for (int i = 0; i < filters.size(); i++) {
            Dimension dimension = filters.get(i).dimension();
            if (dimension.ofQuestion()) {
                violations.add("filters[" + i + "].dimension", "query.dimension-not-applicable",
                        "an export is of one survey's responses; filter by language, channel or attribute:<key>");
            }
        }
        if (scoreRanges.size() > MetricsQuery.MAX_SCORE_RANGES) {
            violations.add("scoreRanges", "query.too-many-score-ranges",
                    "at most " + MetricsQuery.MAX_SCORE_RANGES + " score ranges");
        }
        violations.throwIfAny();
    }
}
