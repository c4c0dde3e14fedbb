package io.touchstone.domain.analytics;

import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.QuestionType;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A checked {@link MetricsQuery} applied to the surveys it covers: which questions of which survey versions each
 * metric is computed over, which the storage is asked about, and over which periods. Refuses a metric that the named
 * question cannot feed and figures that would mix scales.
 */
public final class MetricsPlan {

    /** A question of a survey, in any of its versions: what the storage is asked to count. */
    public record SurveyQuestion(SurveyId survey, QuestionId question) {
    }

    /** A question of one survey version: what a counted answer belongs to. */
    record VersionQuestion(SurveyId survey, int version, QuestionId question) {
    }

    private final MetricsQuery query;
    private final Map<VersionQuestion, Question> questions;
    private final Map<Metric, Set<VersionQuestion>> selected;
    private final List<SurveyId> responseSurveys;

    private MetricsPlan(MetricsQuery query, Map<VersionQuestion, Question> questions,
            Map<Metric, Set<VersionQuestion>> selected, List<SurveyId> responseSurveys) {
        this.query = query;
        this.questions = questions;
        this.selected = selected;
        this.responseSurveys = responseSurveys;
    }

    /**
     * The plan of {@code query} over {@code surveys}: the survey it names, or every survey of the tenant. Only published
     * versions are considered (no other can have responses).
     */
    public static MetricsPlan of(MetricsQuery query, List<Survey> surveys) {
        Objects.requireNonNull(query, "query");
        List<Survey> inScope = surveys.stream()
                .filter(survey -> query.survey().map(survey.id()::equals).orElse(true))
                .filter(survey -> admitted(query, Dimension.SURVEY, survey.id().toString()))
                .sorted(Comparator.comparing(survey -> survey.id().value()))
                .toList();
        Violations violations = new Violations();
        query.question().ifPresent(question -> checkQuestion(violations, query, inScope, question));
        violations.throwIfAny();

        Map<VersionQuestion, Question> questions = new HashMap<>();
        Map<Metric, Set<VersionQuestion>> selected = new EnumMap<>(Metric.class);
        for (Metric metric : query.metrics()) {
            Optional<QuestionType> type = metric.questionType();
            if (type.isEmpty()) {
                continue;
            }
            Set<VersionQuestion> chosen = new LinkedHashSet<>();
            for (Survey survey : inScope) {
                for (SurveyVersion version : survey.versions()) {
                    if (!version.isPublished()) {
                        continue;
                    }
                    for (Question question : version.content().questions()) {
                        if (question.type() == type.get()
                                && query.question().map(question.id()::equals).orElse(true)
                                && admitted(query, Dimension.QUESTION, question.id().value())
                                && admitted(query, Dimension.SCALE, scaleName(question))) {
                            VersionQuestion key = new VersionQuestion(survey.id(), version.number(), question.id());
                            chosen.add(key);
                            questions.put(key, question);
                        }
                    }
                }
            }
            selected.put(metric, chosen);
        }
        checkScales(violations, query, questions, selected);
        violations.throwIfAny();
        List<SurveyId> responseSurveys = query.metrics().contains(Metric.RESPONSE_COUNT)
                ? inScope.stream().map(Survey::id).toList()
                : List.of();
        return new MetricsPlan(query, Map.copyOf(questions), selected, responseSurveys);
    }

    /**
     * The scale of a question as the {@code scale} dimension names it: {@code 0-10} for NPS, {@code 1-<points>} for
     * CSAT and CES; empty for questions without a score.
     */
    public static Optional<String> scale(Question question) {
        return switch (question) {
            case Question.Nps ignored -> Optional.of(Question.Nps.MIN + "-" + Question.Nps.MAX);
            case Question.Csat csat -> Optional.of("1-" + csat.points());
            case Question.Ces ces -> Optional.of("1-" + ces.points());
            case Question.FreeText ignored -> Optional.empty();
            case Question.SingleChoice ignored -> Optional.empty();
        };
    }

    private static String scaleName(Question question) {
        return scale(question).orElse(null);
    }

    private static boolean admitted(MetricsQuery query, Dimension dimension, String value) {
        return query.filters().stream()
                .filter(filter -> filter.dimension().equals(dimension))
                .allMatch(filter -> filter.admits(value));
    }

    private static void checkQuestion(Violations violations, MetricsQuery query, List<Survey> inScope,
            QuestionId question) {
        Set<QuestionType> types = new TreeSet<>();
        for (Survey survey : inScope) {
            for (SurveyVersion version : survey.versions()) {
                if (version.isPublished()) {
                    version.content().question(question).ifPresent(found -> types.add(found.type()));
                }
            }
        }
        if (types.isEmpty()) {
            violations.add("questionId", "query.question-unknown", "no published version of the survey has a question '"
                    + question + "'");
            return;
        }
        for (int i = 0; i < query.metrics().size(); i++) {
            Metric metric = query.metrics().get(i);
            if (metric.questionType().isPresent() && !types.contains(metric.questionType().get())) {
                violations.add("metrics[" + i + "]", "query.metric-question-mismatch", "question '" + question
                        + "' is " + types + "; " + metric + " is computed over " + metric.questionType().get()
                        + " questions");
            }
        }
    }

