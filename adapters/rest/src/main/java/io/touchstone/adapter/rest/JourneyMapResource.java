package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.JourneyMapUseCase;
import io.touchstone.application.port.in.JourneyMapUseCase.JourneyMapQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The journey map: where along a journey experience breaks (metrics:read). */
@Path(ApiPaths.ROOT + "/journeys/{id}/map")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid period (value.required, query.date-invalid, "
        + "query.range-empty, query.range-too-long)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the scope metrics:read",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such journey (journey.not-found)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class JourneyMapResource {

    @Inject
    JourneyMapUseCase journeyMap;

    @Inject
    RequestCaller caller;

    @GET
    @Operation(summary = "Map a journey",
            description = "Every stage (in order) and touchpoint (retired ones included) of the journey over the days "
                    + "from..to of the tenant's time zone (from included, to not): interaction volume, abandonment "
                    + "rate with its 95 % interval, the responses about its interactions, and the headline figure "
                    + "of its attached survey (NPS, else CSAT %, else CES mean of the latest published version) "
                    + "with its interval and its change against the previous period of the same length and that "
                    + "change's significance; stages add up their touchpoints. significantChanges lists the "
                    + "touchpoints whose headline changed significantly, the sharpest fall first.")
    @APIResponse(responseCode = "200", description = "The map",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JourneyMapView.class)))
    public Uni<JourneyMapView> map(@RestPath String id, @RestQuery String from, @RestQuery String to) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.journey(id))
                .flatMap(journeyId -> journeyMap.map(tenant, new JourneyMapQuery(journeyId, from, to)))
                .map(JourneyMapView::of);
    }
}
