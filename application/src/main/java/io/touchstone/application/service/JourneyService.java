package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.JourneyDefinition;
import io.touchstone.application.port.in.ManageJourneysUseCase;
import io.touchstone.application.port.in.Page;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Journeys: every change loads the journey held for the transaction ({@link JourneyRepository#findForChange}), lets
 * the aggregate decide, and stores it, in one transaction.
 */
public final class JourneyService implements ManageJourneysUseCase {

    private final JourneyRepository journeys;
    private final SurveyRepository surveys;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AuditTrail audit;

    public JourneyService(JourneyRepository journeys, SurveyRepository surveys, AuditLog auditLog,
            UnitOfWork unitOfWork, Clock clock) {
        this.journeys = journeys;
        this.surveys = surveys;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AuditTrail(auditLog, clock);
    }

    @Override
    public Uni<Journey> create(Caller caller, JourneyDefinition definition) {
        return Uni.createFrom().item(() -> {
            TenantId tenant = caller.tenantWith(Scope.JOURNEYS_WRITE);
            return JourneyDefinitions.toJourney(definition, tenant, clock);
        }).flatMap(journey -> unitOfWork.transactionally(journey.tenantId(), () -> journeys.add(journey)
                .chain(() -> audit.record(caller, journey.tenantId(), AuditAction.JOURNEY_CREATED,
                        journey.id().value()))
                .replaceWith(journey)));
    }

    @Override
    public Uni<Journey> get(Caller caller, UUID journeyId) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.JOURNEYS_READ))
                .flatMap(tenant -> unitOfWork.transactionally(tenant,
                        () -> journeys.find(tenant, new JourneyId(journeyId))
                                .map(found -> found.orElseThrow(() -> notFound(journeyId)))));
    }

    @Override
    public Uni<Page<Journey>> list(Caller caller, PageRequest page) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.JOURNEYS_READ))
                .flatMap(tenant -> unitOfWork.transactionally(tenant,
                        () -> journeys.list(tenant, Cursors.keyset(page))))
                .map(rows -> Cursors.page(rows, page, journey -> journey.id().value()));
    }

    @Override
    public Uni<Journey> rename(Caller caller, UUID journeyId, String name) {
        return change(caller, journeyId, journey -> {
            journey.rename(name, clock.instant());
            return done();
        });
    }

    @Override
    public Uni<Journey> addStage(Caller caller, UUID journeyId, String name, Optional<Integer> index) {
        return change(caller, journeyId, journey -> {
            journey.addStage(new StageId(Ids.next(clock)), name, index, clock.instant());
            return done();
        });
    }

    @Override
    public Uni<Journey> renameStage(Caller caller, UUID journeyId, UUID stageId, String name) {
        return change(caller, journeyId, journey -> {
            journey.renameStage(new StageId(stageId), name, clock.instant());
            return done();
        });
    }

    @Override
    public Uni<Journey> reorderStages(Caller caller, UUID journeyId, List<UUID> stageIds) {
        return change(caller, journeyId, journey -> {
            if (stageIds == null || stageIds.stream().anyMatch(Objects::isNull)) {
                throw new InvalidValue("stageIds", "journey.stage-order-mismatch",
                        "must name each of the journey's stages exactly once");
            }
            journey.reorderStages(stageIds.stream().map(StageId::new).toList(), clock.instant());
            return done();
        });
    }

    @Override
    public Uni<Journey> addTouchpoint(Caller caller, UUID journeyId, UUID stageId, String name, String channel) {
        return change(caller, journeyId, journey -> {
            Channel checked;
            try {
                checked = JourneyDefinitions.channel(channel);
            } catch (InvalidValue invalid) {
                throw invalid.under("channel");
            }
            journey.addTouchpoint(new StageId(stageId), new TouchpointId(Ids.next(clock)), name, checked,
                    clock.instant());
            return done();
        });
    }

    @Override
    public Uni<Journey> retireTouchpoint(Caller caller, UUID journeyId, UUID touchpointId) {
        return change(caller, journeyId, journey -> {
            boolean wasRetired = journey.touchpoint(new TouchpointId(touchpointId))
                    .map(touchpoint -> touchpoint.isRetired()).orElse(false);
            journey.retireTouchpoint(new TouchpointId(touchpointId), clock.instant());
            return wasRetired ? done() : audit.record(caller, journey.tenantId(), AuditAction.TOUCHPOINT_RETIRED,
                    touchpointId);
        });
    }

    @Override
    public Uni<Journey> attachSurvey(Caller caller, UUID journeyId, UUID touchpointId, Optional<UUID> surveyId) {
        return change(caller, journeyId, journey -> {
            TouchpointId touchpoint = new TouchpointId(touchpointId);
            if (surveyId.isEmpty()) {
                journey.detachSurvey(touchpoint, clock.instant());
                return done();
            }
            // the touchpoint is checked first: its absence is the answer whether the survey exists or not
            journey.touchpoint(touchpoint).orElseThrow(() -> touchpointNotFound(touchpointId));
            SurveyId survey = new SurveyId(surveyId.get());
            return surveys.find(journey.tenantId(), survey).map(found -> {
                found.orElseThrow(() -> SurveyService.notFound(survey.value()));
                journey.attachSurvey(touchpoint, survey, clock.instant());
                return null;
            }).replaceWithVoid();
        });
    }

    /**
     * Loads the journey held for this transaction, applies {@code change} (which may ask for more in the same
     * transaction) and stores the journey.
     */
    private Uni<Journey> change(Caller caller, UUID journeyId, Function<Journey, Uni<Void>> change) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.JOURNEYS_WRITE))
                .flatMap(tenant -> unitOfWork.transactionally(tenant,
                        () -> journeys.findForChange(tenant, new JourneyId(journeyId))
                                .map(found -> found.orElseThrow(() -> notFound(journeyId)))
                                .flatMap(journey -> change.apply(journey)
                                        .chain(() -> journeys.update(journey))
                                        .replaceWith(journey))));
    }

    private static Uni<Void> done() {
        return Uni.createFrom().voidItem();
    }

    static NotFound notFound(UUID journeyId) {
        return new NotFound("journey.not-found", "no journey " + journeyId);
    }

    private static NotFound touchpointNotFound(UUID touchpointId) {
        return new NotFound("touchpoint.not-found", "no touchpoint " + touchpointId + " in this journey");
    }
}
