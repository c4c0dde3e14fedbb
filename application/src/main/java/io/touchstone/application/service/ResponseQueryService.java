package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.Page;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.application.port.in.ReadResponsesUseCase;
import io.touchstone.application.port.out.ResponseRepository;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.Scope;
import java.util.UUID;

public final class ResponseQueryService implements ReadResponsesUseCase {

    private final SurveyRepository surveys;
    private final ResponseRepository responses;
    private final UnitOfWork unitOfWork;

    public ResponseQueryService(SurveyRepository surveys, ResponseRepository responses, UnitOfWork unitOfWork) {
        this.surveys = surveys;
        this.responses = responses;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Uni<Response> get(Caller caller, UUID responseId) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.RESPONSES_READ))
                .flatMap(tenant -> unitOfWork.transactionally(tenant,
                        () -> responses.find(tenant, new ResponseId(responseId))))
                .map(found -> found.orElseThrow(() -> new NotFound("response.not-found", "no response " + responseId)));
    }

    @Override
    public Uni<Page<Response>> list(Caller caller, UUID surveyId, PageRequest page) {
        SurveyId survey = new SurveyId(surveyId);
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.RESPONSES_READ))
                .flatMap(tenant -> unitOfWork.transactionally(tenant, () -> surveys.find(tenant, survey)
                        .map(found -> found.orElseThrow(() -> SurveyService.notFound(surveyId)))
                        .flatMap(ignored -> responses.list(tenant, survey, Cursors.keyset(page)))))
                .map(rows -> Cursors.page(rows, page, response -> response.id().value()));
    }
}
