package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.QueryMetricsUseCase;
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

/** Trends, breakdowns and comparisons of NPS, CSAT and CES (metrics:read). */
@Path(ApiPaths.ROOT + "/metrics/query")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid query; code and field say what and where, every problem "
        + "is listed in violations (query.metric-unknown, query.scales-mixed, query.too-many-group-bys, "
        + "query.range-too-long, query.too-many-buckets, query.dimension-unknown, query.range-not-aligned, ...)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the scope metrics:read",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MetricsQueryResource {

    private static final String EXAMPLE_QUERY = """
            {"metrics": ["NPS", "CSAT_PERCENT"], "surveyId": "0190a0b0-0000-7000-8000-000000000001",
             "from": "2026-01-05", "to": "2026-07-06", "bucket": "WEEK", "groupBy": ["channel", "attribute:store"],
             "filters": [{"dimension": "language", "operator": "IN", "values": ["cs", "en"]}],
             "scoreRanges": [{"questionId": "nps", "min": 0, "max": 10}],
             "comparison": {"baseline": "PREVIOUS_PERIOD"}, "distribution": true}""";

    @Inject
    QueryMetricsUseCase metrics;

    @Inject
    RequestCaller caller;

    @POST
    @Operation(summary = "Query metrics",
            description = "Computes the metrics over the answers of one question, of every question of each "
                    + "metric's type in one survey, or in all the tenant's surveys, on the days from..to of the "
                    + "tenant's time zone (from included, to not), optionally cut into buckets (DAY, WEEK = ISO week "
                    + "from Monday, MONTH, QUARTER; empty buckets are present with n = 0), grouped by up to two "
                    + "dimensions (survey, question, scale, language, channel, attribute:<metadata key>; responses "
                    + "without a value form the group null), filtered (EQUALS, IN, NOT_IN) and restricted to "
                    + "responses whose answers lie in score ranges. Every figure carries n, smallSample (n < 30), "
                    + "its value (absent without observations, never 0), the 95 % interval for NPS and CSAT %, the "
                    + "metric's details and, when asked for, the score histogram and the comparison with a baseline "
                    + "(the previous period of the same length, or fixed dates): the baseline's value, the change "
                    + "and a two-sided z-test at 95 %. CSAT and CES figures never mix scales: a query that would is "
                    + "refused (query.scales-mixed) unless it groups or filters by scale or question. Doubles carry "
                    + "full precision. At most 50,000 rows (periods × groups).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MetricsQueryRequest.class),
            examples = @ExampleObject(name = "weekly NPS and CSAT by channel and store", value = EXAMPLE_QUERY)))
    @APIResponse(responseCode = "200", description = "The figures, one row per period and group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MetricsReportView.class)))
    @APIResponse(responseCode = "404", description = "No such survey (survey.not-found; also for a surveyId that "
            + "is not a UUID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The answer would hold more than 50,000 rows "
            + "(query.too-many-groups): filter, or use fewer buckets",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MetricsReportView> query(MetricsQueryRequest body) {
        Caller tenant = caller.get();
        return Uni.createFrom().item(() -> Bodies.required(body).toCommand())
                .flatMap(command -> metrics.query(tenant, command))
                .map(MetricsReportView::of);
    }
}
