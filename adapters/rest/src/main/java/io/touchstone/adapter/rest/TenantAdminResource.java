package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ManageTenantsUseCase;
import io.touchstone.application.port.in.ProvisionTenantUseCase;
import io.touchstone.domain.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The operator of the service creates, suspends and deletes tenants. */
@Path(ApiPaths.ADMIN + "/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator", description = "Administration of the service by its operator")
@SecurityScheme(securitySchemeName = ApiPaths.OPERATOR_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The operator token of the service's configuration (touchstone.operator.token), or an "
                + "access token from the Keycloak realm with the role touchstone-operator")
@SecurityRequirement(name = ApiPaths.OPERATOR_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Missing or invalid operator token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TenantAdminResource {

    @Inject
    ProvisionTenantUseCase tenants;

    @Inject
    ManageTenantsUseCase lifecycle;

    @Inject
    RequestCaller caller;

    @Inject
    Clock clock;

    @POST
    @Operation(summary = "Create a tenant",
            description = "Creates a tenant, its first API key, which holds every scope, and (when an identity "
                    + "provider is configured) its confidential client there. Both secrets are shown in this answer "
                    + "only. The client is created first: when the identity provider cannot be reached, nothing is "
                    + "created (503 identity.unavailable).")
    @APIResponse(responseCode = "503", description = "The identity provider cannot be reached; nothing was created",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "201", description = "The tenant and its first API key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProvisionedTenantView.class)))
    public Uni<RestResponse<ProvisionedTenantView>> provision(ProvisionTenantRequest body) {
        Caller operator = caller.get();
        return Uni.createFrom().item(() -> Bodies.required(body))
                .flatMap(request -> tenants.provision(operator, request.toCommand()))
                .map(provisioned -> RestResponse.status(RestResponse.Status.CREATED,
                        ProvisionedTenantView.of(provisioned, clock.instant())));
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Suspend a tenant",
            description = "Disables the tenant's client at the identity provider and, at once, all its API keys "
                    + "(401 auth.tenant-suspended). Its data stays. Suspending a suspended tenant changes nothing.")
    @APIResponse(responseCode = "204", description = "Suspended")
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The identity provider cannot be reached; nothing was changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> suspend(@PathParam("id") String id) {
        return change(id, lifecycle::suspend);
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete a tenant",
            description = "Removes the tenant's client at the identity provider and refuses its API keys from now "
                    + "on; the tenant's rows are kept, marked deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The identity provider cannot be reached; nothing was changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return change(id, lifecycle::delete);
    }

    private Uni<RestResponse<Void>> change(String id, BiFunction<Caller, TenantId, Uni<Void>> change) {
        Caller operator = caller.get();
        return Uni.createFrom().item(() -> new TenantId(PathIds.tenant(id)))
                .flatMap(tenant -> change.apply(operator, tenant))
                .replaceWith(RestResponse.noContent());
    }
}
