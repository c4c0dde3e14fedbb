package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.QueryMetricsUseCase;
import io.touchstone.application.port.out.InteractionStatistics;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.application.port.out.ResponseStatistics.Counting;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.analytics.ChurnCount;
import io.touchstone.domain.analytics.InteractionCount;
import io.touchstone.domain.analytics.Metric;
import io.touchstone.domain.analytics.MetricsPlan;
import io.touchstone.domain.analytics.MetricsQuery;
import io.touchstone.domain.analytics.MetricsReport;
import io.touchstone.domain.analytics.MetricsReport.Counted;
import io.touchstone.domain.analytics.ResponseCount;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the surveys a query covers, plans which questions each metric is computed over, asks storage for the
 * histograms (and, for the abandonment and churn rates, the counts of interactions and lifecycle events) and lets the
 * domain turn them into figures.
 */
public final class MetricsQueryService implements QueryMetricsUseCase {

    /** Surveys are read in pages of this many when a query covers all of a tenant's. */
    static final int SURVEY_PAGE = 200;

    private final SurveyRepository surveys;
    private final ResponseStatistics statistics;
    private final InteractionStatistics interactions;
    private final UnitOfWork unitOfWork;

    public MetricsQueryService(SurveyRepository surveys, ResponseStatistics statistics,
            InteractionStatistics interactions, UnitOfWork unitOfWork) {
        this.surveys = surveys;
        this.statistics = statistics;
        this.interactions = interactions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Uni<MetricsReport> query(Caller caller, MetricsQueryCommand command) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.METRICS_READ)).flatMap(tenant -> {
            MetricsQuery query = MetricsQueries.metrics(command);
            return unitOfWork.transactionally(tenant, () -> covered(tenant, query))
                    .map(covered -> MetricsPlan.of(query, covered))
                    .flatMap(plan -> count(tenant, plan, plan.boundaries())
                            .flatMap(current -> plan.baselineBoundaries()
                                    .map(boundaries -> count(tenant, plan, boundaries))
                                    .orElseGet(() -> Uni.createFrom().item(Counted.NOTHING))
                                    .map(baseline -> MetricsReport.of(plan, current, baseline))));
        });
    }

    /** The survey the query names, or all of the tenant's; none when no metric is computed over responses. */
    private Uni<List<Survey>> covered(TenantId tenant, MetricsQuery query) {
        if (query.survey().isEmpty() && !query.ofResponses()) {
            return Uni.createFrom().item(List.of());
        }
        return surveysOf(surveys, tenant, query.survey());
    }

    /** The named survey (not found: {@code survey.not-found}), or every survey of the tenant. */
    static Uni<List<Survey>> surveysOf(SurveyRepository surveys, TenantId tenant, Optional<SurveyId> survey) {
        if (survey.isPresent()) {
            return surveys.find(tenant, survey.get()).map(found -> List.of(found.orElseThrow(
                    () -> SurveyService.notFound(survey.get().value()))));
        }
        return allSurveys(surveys, tenant);
    }

    /** Every survey of the tenant, read page by page (within the caller's transaction). */
    static Uni<List<Survey>> allSurveys(SurveyRepository surveys, TenantId tenant) {
        return allSurveys(surveys, tenant, new ArrayList<>(), Optional.empty());
    }

    private static Uni<List<Survey>> allSurveys(SurveyRepository surveys, TenantId tenant, List<Survey> found,
            Optional<java.util.UUID> after) {
        return surveys.list(tenant, new KeysetPage(SURVEY_PAGE, after)).flatMap(page -> {
            found.addAll(page);
            if (page.size() < SURVEY_PAGE) {
                return Uni.createFrom().item(found);
            }
            return allSurveys(surveys, tenant, found, Optional.of(page.getLast().id().value()));
        });
    }

    private Uni<Counted> count(TenantId tenant, MetricsPlan plan, List<LocalDate> boundaries) {
        MetricsQuery query = plan.query();
        Counting counting = new Counting(boundaries, query.responseGroupBy(), query.responseFilters(),
                query.scoreRanges());
        Uni<List<ScoreCount>> scores = plan.scoreQuestions().isEmpty()
                ? Uni.createFrom().item(List.of())
                : statistics.scores(tenant, plan.scoreQuestions(), counting);
        Uni<List<InteractionCount>> abandonment = query.metrics().contains(Metric.ABANDONMENT_RATE)
                ? Uni.createFrom().deferred(() -> interactions.abandonment(tenant,
                        new InteractionStatistics.Counting(boundaries, query.groupBy(), query.filters())))
                : Uni.createFrom().item(List.of());
        Uni<List<ChurnCount>> churn = query.metrics().contains(Metric.CHURN_RATE)
                ? Uni.createFrom().deferred(() -> interactions.churn(tenant, boundaries, query.churnSegment()))
                : Uni.createFrom().item(List.of());
        return scores.flatMap(counted -> (plan.responseSurveys().isEmpty()
                        ? Uni.createFrom().item(List.<ResponseCount>of())
                        : statistics.responses(tenant, plan.responseSurveys(), counting))
                .flatMap(responses -> abandonment.flatMap(interactionCounts -> churn.map(churnCounts ->
                        new Counted(counted, responses, interactionCounts, churnCounts)))));
    }
}
