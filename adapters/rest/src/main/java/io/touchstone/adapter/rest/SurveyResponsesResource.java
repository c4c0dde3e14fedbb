package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ReadResponsesUseCase;
import io.touchstone.application.port.in.SubmitResponseUseCase;
import io.touchstone.application.port.in.SubmitResponseUseCase.Submission;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** A survey's responses: submitted once each, idempotently (responses:write), and listed (responses:read). */
@Path(ApiPaths.ROOT + "/surveys/{id}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Responses", description = "Respondents' answers to published surveys")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid request; code and field say what and where",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the needed scope, role or tenant",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SurveyResponsesResource {

    @Inject
    SubmitResponseUseCase submissions;

    @Inject
    ReadResponsesUseCase responses;

    @Inject
    RequestCaller caller;

    @POST
    @Operation(summary = "Submit a response",
            description = "Stores the answers once per Idempotency-Key: a retry with the same key and the same "
                    + "content answers 200 with the stored response and Idempotent-Replayed: true; the same key "
                    + "with other content is a 409.")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "200", description = "A replay of an earlier submission with the same key",
            headers = @Header(name = ApiPaths.REPLAYED_HEADER, schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "404", description = "No such survey (survey.not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The key was used for other content (idempotency.key-reused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The survey (version) is not published (survey.not-published)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ResponseView>> submit(@RestPath String id,
            @Parameter(description = "1-255 visible ASCII characters, unique per submission", required = true)
            @RestHeader(ApiPaths.IDEMPOTENCY_KEY_HEADER) String idempotencyKey,
            SubmitResponseRequest body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.survey(id))
                .flatMap(surveyId -> submissions.submit(tenant,
                        Bodies.required(body).toCommand(idempotencyKey, surveyId)))
                .map(SurveyResponsesResource::answer);
    }

    private static RestResponse<ResponseView> answer(Submission submission) {
        ResponseView view = ResponseView.of(submission.response());
        if (submission.replayed()) {
            return RestResponse.ResponseBuilder.ok(view).header(ApiPaths.REPLAYED_HEADER, "true").build();
        }
        return RestResponse.ResponseBuilder
                .<ResponseView>created(URI.create(ApiPaths.ROOT + "/responses/" + view.id()))
                .entity(view)
                .build();
    }

    @GET
    @Operation(summary = "List a survey's responses", description = "All versions, oldest first, a page at a time.")
    @APIResponse(responseCode = "200", description = "One page of responses")
    @APIResponse(responseCode = "404", description = "No such survey (survey.not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<ResponseView>> list(@RestPath String id,
            @Parameter(description = "Page size, 1..100 (default 20)", schema = @Schema(type = SchemaType.INTEGER))
            @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> PathIds.survey(id))
                .flatMap(surveyId -> responses.list(tenant, surveyId, QueryParams.page(limit, cursor)))
                .map(page -> PageView.of(page, ResponseView::of));
    }
}
