package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.RecordInteractionsUseCase;
import io.touchstone.application.port.in.RecordLifecycleEventsUseCase;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Batches of interactions and customer lifecycle events (interactions:write): every event is recorded on its own,
 * so one answer reports each event's result, the valid ones stored whatever became of the others.
 */
@Path(ApiPaths.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions", description = "What happens at touchpoints, and customers' lifecycle")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "200", description = "One result per event, in order",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = EventBatchView.class)))
@APIResponse(responseCode = "400", description = "More than 1000 events (batch.too-large) or a malformed body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the scope interactions:write",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EventBatchResource {

    @Inject
    RecordInteractionsUseCase interactions;

    @Inject
    RecordLifecycleEventsUseCase lifecycleEvents;

    @Inject
    RequestCaller caller;

    @POST
    @Path("/interactions/batch")
    @Operation(summary = "Record interactions",
            description = "Up to 1000 interactions, each stored in its own transaction: STORED, DUPLICATE (the same"
                    + " event id with the same content was stored before; nothing written) or REJECTED with a"
                    + " problem (an unknown or retired touchpoint, a time in the future or before the tenant, the"
                    + " same event id with other content: interaction.event-conflict, invalid fields).")
    public Uni<EventBatchView> recordInteractions(EventBatchRequests.Interactions body,
            @Context HttpServerRequest request) {
        Caller tenant = caller.get();
        String path = request.path();
        return Uni.createFrom().item(() -> Bodies.required(body))
                .flatMap(batch -> interactions.record(tenant, batch.events() == null ? null
                        : batch.events().stream().map(e -> e == null ? null : e.toInput()).toList()))
                .map(results -> EventBatchView.of(results,
                        interaction -> new EventBatchView.Stored(interaction.id().toString(),
                                interaction.recordedAt()), path));
    }

    @POST
    @Path("/customer-lifecycle-events/batch")
    @Operation(summary = "Record customer lifecycle events",
            description = "Up to 1000 ACTIVATED / CHURNED events, each on its own, idempotent by event id"
                    + " (lifecycle.event-conflict for the same id with other content).")
    public Uni<EventBatchView> recordLifecycleEvents(EventBatchRequests.LifecycleEvents body,
            @Context HttpServerRequest request) {
        Caller tenant = caller.get();
        String path = request.path();
        return Uni.createFrom().item(() -> Bodies.required(body))
                .flatMap(batch -> lifecycleEvents.record(tenant, batch.events() == null ? null
                        : batch.events().stream().map(e -> e == null ? null : e.toInput()).toList()))
                .map(results -> EventBatchView.of(results,
                        event -> new EventBatchView.Stored(event.id().toString(), event.recordedAt()), path));
    }
}
