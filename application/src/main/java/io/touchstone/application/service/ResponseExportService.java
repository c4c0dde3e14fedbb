package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ExportResponsesUseCase;
import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.analytics.ExportLayout;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.tenant.Scope;

/** Checks an export and the survey it is of, then hands out the stream of its responses. */
public final class ResponseExportService implements ExportResponsesUseCase {

    private final SurveyRepository surveys;
    private final ResponseStatistics statistics;
    private final UnitOfWork unitOfWork;

    public ResponseExportService(SurveyRepository surveys, ResponseStatistics statistics, UnitOfWork unitOfWork) {
        this.surveys = surveys;
        this.statistics = statistics;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Uni<Export> export(Caller caller, ExportCommand command) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.RESPONSES_READ)).flatMap(tenant -> {
            ExportQuery query = MetricsQueries.export(command);
            return unitOfWork.transactionally(tenant, () -> surveys.find(tenant, query.survey()))
                    .map(found -> found.orElseThrow(() -> SurveyService.notFound(query.survey().value())))
                    .map(survey -> new Export(survey.id(), ExportLayout.of(survey),
                            statistics.export(tenant, query)));
        });
    }
}