    /** Within every figure, the answers of CSAT and CES questions must share one scale (and CSAT one threshold). */
    private static void checkScales(Violations violations, MetricsQuery query,
            Map<VersionQuestion, Question> questions, Map<Metric, Set<VersionQuestion>> selected) {
        List<Dimension> questionGroupBy = query.groupBy().stream().filter(Dimension::ofQuestion).toList();
        for (int i = 0; i < query.metrics().size(); i++) {
            Metric metric = query.metrics().get(i);
            if (metric.questionType().orElse(QuestionType.NPS) == QuestionType.NPS) {
                continue;
            }
            Map<GroupKey, Set<String>> scalesPerGroup = new TreeMap<>();
            for (VersionQuestion key : selected.get(metric)) {
                Question question = questions.get(key);
                List<String> values = new ArrayList<>();
                for (Dimension dimension : questionGroupBy) {
                    values.add(questionValue(dimension, key, question));
                }
                scalesPerGroup.computeIfAbsent(new GroupKey(values), group -> new TreeSet<>())
                        .add(scaleIdentity(question));
            }
            for (Set<String> scales : scalesPerGroup.values()) {
                if (scales.size() > 1) {
                    violations.add("metrics[" + i + "]", "query.scales-mixed", metric + " would mix the "
                            + metric.questionType().get() + " scales " + String.join(", ", scales)
                            + " in one figure: group by scale or question, or filter one scale (scale EQUALS 1-5)");
                    break;
                }
            }
        }
    }

    /** CES answers are normalised and may be added up over one scale; CSAT answers also need one threshold. */
    private static String scaleIdentity(Question question) {
        return switch (question) {
            case Question.Csat csat -> "1-" + csat.points() + " (satisfied from " + csat.satisfiedFrom() + ")";
            default -> scaleName(question);
        };
    }

    static String questionValue(Dimension dimension, VersionQuestion key, Question question) {
        return switch (dimension.kind()) {
            case SURVEY -> key.survey().toString();
            case QUESTION -> key.question().value();
            case SCALE -> scaleName(question);
            case LANGUAGE, CHANNEL, JOURNEY, STAGE, TOUCHPOINT, EMPLOYEE, TEAM, LOCATION, ATTRIBUTE -> throw new IllegalArgumentException(
                    dimension + " is a dimension of the response");
        };
    }

    public MetricsQuery query() {
        return query;
    }

    /** The questions whose answers storage is asked to count, in a stable order. */
    public List<SurveyQuestion> scoreQuestions() {
        Set<SurveyQuestion> asked = new TreeSet<>(Comparator
                .comparing((SurveyQuestion question) -> question.survey().value())
                .thenComparing(question -> question.question().value()));
        selected.values().forEach(keys -> keys.forEach(key -> asked.add(
                new SurveyQuestion(key.survey(), key.question()))));
        return List.copyOf(asked);
    }

    /**
     * The questions {@code metric} is computed over, one per survey version asking it; within one figure they share
     * one scale (and CSAT one threshold) unless the query groups by question or scale. Empty for metrics not over
     * answers or not asked for.
     */
    public List<Question> questionsOf(Metric metric) {
        return selected.getOrDefault(metric, Set.of()).stream().map(questions::get).toList();
    }

    /** The surveys whose responses the response count counts; empty when it is not asked for. */
    public List<SurveyId> responseSurveys() {
        return responseSurveys;
    }

    /**
     * The boundaries of the periods storage is asked about for the query's own range: period i is
     * {@code [b(i), b(i + 1))}. Comparing with the previous period adds the period before the first in front.
     */
    public List<LocalDate> boundaries() {
        List<LocalDate> boundaries = new ArrayList<>();
        if (query.baseline().orElse(null) instanceof Baseline.PreviousPeriod) {
            boundaries.add(query.periodBeforeFirst().from());
        }
        query.periods().forEach(period -> boundaries.add(period.from()));
        boundaries.add(query.range().to());
        return boundaries;
    }

    /** The boundaries of a fixed baseline (one period), when the query has one. */
    public Optional<List<LocalDate>> baselineBoundaries() {
        return query.baseline().filter(Baseline.Fixed.class::isInstance).map(Baseline.Fixed.class::cast)
                .map(fixed -> List.of(fixed.range().from(), fixed.range().to()));
    }

    /** The question a counted answer belongs to, if {@code metric} is computed over it. */
    Optional<Question> selectedFor(Metric metric, SurveyId survey, int version, QuestionId question) {
        VersionQuestion key = new VersionQuestion(survey, version, question);
        Set<VersionQuestion> chosen = selected.get(metric);
        return chosen != null && chosen.contains(key) ? Optional.of(questions.get(key)) : Optional.empty();
    }

    /** Metrics computed over answers, in query order. */
    List<Metric> scoreMetrics() {
        return query.metrics().stream().filter(metric -> metric.questionType().isPresent()).toList();
    }

}
