package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ManageJourneysUseCase;
import io.touchstone.domain.shared.error.InvalidValue;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Journeys of the caller's tenant, with their stages and touchpoints: defined and changed (journeys:write), read
 * (journeys:read). Every change answers the whole journey as it is afterwards. Stages and touchpoints are addressed
 * under their journey; one of another journey is not found.
 */
@Path(ApiPaths.ROOT + "/journeys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Journeys", description = "Customer journeys: ordered stages with touchpoints on channels")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid request; code and field say what and where",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the needed scope, role or tenant",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such journey (journey.not-found), stage (stage.not-found), "
        + "touchpoint (touchpoint.not-found) or survey (survey.not-found)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class JourneyResource {

    private static final String JOURNEYS = ApiPaths.ROOT + "/journeys/";
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    ManageJourneysUseCase journeys;

    @Inject
    RequestCaller caller;

    @POST
    @Operation(summary = "Define a journey", description = "With its stages and their touchpoints, all active.")
    @APIResponse(responseCode = "201", description = "The new journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    public Uni<RestResponse<JourneyView>> create(JourneyRequest body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> Bodies.required(body))
                .flatMap(request -> journeys.create(tenant, request.toDefinition()))
                .map(journey -> RestResponse.ResponseBuilder
                        .<JourneyView>created(URI.create(JOURNEYS + journey.id()))
                        .entity(JourneyView.of(journey))
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a journey")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    public Uni<JourneyView> get(@RestPath String id) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> journeys.get(tenant, journeyId))
                .map(JourneyView::of);
    }

    @GET
    @Operation(summary = "List journeys", description = "Oldest first, a page at a time, each with its stages.")
    @APIResponse(responseCode = "200", description = "One page of journeys")
    public Uni<PageView<JourneyView>> list(
            @Parameter(description = "Page size, 1..100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER))
            @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> QueryParams.page(limit, cursor))
                .flatMap(page -> journeys.list(tenant, page))
                .map(page -> PageView.of(page, JourneyView::of));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename a journey", description = "Body {\"name\"}.")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    public Uni<JourneyView> rename(@RestPath String id, JourneyChangeRequests.Rename body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> journeys.rename(tenant, journeyId, Bodies.required(body).name()))
                .map(JourneyView::of);
    }

    @POST
    @Path("/{id}/stages")
    @Operation(summary = "Add a stage", description = "Empty, at index (0: first) or last.")
    @APIResponse(responseCode = "200", description = "The journey with the new stage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    @APIResponse(responseCode = "422", description = "The journey has 50 stages (journey.stages-full)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JourneyView> addStage(@RestPath String id, JourneyChangeRequests.AddStage body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> {
                    JourneyChangeRequests.AddStage request = Bodies.required(body);
                    return journeys.addStage(tenant, journeyId, request.name(), Optional.ofNullable(request.index()));
                })
                .map(JourneyView::of);
    }

    @PATCH
    @Path("/{id}/stages/{stageId}")
    @Operation(summary = "Rename a stage", description = "Body {\"name\"}.")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    public Uni<JourneyView> renameStage(@RestPath String id, @RestPath String stageId,
            JourneyChangeRequests.Rename body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> journeys.renameStage(tenant, journeyId, PathIds.stage(stageId),
                        Bodies.required(body).name()))
                .map(JourneyView::of);
    }

    @PUT
    @Path("/{id}/stage-order")
    @Operation(summary = "Reorder the stages", description = "Body {\"stageIds\"}: every stage of the journey once.")
    @APIResponse(responseCode = "200", description = "The journey, its stages in the new order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    public Uni<JourneyView> reorderStages(@RestPath String id, JourneyChangeRequests.ReorderStages body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> journeys.reorderStages(tenant, journeyId,
                        stageIds(Bodies.required(body).stageIds())))
                .map(JourneyView::of);
    }

    @POST
    @Path("/{id}/stages/{stageId}/touchpoints")
    @Operation(summary = "Add a touchpoint", description = "Active, at the end of the stage.")
    @APIResponse(responseCode = "200", description = "The journey with the new touchpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    @APIResponse(responseCode = "422", description = "The stage has 100 touchpoints (stage.touchpoints-full)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JourneyView> addTouchpoint(@RestPath String id, @RestPath String stageId,
            JourneyChangeRequests.AddTouchpoint body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> {
                    JourneyChangeRequests.AddTouchpoint request = Bodies.required(body);
                    return journeys.addTouchpoint(tenant, journeyId, PathIds.stage(stageId), request.name(),
                            request.channel());
                })
                .map(JourneyView::of);
    }

    @POST
    @Path("/{id}/touchpoints/{touchpointId}/retire")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Retire a touchpoint",
            description = "One-way and idempotent; it stays listed with its id, status RETIRED and retiredAt.")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    public Uni<JourneyView> retireTouchpoint(@RestPath String id, @RestPath String touchpointId) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> journeys.retireTouchpoint(tenant, journeyId, PathIds.touchpoint(touchpointId)))
                .map(JourneyView::of);
    }

    @PUT
    @Path("/{id}/touchpoints/{touchpointId}/survey")
    @Operation(summary = "Attach a survey to a touchpoint", description = "Body {\"surveyId\"}; replaces any other.")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    @APIResponse(responseCode = "422", description = "The touchpoint is retired (touchpoint.retired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JourneyView> attachSurvey(@RestPath String id, @RestPath String touchpointId,
            JourneyChangeRequests.AttachSurvey body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> {
                    JourneyChangeRequests.AttachSurvey request = Bodies.required(body);
                    if (request.surveyId() == null) {
                        throw new InvalidValue("surveyId", "value.required", "must not be empty");
                    }
                    return journeys.attachSurvey(tenant, journeyId, PathIds.touchpoint(touchpointId),
                            Optional.of(PathIds.survey(request.surveyId())));
                })
                .map(JourneyView::of);
    }

    /**
     * The stage ids of a reorder; null stays null (the use case reports it) and text that is not a UUID cannot name
     * one of the journey's stages.
     */
    private static List<UUID> stageIds(List<String> values) {
        if (values == null) {
            return null;
        }
        return values.stream().map(value -> {
            if (value == null || !UUID_FORM.matcher(value).matches()) {
                throw new InvalidValue("stageIds", "journey.stage-order-mismatch",
                        "must name each of the journey's stages exactly once, by id");
            }
            return UUID.fromString(value);
        }).toList();
    }

    @DELETE
    @Path("/{id}/touchpoints/{touchpointId}/survey")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Detach the survey from a touchpoint", description = "Idempotent.")
    @APIResponse(responseCode = "200", description = "The journey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyView.class)))
    public Uni<JourneyView> detachSurvey(@RestPath String id, @RestPath String touchpointId) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> journeys.attachSurvey(tenant, journeyId, PathIds.touchpoint(touchpointId),
                        Optional.empty()))
                .map(JourneyView::of);
    }
}
