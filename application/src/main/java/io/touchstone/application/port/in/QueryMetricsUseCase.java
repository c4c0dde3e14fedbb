package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.analytics.MetricsReport;
import java.util.List;

/**
 * Trends, breakdowns and comparisons of the CX metrics ({@code metrics:read}). The query arrives as the request
 * stated it; every field is checked, and every problem reported with its field.
 */
public interface QueryMetricsUseCase {

    /**
     * A metrics query as both APIs carry it. Names are those of {@code domain.analytics}: metrics ({@code NPS},
     * {@code CSAT_PERCENT}, ...), the bucket ({@code DAY}, {@code WEEK}, {@code MONTH}, {@code QUARTER}), dimensions
     * ({@code channel}, {@code attribute:store}, ...). Dates are ISO days ({@code 2026-01-05}) in the tenant's time
     * zone, {@code from} included, {@code to} not. Null means "not given" (lists: none).
     */
    record MetricsQueryCommand(List<String> metrics, String surveyId, String questionId, String from, String to,
            String bucket, List<String> groupBy, List<FilterInput> filters, List<ScoreRangeInput> scoreRanges,
            ComparisonInput comparison, boolean distribution) {
    }

    /** A filter: {@code dimension}, {@code operator} ({@code EQUALS}, {@code IN}, {@code NOT_IN}) and values. */
    record FilterInput(String dimension, String operator, List<String> values) {
    }

    /** Responses whose answer to {@code questionId} lies within {@code min..max}. */
    record ScoreRangeInput(String questionId, Integer min, Integer max) {
    }

    /**
     * The baseline: {@code PREVIOUS_PERIOD} (no dates) or {@code FIXED} with its own {@code from} and {@code to}.
     */
    record ComparisonInput(String baseline, String from, String to) {
    }

    Uni<MetricsReport> query(Caller caller, MetricsQueryCommand command);
}
