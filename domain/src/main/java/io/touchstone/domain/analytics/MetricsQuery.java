package io.touchstone.domain.analytics;

import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A question to the metrics engine: which metrics, over which questions (one question of a survey, every question of
 * the metric's type in one survey, or in all the tenant's surveys), in which days of the tenant's calendar, cut into
 * which buckets, grouped and filtered by which dimensions, compared with which baseline. Checked as a whole: every
 * problem is reported with its field.
 *
 * @param survey the survey whose questions count; empty: every survey of the tenant
 * @param question one question of {@code survey}; empty: every question of each metric's type
 * @param bucket cut the range into days, ISO weeks, months or quarters; empty: one period, the whole range
 * @param scoreRanges keep only responses that answered these questions within these scores
 * @param distribution whether figures carry their score histogram
 */
public record MetricsQuery(List<Metric> metrics, Optional<SurveyId> survey, Optional<QuestionId> question,
        DateRange range, Optional<BucketUnit> bucket, List<Dimension> groupBy, List<DimensionFilter> filters,
        List<ScoreRange> scoreRanges, Optional<Baseline> baseline, boolean distribution) {

    public static final int MAX_RANGE_YEARS = 5;
    public static final int MAX_BUCKETS = 1_000;
    public static final int MAX_GROUP_BY = 2;
    public static final int MAX_FILTERS = 20;
    public static final int MAX_SCORE_RANGES = 10;

    public MetricsQuery {
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(baseline, "baseline");
        metrics = List.copyOf(metrics);
        groupBy = List.copyOf(groupBy);
        filters = List.copyOf(filters);
        scoreRanges = List.copyOf(scoreRanges);
        Violations violations = new Violations();
        checkMetrics(violations, metrics);
        if (question.isPresent() && survey.isEmpty()) {
            violations.add("questionId", "query.question-requires-survey",
                    "a question is named within a survey: give surveyId too");
        }
        checkRange(violations, "", range);
        bucket.ifPresent(unit -> checkBuckets(violations, range, unit));
        checkGroupBy(violations, metrics, groupBy);
        if (filters.size() > MAX_FILTERS) {
            violations.add("filters", "query.too-many-filters", "at most " + MAX_FILTERS + " filters");
        }
        for (int i = 0; i < filters.size(); i++) {
            checkApplicable(violations, "filters[" + i + "].dimension", metrics, filters.get(i).dimension());
        }
        checkChurnSegment(violations, metrics, groupBy, filters);
        checkScoreRanges(violations, metrics, scoreRanges);
        if (scoreRanges.size() > MAX_SCORE_RANGES) {
            violations.add("scoreRanges", "query.too-many-score-ranges",
                    "at most " + MAX_SCORE_RANGES + " score ranges");
        }
        if (baseline.orElse(null) instanceof Baseline.Fixed fixed) {
            checkRange(violations, "comparison.", fixed.range());
        }
        violations.throwIfAny();
    }

    private static void checkMetrics(Violations violations, List<Metric> metrics) {
        if (metrics.isEmpty()) {
            violations.add("metrics", "query.metrics-required", "name at least one metric");
        }
        Set<Metric> seen = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            if (!seen.add(metrics.get(i))) {
                violations.add("metrics[" + i + "]", "query.metric-duplicate",
                        metrics.get(i) + " is asked for twice");
            }
        }
    }

    private static void checkRange(Violations violations, String prefix, DateRange range) {
        if (range.from().plusYears(MAX_RANGE_YEARS).isBefore(range.to())) {
            violations.add(prefix + "to", "query.range-too-long",
                    "a time range spans at most " + MAX_RANGE_YEARS + " years");
        }
    }

    private static void checkBuckets(Violations violations, DateRange range, BucketUnit unit) {
        boolean aligned = true;
        if (!unit.isStart(range.from())) {
            violations.add("from", "query.range-not-aligned", "with " + unit + " buckets the range starts on the "
                    + "first day of a bucket, e.g. " + unit.start(range.from()));
            aligned = false;
        }
        if (!unit.isStart(range.to())) {
            violations.add("to", "query.range-not-aligned", "with " + unit + " buckets the range ends before the "
                    + "first day of a bucket, e.g. " + unit.next(unit.start(range.to())));
            aligned = false;
        }
        if (aligned && !range.from().plusYears(MAX_RANGE_YEARS).isBefore(range.to())) {
            long buckets = 0;
            for (LocalDate start = range.from(); start.isBefore(range.to()); start = unit.next(start)) {
                buckets++;
            }
            if (buckets > MAX_BUCKETS) {
                violations.add("bucket", "query.too-many-buckets", "the range holds " + buckets + " " + unit
                        + " buckets; at most " + MAX_BUCKETS);
            }
        }
    }

    private static void checkGroupBy(Violations violations, List<Metric> metrics, List<Dimension> groupBy) {
        if (groupBy.size() > MAX_GROUP_BY) {
            violations.add("groupBy", "query.too-many-group-bys", "group by at most " + MAX_GROUP_BY + " dimensions");
        }
        Set<Dimension> seen = new HashSet<>();
        for (int i = 0; i < groupBy.size(); i++) {
            if (!seen.add(groupBy.get(i))) {
                violations.add("groupBy[" + i + "]", "query.dimension-duplicate",
                        "'" + groupBy.get(i) + "' is grouped by twice");
            }
            checkApplicable(violations, "groupBy[" + i + "]", metrics, groupBy.get(i));
        }
    }

    /**
     * Every dimension grouped by or filtered on must apply to every metric of the query ({@link Metric#appliesTo}):
     * questions and scales are no property of a response, interactions have no survey or language, lifecycle events
     * only their attributes.
     */
    private static void checkApplicable(Violations violations, String field, List<Metric> metrics,
            Dimension dimension) {
        for (Metric metric : metrics) {
            if (!metric.appliesTo(dimension)) {
                violations.add(field, "query.dimension-not-applicable", metric + " cannot be cut by '" + dimension
                        + "', only by " + metric.applicableDimensions() + ": ask for it in a query of its own");
                return;
            }
        }
    }

    /** Churn is counted per segment: one attribute of the lifecycle events, grouped by or filtered on. */
    private static void checkChurnSegment(Violations violations, List<Metric> metrics, List<Dimension> groupBy,
            List<DimensionFilter> filters) {
        if (!metrics.contains(Metric.CHURN_RATE)) {
            return;
        }
        Set<Dimension> segments = new HashSet<>();
        for (int i = 0; i < groupBy.size(); i++) {
            if (segments.add(groupBy.get(i)) && segments.size() > 1) {
                violations.add("groupBy[" + i + "]", "query.dimension-not-applicable",
                        "CHURN_RATE is counted per one segment attribute; '" + groupBy.get(i) + "' is a second");
            }
        }
        for (int i = 0; i < filters.size(); i++) {
            if (segments.add(filters.get(i).dimension()) && segments.size() > 1) {
                violations.add("filters[" + i + "].dimension", "query.dimension-not-applicable",
                        "CHURN_RATE is counted per one segment attribute; '" + filters.get(i).dimension()
                                + "' is a second");
            }
        }
    }

    /** Score ranges keep responses: they do not apply to interactions or lifecycle events. */
    private static void checkScoreRanges(Violations violations, List<Metric> metrics, List<ScoreRange> ranges) {
        Optional<Metric> other = metrics.stream().filter(metric -> !metric.ofResponses()).findFirst();
        if (other.isPresent()) {
            for (int i = 0; i < ranges.size(); i++) {
                violations.add("scoreRanges[" + i + "]", "query.score-range-not-applicable", other.get()
                        + " is not computed over responses, which score ranges select: ask for it in a query of its own");
            }
        }
    }

    /** The periods reported: each bucket in order, or the whole range. */
    public List<DateRange> periods() {
        if (bucket.isEmpty()) {
            return List.of(range);
        }
        BucketUnit unit = bucket.get();
        List<DateRange> periods = new ArrayList<>();
        for (LocalDate start = range.from(); start.isBefore(range.to()); start = unit.next(start)) {
            periods.add(new DateRange(start, unit.next(start)));
        }
        return periods;
    }

    /** The period {@link Baseline.PreviousPeriod} compares the first reported period with. */
    public DateRange periodBeforeFirst() {
        return bucket.map(unit -> new DateRange(unit.previous(range.from()), range.from()))
                .orElseGet(range::previous);
    }

    /** Whether figures are compared with anything. */
    public boolean compares() {
        return baseline.isPresent();
    }

    /** The dimensions taken from the response (language, channel, attributes), in query order. */
    public List<Dimension> responseGroupBy() {
        return groupBy.stream().filter(dimension -> !dimension.ofQuestion()).toList();
    }

    /** Whether any metric of the query is computed over answers or responses. */
    public boolean ofResponses() {
        return metrics.stream().anyMatch(Metric::ofResponses);
    }

    /**
     * The segment attribute of a churn query: the key of the one attribute dimension grouped by or filtered on
     * (checked to be at most one), if any.
     */
    public Optional<String> churnSegment() {
        return java.util.stream.Stream.concat(groupBy.stream(), filters.stream().map(DimensionFilter::dimension))
                .filter(dimension -> dimension.kind() == Dimension.Kind.ATTRIBUTE)
                .map(Dimension::attributeKey)
                .findFirst();
    }

    /** The filters on dimensions of the response. */
    public List<DimensionFilter> responseFilters() {
        return filters.stream().filter(filter -> !filter.dimension().ofQuestion()).toList();
    }
}
