package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.SurveySummaryUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

/** The CX figures of a survey version (metrics:read). */
@Path(ApiPaths.ROOT + "/surveys/{id}/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics", description = "NPS, CSAT and CES figures, exactly as defined in the product documentation")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The API key lacks the scope metrics:read",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SurveySummaryResource {

    @Inject
    SurveySummaryUseCase summaries;

    @Inject
    RequestCaller caller;

    @GET
    @Operation(summary = "Summarise a survey version",
            description = "Per question: n, a small-sample flag (n < 30), the answer distribution and the metric "
                    + "of its type (NPS with 95 % confidence interval, CSAT, CES). A metric over no answers is "
                    + "absent. Doubles carry full precision.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SurveySummaryView.class)))
    @APIResponse(responseCode = "404", description = "No such survey (survey.not-found) or version "
            + "(survey.version-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No version given and none published (survey.not-published)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveySummaryView> summarise(@RestPath String id,
            @Parameter(description = "Version to summarise; the latest published one when absent",
                    schema = @Schema(type = SchemaType.INTEGER))
            @RestQuery String version) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.survey(id))
                .flatMap(surveyId -> summaries.summarise(tenant, surveyId, QueryParams.integer("version", version)))
                .map(SurveySummaryView::of);
    }
}
