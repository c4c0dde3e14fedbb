package io.touchstone.application.service;

import io.touchstone.application.port.in.ExportResponsesUseCase.ExportCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ComparisonInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import io.touchstone.application.port.in.QueryMetricsUseCase.MetricsQueryCommand;
import io.touchstone.application.port.in.QueryMetricsUseCase.ScoreRangeInput;
import io.touchstone.domain.analytics.Baseline;
import io.touchstone.domain.analytics.BucketUnit;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.analytics.MetricsQuery;
import io.touchstone.domain.analytics.ScoreRange;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads metrics queries and export requests as both APIs deliver them into the domain's query types, naming every
 * invalid field at once. A survey id that is not a UUID names no survey: it is not found, as in a path.
 */
final class MetricsQueries {

    /** Days lie within these years (four digits, as in 2026-01-05). */
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    private MetricsQueries() {
    }

    static MetricsQuery metrics(MetricsQueryCommand command) {
        Violations violations = new Violations();
        List<Metric> metrics = each(violations, "metrics", command.metrics(), Metric::parse);
        Optional<QuestionId> question = Optional.ofNullable(command.questionId())
                .map(id -> violations.at("questionId", () -> new QuestionId(id)));
        DateRange range = range(violations, "", command.from(), command.to());
        Optional<BucketUnit> bucket = Optional.ofNullable(command.bucket())
                .map(name -> violations.at("bucket", () -> BucketUnit.parse(name)));
        List<Dimension> groupBy = each(violations, "groupBy", command.groupBy(), Dimension::parse);
        List<DimensionFilter> filters = filters(violations, command.filters());
        List<ScoreRange> scoreRanges = scoreRanges(violations, command.scoreRanges());
        Optional<Baseline> baseline = baseline(violations, command.comparison());
        violations.throwIfAny();
        Optional<SurveyId> survey = Optional.ofNullable(command.surveyId()).map(MetricsQueries::surveyId);
        return new MetricsQuery(metrics, survey, question, range, bucket, groupBy, filters, scoreRanges, baseline,
                command.distribution());
    }

    static ExportQuery export(ExportCommand command) {
        Violations violations = new Violations();
        if (command.surveyId() == null) {
            violations.add("surveyId", "value.required", "an export is of one survey: name it");
        }
        DateRange range = range(violations, "", command.from(), command.to());
        List<DimensionFilter> filters = filters(violations, command.filters());
        List<ScoreRange> scoreRanges = scoreRanges(violations, command.scoreRanges());
        violations.throwIfAny();
        return new ExportQuery(surveyId(command.surveyId()), range, filters, scoreRanges);
    }

    /** A period of days, {@code from} included, {@code to} not, of at most {@link MetricsQuery#MAX_RANGE_YEARS}. */
    static DateRange period(String from, String to) {
        Violations violations = new Violations();
        DateRange range = range(violations, "", from, to);
        if (range != null && range.from().plusYears(MetricsQuery.MAX_RANGE_YEARS).isBefore(range.to())) {
            violations.add("to", "query.range-too-long",
                    "a time range spans at most " + MetricsQuery.MAX_RANGE_YEARS + " years");
        }
        violations.throwIfAny();
        return range;
    }

    static SurveyId surveyId(String id) {
        try {
            return new SurveyId(UUID.fromString(id));
        } catch (IllegalArgumentException notUuid) {
            throw new NotFound("survey.not-found", "no survey with this id");
        }
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> List<T> each(Violations violations, String field, List<String> values, Parser<T> parser) {
        List<T> parsed = new ArrayList<>();
        List<String> given = Objects.requireNonNullElse(values, List.of());
        for (int i = 0; i < given.size(); i++) {
            String value = given.get(i);
            T item = violations.at(field + "[" + i + "]", () -> parser.parse(value));
            if (item != null) {
                parsed.add(item);
            }
        }
        return parsed;
    }

    private static DateRange range(Violations violations, String prefix, String from, String to) {
        LocalDate start = date(violations, prefix + "from", from);
        LocalDate end = date(violations, prefix + "to", to);
        if (start == null || end == null) {
            return null;
        }
        if (!start.isBefore(end)) {
            violations.add(prefix + "to", "query.range-empty", "to (excluded) must lie after from (included)");
            return null;
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(Violations violations, String field, String value) {
        if (value == null) {
            violations.add(field, "value.required", "must not be empty");
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            day = null;
        }
        // ISO also admits years such as +999999999: around those, periods and baselines cannot be computed
        if (day == null || day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            violations.add(field, "query.date-invalid", "must be a day such as 2026-01-05, in the years "
                    + FIRST_YEAR + " to " + LAST_YEAR);
            return null;
        }
        return day;
    }

    private static List<DimensionFilter> filters(Violations violations, List<FilterInput> inputs) {
        List<DimensionFilter> filters = new ArrayList<>();
        List<FilterInput> given = Objects.requireNonNullElse(inputs, List.of());
        for (int i = 0; i < given.size(); i++) {
            FilterInput input = given.get(i);
            String field = "filters[" + i + "]";
            if (input == null) {
                violations.add(field, "value.required", "must not be null");
                continue;
            }
            Dimension dimension = violations.at(field + ".dimension", () -> Dimension.parse(input.dimension()));
            DimensionFilter.Operator operator = violations.at(field + ".operator",
                    () -> DimensionFilter.operator(input.operator()));
            if (dimension != null && operator != null) {
                DimensionFilter filter = violations.at(field,
                        () -> new DimensionFilter(dimension, operator, input.values()));
                if (filter != null) {
                    filters.add(filter);
                }
            }
        }
        return filters;
    }

    private static List<ScoreRange> scoreRanges(Violations violations, List<ScoreRangeInput> inputs) {
        List<ScoreRange> ranges = new ArrayList<>();
        List<ScoreRangeInput> given = Objects.requireNonNullElse(inputs, List.of());
        for (int i = 0; i < given.size(); i++) {
            ScoreRangeInput input = given.get(i);
            String field = "scoreRanges[" + i + "]";
            if (input == null) {
                violations.add(field, "value.required", "must not be null");
                continue;
            }
            QuestionId question = violations.at(field + ".questionId", () -> new QuestionId(input.questionId()));
            if (input.min() == null) {
                violations.add(field + ".min", "value.required", "must not be empty");
            }
            if (input.max() == null) {
                violations.add(field + ".max", "value.required", "must not be empty");
            }
            if (question != null && input.min() != null && input.max() != null) {
                ScoreRange range = violations.at(field, () -> new ScoreRange(question, input.min(), input.max()));
                if (range != null) {
                    ranges.add(range);
                }
            }
        }
        return ranges;
    }

    private static Optional<Baseline> baseline(Violations violations, ComparisonInput input) {
        if (input == null) {
            return Optional.empty();
        }
        String kind = input.baseline();
        if ("PREVIOUS_PERIOD".equals(kind)) {
            if (input.from() != null || input.to() != null) {
                violations.add("comparison", "query.baseline-dates-unexpected",
                        "PREVIOUS_PERIOD takes no dates: it is the period just before");
            }
            return Optional.of(new Baseline.PreviousPeriod());
        }
        if ("FIXED".equals(kind)) {
            DateRange range = range(violations, "comparison.", input.from(), input.to());
            return Optional.ofNullable(range).map(Baseline.Fixed::new);
        }
        violations.add("comparison.baseline", "query.baseline-unknown",
                "'" + kind + "' is not a baseline; one of PREVIOUS_PERIOD, FIXED");
        return Optional.empty();
    }
}
