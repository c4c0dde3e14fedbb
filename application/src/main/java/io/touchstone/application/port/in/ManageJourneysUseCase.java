package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.journey.Journey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Journeys of the caller's tenant: defined and changed ({@code journeys:write}), read ({@code journeys:read}). Every
 * change answers the journey as it is afterwards. A journey, stage or touchpoint of another tenant, or of another
 * journey, is not found.
 */
public interface ManageJourneysUseCase {

    Uni<Journey> create(Caller caller, JourneyDefinition definition);

    Uni<Journey> get(Caller caller, UUID journeyId);

    Uni<Page<Journey>> list(Caller caller, PageRequest page);

    Uni<Journey> rename(Caller caller, UUID journeyId, String name);

    /** Adds an empty stage at {@code index} (0: first), or last when the index is empty. */
    Uni<Journey> addStage(Caller caller, UUID journeyId, String name, Optional<Integer> index);

    Uni<Journey> renameStage(Caller caller, UUID journeyId, UUID stageId, String name);

    /** {@code stageIds} must name every stage of the journey exactly once. */
    Uni<Journey> reorderStages(Caller caller, UUID journeyId, List<UUID> stageIds);

    /** Adds an active touchpoint at the end of the stage. */
    Uni<Journey> addTouchpoint(Caller caller, UUID journeyId, UUID stageId, String name, String channel);

    /** One-way and idempotent: a retired touchpoint keeps its id and stays listed. */
    Uni<Journey> retireTouchpoint(Caller caller, UUID journeyId, UUID touchpointId);

    /**
     * Attaches the tenant's survey {@code surveyId} to an active touchpoint, or detaches any survey when it is
     * empty.
     */
    Uni<Journey> attachSurvey(Caller caller, UUID journeyId, UUID touchpointId, Optional<UUID> surveyId);
}
