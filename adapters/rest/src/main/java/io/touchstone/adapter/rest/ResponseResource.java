package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ReadResponsesUseCase;
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

/** One stored response, by its id (responses:read). */
@Path(ApiPaths.ROOT + "/responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Responses")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The API key lacks the scope responses:read",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ResponseResource {

    @Inject
    ReadResponsesUseCase responses;

    @Inject
    RequestCaller caller;

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a response")
    @APIResponse(responseCode = "200", description = "The response",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "404", description = "No such response (response.not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ResponseView> get(@RestPath String id) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.response(id))
                .flatMap(responseId -> responses.get(tenant, responseId))
                .map(ResponseView::of);
    }
}
