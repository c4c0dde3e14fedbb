package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ProvisionTenantUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The operator of the service creates tenants. */
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
    RequestCaller caller;

    @Inject
    Clock clock;

    @POST
    @Operation(summary = "Create a tenant",
            description = "Creates a tenant and its first API key, which holds every scope. The key's secret is "
                    + "shown in this answer only.")
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
}
