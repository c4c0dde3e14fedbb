package io.touchstone.domain.analytics;

import io.touchstone.domain.metric.Abandonment;
import io.touchstone.domain.metric.AbandonmentResult;
import io.touchstone.domain.metric.Ces;
import io.touchstone.domain.metric.CesOrientation;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.Change;
import io.touchstone.domain.metric.Churn;
import io.touchstone.domain.metric.ChurnResult;
import io.touchstone.domain.metric.ConfidenceInterval;
import io.touchstone.domain.metric.Csat;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.Nps;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.metric.Significance;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.survey.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The answer to a {@link MetricsQuery}: one row per reported period (each bucket, or the whole range) and group, every
 * period present even without observations (n = 0), the groups those seen in the data, in value order. The formulas
 * are those of {@code domain.metric}, applied to the histograms storage counted.
 */
public record MetricsReport(MetricsQuery query, List<ReportRow> rows) {

    /** The most rows (periods × groups) one answer holds. */
    public static final int MAX_ROWS = 50_000;

    public MetricsReport {
        Objects.requireNonNull(query, "query");
        rows = List.copyOf(rows);
    }

    /** A period (as storage numbered it) and a group: the coordinates of one figure. */
    private record Cell(int period, GroupKey group) {
    }

    /**
     * What a figure is computed from: a histogram (CES normalised) and, for CSAT, its threshold; or a count, and for
     * the abandonment and churn rates the share of it that was abandoned or lost ({@code of}).
     */
    private record Observations(ScoreHistogram histogram, int satisfiedFrom, long count, long of) {
        Observations(ScoreHistogram histogram, int satisfiedFrom, long count) {
            this(histogram, satisfiedFrom, count, 0);
        }

        Observations plus(int score, long more) {
            return new Observations(histogram == null ? null : histogram.plus(score, more), satisfiedFrom,
                    count + more, of);
        }

        Observations plus(Observations other) {
            return new Observations(null, 0, count + other.count, of + other.of);
        }
    }

    /**
     * Assembles the report of {@code plan} from what storage counted over the plan's {@link MetricsPlan#boundaries()}
     * ({@code scores}, {@code responses}) and, for a fixed baseline, over {@link MetricsPlan#baselineBoundaries()}
     * ({@code baselineScores}, {@code baselineResponses}; empty otherwise).
     */
    public static MetricsReport of(MetricsPlan plan, List<ScoreCount> scores, List<ResponseCount> responses,
            List<ScoreCount> baselineScores, List<ResponseCount> baselineResponses) {
        return of(plan, new Counted(scores, responses, List.of(), List.of()),
                new Counted(baselineScores, baselineResponses, List.of(), List.of()));
    }

    /**
     * Everything storage counted over one set of boundaries: answers' scores, responses, interactions and churn
     * (each empty unless a metric of the query needs it).
     */
    public record Counted(List<ScoreCount> scores, List<ResponseCount> responses,
            List<InteractionCount> interactions, List<ChurnCount> churn) {

        public static final Counted NOTHING = new Counted(List.of(), List.of(), List.of(), List.of());

        public Counted {
            scores = List.copyOf(scores);
            responses = List.copyOf(responses);
            interactions = List.copyOf(interactions);
            churn = List.copyOf(churn);
        }
    }

