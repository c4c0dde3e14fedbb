package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.SurveySummaryUseCase;
import io.touchstone.application.port.out.ResponseRepository;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.summary.SurveySummary;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyVersion;
import io.touchstone.domain.tenant.Scope;
import java.util.UUID;

public final class SurveySummaryService implements SurveySummaryUseCase {

    private final SurveyRepository surveys;
    private final ResponseRepository responses;
    private final UnitOfWork unitOfWork;

    public SurveySummaryService(SurveyRepository surveys, ResponseRepository responses, UnitOfWork unitOfWork) {
        this.surveys = surveys;
        this.responses = responses;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Uni<SurveySummary> summarise(Caller caller, UUID surveyId, Integer version) {
        SurveyId id = new SurveyId(surveyId);
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.METRICS_READ))
                .flatMap(tenant -> unitOfWork.transactionally(tenant, () -> surveys.find(tenant, id)
                        .map(found -> found.orElseThrow(() -> SurveyService.notFound(surveyId)))
                        .flatMap(survey -> {
                            SurveyVersion chosen = version == null
                                    ? survey.latestPublished().orElseThrow(() -> new RuleViolated(
                                            "survey.not-published", "survey " + surveyId + " has no published version"))
                                    : survey.version(version);
                            return responses.tally(tenant, id, chosen.number())
                                    .map(tally -> SurveySummary.of(id, chosen, tally.responses(), tally.answers()));
                        })));
    }
}
