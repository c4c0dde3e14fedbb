package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.QueryMetricsUseCase.ComparisonInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.MetricsQueryCommand;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A metrics query, field for field the use case's command. Absent fields are "not given" (lists: none). */
@Schema(name = "MetricsQuery")
public record MetricsQueryRequest(
        @Schema(description = "At least one, each once",
                enumeration = {"NPS", "CSAT_PERCENT", "CSAT_MEAN", "CES_MEAN", "CES_NET", "RESPONSE_COUNT",
                        "ABANDONMENT_RATE", "CHURN_RATE"},
                examples = "[\"NPS\",\"CSAT_PERCENT\"]") List<String> metrics,
        @Schema(description = "The survey whose questions count; absent: every survey of the tenant")
        String surveyId,
        @Schema(description = "One question of the survey (needs surveyId); absent: every question of each "
                + "metric's type", examples = "nps") String questionId,
        @Schema(description = "First day (included), in the tenant's time zone", format = "date",
                examples = "2026-01-05") String from,
        @Schema(description = "Day after the last (excluded), in the tenant's time zone; at most 5 years after from",
                format = "date", examples = "2026-07-06") String to,
        @Schema(description = "Cut the range into days, ISO weeks (from Monday), months or quarters; from and to must "
                + "then be bucket starts and the range hold at most 1000 buckets. Absent: one period, the range",
                enumeration = {"DAY", "WEEK", "MONTH", "QUARTER"}) String bucket,
        @Schema(description = "At most two dimensions: survey, question, scale, language, channel, "
                + "attribute:<metadata key>", examples = "[\"channel\",\"attribute:store\"]") List<String> groupBy,
        @Schema(description = "At most 20; all must pass") List<DimensionFilterJson> filters,
        @Schema(description = "At most 10; all must pass") List<ScoreRangeJson> scoreRanges,
        @Schema(description = "Compare every figure with a baseline") ComparisonJson comparison,
        @Schema(description = "Whether figures carry their full score histogram (default false)")
        Boolean distribution) {

    /** What every figure is compared with. */
    @Schema(name = "MetricsComparison")
    public record ComparisonJson(
            @Schema(description = "PREVIOUS_PERIOD: with buckets each bucket against the one before it, without the "
                    + "range against as many days before it (no dates); FIXED: against from..to",
                    enumeration = {"PREVIOUS_PERIOD", "FIXED"}) String baseline,
            @Schema(description = "FIXED only: first day (included)", format = "date") String from,
            @Schema(description = "FIXED only: day after the last (excluded)", format = "date") String to) {
    }

    MetricsQueryCommand toCommand() {
        return new MetricsQueryCommand(metrics, surveyId, questionId, from, to, bucket, groupBy,
                DimensionFilterJson.inputs(filters), ScoreRangeJson.inputs(scoreRanges),
                comparison == null ? null : new ComparisonInput(comparison.baseline, comparison.from, comparison.to),
                Boolean.TRUE.equals(distribution));
    }
}
