package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.StaffLeaderboardUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff feedback: employees or teams ranked by NPS or CSAT % (metrics:read). */
@Path(ApiPaths.ROOT + "/metrics/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid request; every problem is listed in violations "
        + "(leaderboard.metric-unsupported, leaderboard.level-unknown, leaderboard.min-responses-below-floor, "
        + "value.required, query.date-invalid, query.range-too-long, query.scales-mixed, query.dimension-unknown, ...)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the scope metrics:read",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such survey (survey.not-found; also for a surveyId that "
        + "is not a UUID)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StaffLeaderboardResource {

    private static final String EXAMPLE = """
            {"metric": "CSAT_PERCENT", "level": "EMPLOYEE", "surveyId": "0190a0b0-0000-7000-8000-000000000001",
             "from": "2026-01-05", "to": "2026-04-06",
             "filters": [{"dimension": "team", "operator": "EQUALS", "values": ["team-7"]}], "minResponses": 10}""";

    @Inject
    StaffLeaderboardUseCase leaderboards;

    @Inject
    RequestCaller caller;

    @POST
    @Operation(summary = "Rank staff",
            description = "Ranks the employees or teams named by the interactions that responses are about, by NPS "
                    + "or CSAT % over their answers on the days from..to of the tenant's time zone (from included, "
                    + "to not), in one survey or all, optionally filtered as in the metrics query. Each listed "
                    + "member has n, the value with its 95 % interval and smallSample (n < 30). Members with fewer "
                    + "responses than minResponses are never named, only counted in hidden, so that a single "
                    + "customer cannot be identified and single answers do not rank people. CSAT % never mixes "
                    + "scales (query.scales-mixed): name a survey or filter a scale.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StaffLeaderboardRequest.class),
            examples = @ExampleObject(name = "CSAT % of one team's employees", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The leaderboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StaffLeaderboardView.class)))
    public Uni<StaffLeaderboardView> rank(StaffLeaderboardRequest body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> Bodies.required(body).toCommand())
                .flatMap(command -> leaderboards.leaderboard(tenant, command))
                .map(StaffLeaderboardView::of);
    }
}
