package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ManageSurveysUseCase;
import io.touchstone.domain.survey.Survey;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Surveys of the caller's tenant: defined, revised and published (surveys:write), read (surveys:read). */
@Path(ApiPaths.ROOT + "/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "Versioned questionnaires in one or more languages")
@SecurityScheme(securitySchemeName = ApiPaths.API_KEY_SCHEME, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = ApiPaths.API_KEY_HEADER,
        description = "An API key of the tenant (tsk_...), with the scopes the operation needs")
@SecurityScheme(securitySchemeName = ApiPaths.SERVICE_TOKEN_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An internal service's access token from the Keycloak realm (role "
                + "touchstone-service; a cross-tenant service names the tenant in X-Tenant-Id)")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid request; code and field say what and where",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the needed scope, role or tenant",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SurveyResource {

    @Inject
    ManageSurveysUseCase surveys;

    @Inject
    RequestCaller caller;

    @POST
    @Operation(summary = "Define a survey", description = "Creates version 1 as a draft.")
    @APIResponse(responseCode = "201", description = "The new survey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SurveyView.class)))
    public Uni<RestResponse<SurveyView>> create(SurveyRequest body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> Bodies.required(body))
                .flatMap(request -> surveys.create(tenant, request.toDefinition()))
                .map(survey -> RestResponse.ResponseBuilder
                        .<SurveyView>created(URI.create(ApiPaths.ROOT + "/surveys/" + survey.id()))
                        .entity(SurveyView.latest(survey))
                        .build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Revise a survey",
            description = "Replaces the draft, or starts a new draft version when the latest one is published.")
    @APIResponse(responseCode = "200", description = "The revised survey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "404", description = "No such survey (survey.not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyView> revise(@RestPath String id, SurveyRequest body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.survey(id))
                .flatMap(surveyId -> surveys.revise(tenant, surveyId, Bodies.required(body).toDefinition()))
                .map(SurveyView::latest);
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Publish the latest version",
            description = "The draft becomes immutable and takes responses.")
    @APIResponse(responseCode = "200", description = "The survey, its latest version published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "404", description = "No such survey (survey.not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The latest version is published already "
            + "(survey.already-published)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyView> publish(@RestPath String id) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.survey(id))
                .flatMap(surveyId -> surveys.publish(tenant, surveyId))
                .map(SurveyView::latest);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a survey",
            description = "With its latest version under 'latest', or with ?version=n that version under 'version'.")
    @APIResponse(responseCode = "200", description = "The survey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SurveyView.class)))
    @APIResponse(responseCode = "404", description = "No such survey (survey.not-found) or version "
            + "(survey.version-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyView> get(@RestPath String id,
            @Parameter(description = "A version number; answers with that version under 'version'",
                    schema = @Schema(type = SchemaType.INTEGER))
            @RestQuery String version) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.survey(id))
                .flatMap(surveyId -> {
                    Integer number = QueryParams.integer("version", version);
                    return surveys.get(tenant, surveyId).map(survey -> view(survey, number));
                });
    }

    private static SurveyView view(Survey survey, Integer version) {
        return version == null ? SurveyView.latest(survey) : SurveyView.atVersion(survey, version);
    }

    @GET
    @Operation(summary = "List surveys", description = "Oldest first, a page at a time.")
    @APIResponse(responseCode = "200", description = "One page of surveys")
    public Uni<PageView<SurveyView>> list(
            @Parameter(description = "Page size, 1..100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER))
            @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> QueryParams.page(limit, cursor))
                .flatMap(page -> surveys.list(tenant, page))
                .map(page -> PageView.of(page, SurveyView::latest));
    }
}
