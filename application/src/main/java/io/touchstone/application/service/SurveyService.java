package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ManageSurveysUseCase;
import io.touchstone.application.port.in.Page;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.application.port.in.SurveyDefinition;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyContent;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

public final class SurveyService implements ManageSurveysUseCase {

    private final SurveyRepository surveys;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AuditTrail audit;

    public SurveyService(SurveyRepository surveys, AuditLog auditLog, UnitOfWork unitOfWork, Clock clock) {
        this.surveys = surveys;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AuditTrail(auditLog, clock);
    }

    @Override
    public Uni<Survey> create(Caller caller, SurveyDefinition definition) {
        return Uni.createFrom().item(() -> {
            TenantId tenant = caller.tenantWith(Scope.SURVEYS_WRITE);
            SurveyContent content = SurveyDefinitions.toContent(definition);
            return Survey.draft(new SurveyId(Ids.next(clock)), tenant, content, clock.instant());
        }).flatMap(survey -> unitOfWork.transactionally(survey.tenantId(),
                () -> surveys.add(survey)).replaceWith(survey));
    }

    @Override
    public Uni<Survey> revise(Caller caller, UUID surveyId, SurveyDefinition definition) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.SURVEYS_WRITE))
                .flatMap(tenant -> {
                    SurveyContent content = SurveyDefinitions.toContent(definition);
                    return change(tenant, surveyId, survey -> survey.revise(content, clock.instant()));
                });
    }

    @Override
    public Uni<Survey> publish(Caller caller, UUID surveyId) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.SURVEYS_WRITE))
                .flatMap(tenant -> change(tenant, surveyId, survey -> survey.publish(clock.instant()),
                        survey -> audit.record(caller, tenant, AuditAction.SURVEY_PUBLISHED, survey.id().value())));
    }

    private Uni<Survey> change(TenantId tenant, UUID surveyId, Consumer<Survey> change) {
        return change(tenant, surveyId, change, survey -> Uni.createFrom().voidItem());
    }

    /** Loads, changes and stores the survey, then runs {@code after} in the same transaction. */
    private Uni<Survey> change(TenantId tenant, UUID surveyId, Consumer<Survey> change,
            Function<Survey, Uni<Void>> after) {
        return unitOfWork.transactionally(tenant, () -> load(tenant, surveyId).flatMap(survey -> {
            change.accept(survey);
            return surveys.update(survey).chain(() -> after.apply(survey)).replaceWith(survey);
        }));
    }

    @Override
    public Uni<Survey> get(Caller caller, UUID surveyId) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.SURVEYS_READ))
                .flatMap(tenant -> unitOfWork.transactionally(tenant, () -> load(tenant, surveyId)));
    }

    @Override
    public Uni<Page<Survey>> list(Caller caller, PageRequest page) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.SURVEYS_READ))
                .flatMap(tenant -> unitOfWork.transactionally(tenant, () -> surveys.list(tenant, Cursors.keyset(page))))
                .map(rows -> Cursors.page(rows, page, survey -> survey.id().value()));
    }

    private Uni<Survey> load(TenantId tenant, UUID surveyId) {
        return surveys.find(tenant, new SurveyId(surveyId)).map(found -> found.orElseThrow(() -> notFound(surveyId)));
    }

    static NotFound notFound(UUID surveyId) {
        return new NotFound("survey.not-found", "no survey " + surveyId);
    }
}
