package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ManageApiKeysUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's own API keys (scope keys:admin). */
@Path(ApiPaths.ROOT + "/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys of the tenant's integrations: created, listed, rotated, revoked (keys:admin)")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The API key lacks the scope keys:admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ApiKeyResource {

    @Inject
    ManageApiKeysUseCase keys;

    @Inject
    RequestCaller caller;

    @Inject
    Clock clock;

    @POST
    @Operation(summary = "Create an API key", description = "The answer carries the key's secret, shown only once.")
    @APIResponse(responseCode = "201", description = "The new key with its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IssuedApiKeyView.class)))
    public Uni<RestResponse<IssuedApiKeyView>> create(CreateApiKeyRequest body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> Bodies.required(body))
                .flatMap(request -> keys.create(tenant, request.toCommand()))
                .map(issued -> RestResponse.status(RestResponse.Status.CREATED, IssuedApiKeyView.of(issued, now())));
    }

    @GET
    @Operation(summary = "List the tenant's API keys", description = "Every key, active or not; never a secret.")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiKeyList.class)))
    public Uni<ApiKeyList> list() {
        Caller tenant = caller.get();
        return keys.list(tenant).map(found -> {
            Instant now = now();
            return new ApiKeyList(found.stream().map(key -> ApiKeyView.of(key, now)).toList());
        });
    }

    @POST
    @Path("/{id}/rotate")
    @Operation(summary = "Rotate an API key",
            description = "Issues a new key with the same name, scopes and expiry; the old key keeps working for the "
                    + "overlap window (body {\"overlapSeconds\": …}, default 24 h, at most 7 days; {} for the default), then expires. "
                    + "The new secret is shown only in this answer.")
    @APIResponse(responseCode = "201", description = "The new key with its secret, and the old key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RotatedApiKeyView.class)))
    @APIResponse(responseCode = "404", description = "No such key in this tenant (api-key.not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The key is revoked or expired (api-key.not-active)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<RotatedApiKeyView>> rotate(@Parameter(description = "Id of the key") @RestPath String id,
            RotateApiKeyRequest body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> RotateApiKeyRequest.toCommand(body, PathIds.apiKey(id)))
                .flatMap(command -> keys.rotate(tenant, command))
                .map(rotated -> RestResponse.status(RestResponse.Status.CREATED, RotatedApiKeyView.of(rotated, now())));
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Path("/{id}")
    @Operation(summary = "Revoke an API key",
            description = "The key stops working at once. Revoking a revoked key changes nothing.")
    @APIResponse(responseCode = "200", description = "The revoked key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "404", description = "No such key in this tenant (api-key.not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ApiKeyView> revoke(@Parameter(description = "Id of the key") @RestPath String id) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.apiKey(id))
                .flatMap(keyId -> keys.revoke(tenant, keyId))
                .map(key -> ApiKeyView.of(key, now()));
    }

    private Instant now() {
        return clock.instant();
    }
}
