package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ReadAuditLogUseCase;
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
import org.jboss.resteasy.reactive.RestQuery;

/** The tenant's audit log (scope keys:admin): read only; entries are never changed or removed. */
@Path(ApiPaths.ROOT + "/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log", description = "Who did which administrative action, when and from where (keys:admin)")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid limit or cursor",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "Missing, unknown, expired or revoked API key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The API key lacks the scope keys:admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuditLogResource {

    @Inject
    ReadAuditLogUseCase auditLog;

    @Inject
    RequestCaller caller;

    @GET
    @Operation(summary = "List the tenant's audit events", description = "Newest first, a page at a time.")
    @APIResponse(responseCode = "200", description = "One page of audit events")
    public Uni<PageView<AuditEventView>> list(
            @Parameter(description = "Page size, 1..100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER))
            @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> QueryParams.page(limit, cursor))
                .flatMap(page -> auditLog.list(tenant, page))
                .map(page -> PageView.of(page, AuditEventView::of));
    }
}
