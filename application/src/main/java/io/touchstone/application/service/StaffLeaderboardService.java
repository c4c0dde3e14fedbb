package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.QueryMetricsUseCase.MetricsQueryCommand;
import io.touchstone.application.port.in.StaffLeaderboardUseCase;
import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.application.port.out.ResponseStatistics.Counting;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.analytics.Figure;
import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.analytics.MetricsPlan;
import io.touchstone.domain.analytics.MetricsQuery;
import io.touchstone.domain.analytics.MetricsReport;
import io.touchstone.domain.analytics.MetricsReport.Counted;
import io.touchstone.domain.analytics.ReportRow;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.metric.StaffLeaderboard;
import io.touchstone.domain.metric.StaffLeaderboard.Member;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.Violation;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The staff leaderboard as a metrics query grouped by employee or team over one period: the same planning (which
 * questions, no mixed CSAT scales), the same histograms from storage, then {@link StaffLeaderboard} ranks them.
 * The minimum of responses to be listed is the configured floor; a request may raise it, never lower it.
 */
public final class StaffLeaderboardService implements StaffLeaderboardUseCase {

    private final SurveyRepository surveys;
    private final ResponseStatistics statistics;
    private final UnitOfWork unitOfWork;
    private final int minResponsesFloor;

    public StaffLeaderboardService(SurveyRepository surveys, ResponseStatistics statistics, UnitOfWork unitOfWork,
            int minResponsesFloor) {
        if (minResponsesFloor < 1) {
            throw new IllegalArgumentException("the minimum of responses must be at least 1, got " + minResponsesFloor);
        }
        this.surveys = surveys;
        this.statistics = statistics;
        this.unitOfWork = unitOfWork;
        this.minResponsesFloor = minResponsesFloor;
    }

    /** What a request is turned into: the metrics query behind it and the minimum that applies. */
    private record Request(Metric metric, Level level, MetricsQuery query, int minResponses) {
    }

    @Override
    public Uni<StaffLeaderboardReport> leaderboard(Caller caller, StaffLeaderboardCommand command) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.METRICS_READ)).flatMap(tenant -> {
            Request request = read(command);
            return unitOfWork.transactionally(tenant,
                            () -> MetricsQueryService.surveysOf(surveys, tenant, request.query().survey()))
                    .map(covered -> renamed(() -> MetricsPlan.of(request.query(), covered)))
                    .flatMap(plan -> count(tenant, plan).map(scores -> report(request, plan, scores)));
        });
    }

    private Request read(StaffLeaderboardCommand command) {
        List<Violation> violations = new ArrayList<>();
        Metric metric = metric(violations, command.metric());
        Level level = level(violations, command.level());
        int minResponses = minResponsesFloor;
        if (command.minResponses() != null) {
            if (command.minResponses() < minResponsesFloor) {
                violations.add(new Violation("minResponses", "leaderboard.min-responses-below-floor",
                        "members are listed with at least " + minResponsesFloor + " responses on this service; a "
                                + "request may raise the minimum, not lower it (got " + command.minResponses() + ")"));
            } else {
                minResponses = command.minResponses();
            }
        }
        MetricsQuery query = null;
        try {
            query = MetricsQueries.metrics(new MetricsQueryCommand(
                    List.of((metric == null ? Metric.NPS : metric).name()), command.surveyId(), command.questionId(),
                    command.from(), command.to(), null,
                    List.of((level == null ? Level.EMPLOYEE : level).name().toLowerCase(Locale.ROOT)),
                    command.filters(), List.of(), null, true));
        } catch (InvalidValue invalid) {
            violations.addAll(fieldsOfTheRequest(invalid).violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidValue(violations);
        }
        return new Request(metric, level, query, minResponses);
    }

    private static Metric metric(List<Violation> violations, String name) {
        if (name == null) {
            violations.add(new Violation("metric", "value.required", "one of NPS, CSAT_PERCENT"));
            return null;
        }
        return switch (name) {
            case "NPS" -> Metric.NPS;
            case "CSAT_PERCENT" -> Metric.CSAT_PERCENT;
            default -> {
                violations.add(new Violation("metric", "leaderboard.metric-unsupported",
                        "staff are ranked by NPS or CSAT_PERCENT, not '" + name + "'"));
                yield null;
            }
        };
    }

    private static Level level(List<Violation> violations, String name) {
        if (name == null) {
            return Level.EMPLOYEE;
        }
        for (Level level : Level.values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        violations.add(new Violation("level", "leaderboard.level-unknown",
                "'" + name + "' is not a level; one of EMPLOYEE, TEAM"));
        return null;
    }

    private Uni<List<ScoreCount>> count(TenantId tenant, MetricsPlan plan) {
        if (plan.scoreQuestions().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        MetricsQuery query = plan.query();
        return statistics.scores(tenant, plan.scoreQuestions(), new Counting(plan.boundaries(),
                query.responseGroupBy(), query.responseFilters(), query.scoreRanges()));
    }

    private StaffLeaderboardReport report(Request request, MetricsPlan plan, List<ScoreCount> scores) {
        MetricsReport report = MetricsReport.of(plan, new Counted(scores, List.of(), List.of(), List.of()),
                Counted.NOTHING);
        List<Member> members = new ArrayList<>();
        long unattributed = 0;
        for (ReportRow row : report.rows()) {
            Figure figure = row.figures().getFirst();
            String member = row.group().value(0);
            if (figure.n() == 0 || figure.histogram().isEmpty()) {
                continue;
            }
            if (member == null || member.isBlank()) {
                unattributed += figure.n();
            } else {
                members.add(new Member(member, figure.histogram().get()));
            }
        }
        StaffLeaderboard.Metric ranking = request.metric() == Metric.NPS
                ? new StaffLeaderboard.Metric.Nps()
                : new StaffLeaderboard.Metric.CsatPercent(plan.questionsOf(Metric.CSAT_PERCENT).stream()
                        .map(Question.Csat.class::cast)
                        .mapToInt(Question.Csat::satisfiedFrom)
                        .findFirst()
                        .orElse(1));
        return new StaffLeaderboardReport(request.metric(), request.level(), request.query().range(),
                StaffLeaderboard.rank(ranking, members, request.minResponses()), unattributed);
    }

    private static <T> T renamed(Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidValue invalid) {
            throw fieldsOfTheRequest(invalid);
        }
    }

    /** The metrics query's field paths as this request names them: {@code metrics[0]} is {@code metric}. */
    private static InvalidValue fieldsOfTheRequest(InvalidValue invalid) {
        return new InvalidValue(invalid.violations().stream()
                .map(violation -> violation.field().equals("metrics[0]")
                        ? new Violation("metric", violation.code(), violation.description())
                        : violation)
                .toList());
    }
}