    /**
     * Assembles the report of {@code plan} from what storage counted over the plan's {@link MetricsPlan#boundaries()}
     * ({@code current}) and, for a fixed baseline, over {@link MetricsPlan#baselineBoundaries()} ({@code baseline};
     * {@link Counted#NOTHING} otherwise).
     */
    public static MetricsReport of(MetricsPlan plan, Counted counted, Counted baselineCounted) {
        MetricsQuery query = plan.query();
        Map<Metric, Map<Cell, Observations>> current = tally(plan, counted.scores(), counted.responses());
        Map<Metric, Map<Cell, Observations>> fixed = tally(plan, baselineCounted.scores(),
                baselineCounted.responses());
        tallyInteractions(query, counted.interactions(), current);
        tallyInteractions(query, baselineCounted.interactions(), fixed);
        tallyChurn(query, counted.churn(), current);
        tallyChurn(query, baselineCounted.churn(), fixed);

        TreeSet<GroupKey> groups = new TreeSet<>();
        if (query.groupBy().isEmpty()) {
            groups.add(GroupKey.NONE);
        }
        current.values().forEach(cells -> cells.keySet().forEach(cell -> groups.add(cell.group())));
        fixed.values().forEach(cells -> cells.keySet().forEach(cell -> groups.add(cell.group())));

        List<DateRange> periods = query.periods();
        if ((long) periods.size() * groups.size() > MAX_ROWS) {
            throw new RuleViolated("query.too-many-groups", "the answer would hold " + periods.size() + " periods × "
                    + groups.size() + " groups; at most " + MAX_ROWS + " rows: filter, or use fewer buckets");
        }
        boolean previous = query.baseline().orElse(null) instanceof Baseline.PreviousPeriod;
        int offset = previous ? 1 : 0;
        List<ReportRow> rows = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            for (GroupKey group : groups) {
                List<Figure> figures = new ArrayList<>();
                for (Metric metric : query.metrics()) {
                    Observations now = observed(current, metric, new Cell(p + offset, group));
                    Optional<Baseline> baseline = query.baseline();
                    Optional<Comparison> comparison = Optional.empty();
                    if (baseline.isPresent()) {
                        DateRange range;
                        Observations then;
                        if (baseline.get() instanceof Baseline.Fixed(DateRange fixedRange)) {
                            range = fixedRange;
                            then = observed(fixed, metric, new Cell(0, group));
                        } else {
                            range = p == 0 ? query.periodBeforeFirst() : periods.get(p - 1);
                            then = observed(current, metric, new Cell(p + offset - 1, group));
                        }
                        comparison = Optional.of(compare(metric, now, then, range));
                    }
                    figures.add(figure(metric, now, query.distribution(), comparison));
                }
                rows.add(new ReportRow(periods.get(p), group, figures));
            }
        }
        return new MetricsReport(query, rows);
    }

    private static Map<Metric, Map<Cell, Observations>> tally(MetricsPlan plan, List<ScoreCount> scores,
            List<ResponseCount> responses) {
        MetricsQuery query = plan.query();
        Map<Metric, Map<Cell, Observations>> tallies = new HashMap<>();
        for (ScoreCount row : scores) {
            if (row.count() == 0) {
                continue; // storage may or may not deliver empty counts: a group is there when something was counted
            }
            for (Metric metric : plan.scoreMetrics()) {
                Optional<Question> question = plan.selectedFor(metric, row.survey(), row.version(), row.question());
                if (question.isEmpty()) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                int responseLevel = 0;
                for (Dimension dimension : query.groupBy()) {
                    values.add(dimension.ofQuestion()
                            ? MetricsPlan.questionValue(dimension, new MetricsPlan.VersionQuestion(row.survey(),
                                    row.version(), row.question()), question.get())
                            : row.group().value(responseLevel++));
                }
                Cell cell = new Cell(row.period(), new GroupKey(values));
                Question asked = question.get();
                tallies.computeIfAbsent(metric, m -> new HashMap<>())
                        .compute(cell, (key, seen) -> (seen == null ? empty(asked) : seen)
                                .plus(normalisedScore(asked, row.score()), row.count()));
            }
        }
        if (query.metrics().contains(Metric.RESPONSE_COUNT)) {
            Map<Cell, Observations> counts = tallies.computeIfAbsent(Metric.RESPONSE_COUNT, m -> new HashMap<>());
            for (ResponseCount row : responses) {
                if (row.count() == 0) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                int responseLevel = 0;
                for (Dimension dimension : query.groupBy()) {
                    values.add(dimension.kind() == Dimension.Kind.SURVEY
                            ? row.survey().toString()
                            : row.group().value(responseLevel++));
                }
                counts.merge(new Cell(row.period(), new GroupKey(values)), new Observations(null, 0, row.count()),
                        (a, b) -> new Observations(null, 0, a.count() + b.count()));
            }
        }
        return tallies;
    }

    /** Interactions are grouped by their own dimensions only: every dimension of the query is one of theirs. */
    private static void tallyInteractions(MetricsQuery query, List<InteractionCount> interactions,
            Map<Metric, Map<Cell, Observations>> tallies) {
        if (!query.metrics().contains(Metric.ABANDONMENT_RATE)) {
            return;
        }
        Map<Cell, Observations> counts = tallies.computeIfAbsent(Metric.ABANDONMENT_RATE, m -> new HashMap<>());
        for (InteractionCount row : interactions) {
            if (row.started() == 0) {
                continue;
            }
            counts.merge(new Cell(row.period(), row.group()), new Observations(null, 0, row.started(),
                    row.abandoned()), Observations::plus);
        }
    }

    /**
     * Churn comes per segment (the query's one attribute, or none): the segments the query's filters admit, each its
     * own group when the query groups by the segment, else added up.
     */
    private static void tallyChurn(MetricsQuery query, List<ChurnCount> churn,
            Map<Metric, Map<Cell, Observations>> tallies) {
        if (!query.metrics().contains(Metric.CHURN_RATE)) {
            return;
        }
        Map<Cell, Observations> counts = tallies.computeIfAbsent(Metric.CHURN_RATE, m -> new HashMap<>());
        boolean grouped = !query.groupBy().isEmpty();
        for (ChurnCount row : churn) {
            String segment = row.segment().orElse(null);
            if (row.activeAtStart() == 0 || !query.filters().stream().allMatch(filter -> filter.admits(segment))) {
                continue;
            }
            GroupKey group = grouped ? new GroupKey(java.util.Collections.singletonList(segment)) : GroupKey.NONE;
            counts.merge(new Cell(row.period(), group), new Observations(null, 0, row.activeAtStart(), row.lost()),
                    Observations::plus);
        }
    }

    private static Observations empty(Question question) {
        return switch (question) {
            case Question.Nps ignored -> new Observations(
                    ScoreHistogram.empty(Question.Nps.MIN, Question.Nps.MAX), 0, 0);
            case Question.Csat csat -> new Observations(ScoreHistogram.empty(1, csat.points()),
                    csat.satisfiedFrom(), 0);
            case Question.Ces ces -> new Observations(ScoreHistogram.empty(1, ces.points()), 0, 0);
            case Question.FreeText ignored -> throw new IllegalArgumentException("free text has no score");
            case Question.SingleChoice ignored -> throw new IllegalArgumentException("a choice has no score");
        };
    }

    /** CES scores count as normalised (higher means easier), so that both orientations add up. */
    private static int normalisedScore(Question question, int score) {
        return question instanceof Question.Ces ces ? Ces.normalise(score, ces.points(), ces.orientation()) : score;
    }

    private static Observations observed(Map<Metric, Map<Cell, Observations>> tallies, Metric metric, Cell cell) {
        return tallies.getOrDefault(metric, Map.of()).get(cell);
    }

    private static Figure figure(Metric metric, Observations observed, boolean distribution,
            Optional<Comparison> comparison) {
        long n = observed == null ? 0 : observed.count();
        Optional<ScoreHistogram> histogram = distribution && observed != null
                ? Optional.ofNullable(observed.histogram())
                : Optional.empty();
        return switch (metric) {
            case NPS -> {
                Optional<NpsResult> nps = nps(observed);
                yield new Figure(metric, n, nps.map(NpsResult::score), nps.map(NpsResult::confidenceInterval), nps,
                        Optional.empty(), Optional.empty(), histogram, comparison);
            }
            case CSAT_PERCENT -> {
                Optional<CsatResult> csat = csat(observed);
                yield new Figure(metric, n, csat.map(CsatResult::percentSatisfied), csat.map(MetricsReport::interval),
                        Optional.empty(), csat, Optional.empty(), histogram, comparison);
            }
            case CSAT_MEAN -> {
                Optional<CsatResult> csat = csat(observed);
                yield new Figure(metric, n, csat.map(CsatResult::mean), Optional.empty(), Optional.empty(), csat,
                        Optional.empty(), histogram, comparison);
            }
            case CES_MEAN -> {
                Optional<CesResult> ces = ces(observed);
                yield new Figure(metric, n, ces.map(CesResult::mean), Optional.empty(), Optional.empty(),
                        Optional.empty(), ces, histogram, comparison);
            }
            case CES_NET -> {
                Optional<CesResult> ces = ces(observed);
                yield new Figure(metric, n, ces.map(CesResult::net), Optional.empty(), Optional.empty(),
                        Optional.empty(), ces, histogram, comparison);
            }
            case RESPONSE_COUNT -> new Figure(metric, n, Optional.of((double) n), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), comparison);
            case ABANDONMENT_RATE -> {
                Optional<AbandonmentResult> abandonment = abandonment(observed);
                yield new Figure(metric, n, abandonment.map(AbandonmentResult::rate),
                        abandonment.map(AbandonmentResult::confidenceInterval), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), comparison, abandonment, Optional.empty());
            }
            case CHURN_RATE -> {
                Optional<ChurnResult> churn = churn(observed);
                yield new Figure(metric, n, churn.map(ChurnResult::rate), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), comparison, Optional.empty(), churn);
            }
        };
    }

    private static Comparison compare(Metric metric, Observations now, Observations then, DateRange baseline) {
        Optional<Double> value = figure(metric, then, false, Optional.empty()).value();
        Optional<Double> current = figure(metric, now, false, Optional.empty()).value();
        Optional<Double> change = current.isPresent() && value.isPresent()
                ? Optional.of(current.get() - value.get())
                : Optional.empty();
        Optional<Significance> significance = switch (metric) {
            case NPS -> both(nps(now), nps(then)).flatMap(pair -> Significance.ofNps(pair.now(), pair.then()));
            case CSAT_PERCENT -> both(csat(now), csat(then))
                    .flatMap(pair -> Significance.ofCsatPercent(pair.now(), pair.then()));
            case CSAT_MEAN, CES_MEAN -> now == null || then == null
                    ? Optional.empty()
                    : Significance.ofMean(now.histogram(), then.histogram());
            case CES_NET -> both(ces(now), ces(then)).flatMap(pair -> Significance.ofCesNet(pair.now(), pair.then()));
            case ABANDONMENT_RATE -> Abandonment.change(abandonment(now), abandonment(then))
                    .flatMap(Change::significance);
            // consecutive periods share most of their customers: the test of independent samples does not hold
            case RESPONSE_COUNT, CHURN_RATE -> Optional.empty();
        };
        return new Comparison(baseline, then == null ? 0 : then.count(), value, change, significance);
    }

    private record Pair<T>(T now, T then) {
    }

    private static <T> Optional<Pair<T>> both(Optional<T> now, Optional<T> then) {
        return now.isPresent() && then.isPresent() ? Optional.of(new Pair<>(now.get(), then.get())) : Optional.empty();
    }

    private static Optional<NpsResult> nps(Observations observed) {
        return observed == null ? Optional.empty() : Nps.of(observed.histogram());
    }

    private static Optional<CsatResult> csat(Observations observed) {
        return observed == null ? Optional.empty() : Csat.of(observed.histogram(), observed.satisfiedFrom());
    }

    private static Optional<CesResult> ces(Observations observed) {
        return observed == null ? Optional.empty() : Ces.of(observed.histogram(), CesOrientation.HIGHER_IS_EASIER);
    }

    private static Optional<AbandonmentResult> abandonment(Observations observed) {
        return observed == null ? Optional.empty() : Abandonment.of(observed.count(), observed.of());
    }

    private static Optional<ChurnResult> churn(Observations observed) {
        return observed == null ? Optional.empty() : Churn.of(observed.count(), observed.of());
    }

    private static ConfidenceInterval interval(CsatResult csat) {
        return Csat.confidenceInterval(csat.satisfied(), csat.n());
    }
}
