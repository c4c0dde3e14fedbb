package io.touchstone.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.ExportResponsesUseCase;
import io.touchstone.application.port.in.ExportResponsesUseCase.Export;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.Violation;
import io.touchstone.domain.survey.SurveyId;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * A survey's responses as a download (responses:read): checked and resolved completely before the first byte, so
 * that every refusal is an ordinary problem response; then streamed in chunks, each asked of storage only when the
 * previous one has been written to the connection, so the service holds a bounded number of responses however many
 * the export has. A failure once bytes have gone out can no longer be answered with a problem: the stream is cut
 * (the connection is closed without the final chunk, which a client sees as an incomplete body) and the failure is
 * logged once, with the survey and how many responses had gone out.
 */
@Path(ApiPaths.ROOT + "/responses/export")
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Responses")
@SecurityRequirement(name = ApiPaths.API_KEY_SCHEME)
@SecurityRequirement(name = ApiPaths.SERVICE_TOKEN_SCHEME)
@APIResponse(responseCode = "400", description = "Invalid request; code and field say what and where "
        + "(export.format-unknown, value.required, query.date-invalid, query.range-empty, query.range-too-long, "
        + "query.dimension-unknown, query.dimension-not-applicable, query.score-range-invalid, ...)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401",
        description = "Missing, unknown, expired or revoked API key; invalid or expired access token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The credential lacks the scope responses:read",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ResponseExportResource {

    private static final Logger LOG = Logger.getLogger(ResponseExportResource.class);

    /** Responses per chunk written to the connection: the most the service holds of one export at a time. */
    static final int CHUNK_RESPONSES = 64;

    private static final String EXAMPLE_REQUEST = """
            {"surveyId": "0190a0b0-0000-7000-8000-000000000001", "from": "2026-01-01", "to": "2026-04-01",
             "filters": [{"dimension": "channel", "operator": "IN", "values": ["WEB", "EMAIL"]}],
             "scoreRanges": [{"questionId": "nps", "min": 0, "max": 6}], "format": "CSV"}""";
    private static final String CSV_EXAMPLE = "response_id,submitted_at,survey_version,language,channel,"
            + "respondent_ref,answer:nps,answer:comment,metadata\r\n"
            + "0190a0b0-1111-7000-8000-000000000001,2026-01-05T09:30:00.123456Z,1,cs,WEB,crm-42,6,"
            + "\"Pomalé, ale \"\"milé\"\"\",\"{\"\"store\"\":\"\"Brno\"\"}\"\r\n";
    private static final String NDJSON_EXAMPLE = "{\"id\":\"0190a0b0-1111-7000-8000-000000000001\","
            + "\"surveyId\":\"0190a0b0-0000-7000-8000-000000000001\",\"version\":1,\"language\":\"cs\","
            + "\"channel\":\"WEB\",\"respondentRef\":\"crm-42\",\"submittedAt\":\"2026-01-05T09:30:00.123456Z\","
            + "\"metadata\":{\"store\":\"Brno\"},\"answers\":{\"nps\":6,\"comment\":\"Pomalé, ale \\\"milé\\\"\"}}\n";

    @Inject
    ExportResponsesUseCase exports;

    @Inject
    RequestCaller caller;

    @Inject
    ObjectMapper json;

    /** A checked export and how to write it. */
    private record Download(Export export, ExportFormat format, ObjectMapper json) {

        Multi<Buffer> body() {
            return chunks(export.survey(), export.responses(), ExportWriter.of(format, export.layout(), json));
        }

        Map<String, List<String>> headers() {
            String file = "responses-" + export.survey().value() + "." + format.extension();
            return Map.of(
                    HttpHeaders.CONTENT_TYPE, List.of(format.mediaType()),
                    "Content-Disposition", List.of("attachment; filename=\"" + file + "\""),
                    HttpHeaders.CACHE_CONTROL, List.of("no-store"));
        }
    }

    @POST
    @Operation(summary = "Export responses",
            description = "Streams every response of one survey submitted on the days from..to of the tenant's time "
                    + "zone (from included, to not) that passes every filter (language, channel, "
                    + "attribute:<metadata key>) and score range, oldest first, with all its answers. "
                    + "CSV (text/csv; charset=utf-8, RFC 4180: CRLF line ends, fields with a comma, double quote, CR "
                    + "or LF quoted, quotes doubled; UTF-8 without byte order mark): the header row "
                    + "response_id,submitted_at,survey_version,language,channel,respondent_ref, then one column per "
                    + "question, answer:<question id> (the latest version's questions in order, then those only "
                    + "earlier versions had), "
                    + "then metadata; an answer cell holds the score, the option id or the text, empty when not "
                    + "answered; channel and respondent_ref are empty when not given; metadata is a compact JSON "
                    + "object with sorted keys; submitted_at an ISO-8601 UTC instant. JSON_LINES "
                    + "(application/x-ndjson): one JSON object per line, ending in LF: {\"id\", \"surveyId\", "
                    + "\"version\", \"language\", \"channel\" (null when not given), \"respondentRef\" (null when not "
                    + "given), \"submittedAt\", \"metadata\": {key: value, sorted by key}, \"answers\": {questionId: "
                    + "value}} where answers hold only the questions answered, in column order, a score as a number, "
                    + "a free text as a string and a choice as its option id (a string; the survey's question type "
                    + "tells text from choice). Everything is checked before the first byte: a refusal is a problem "
                    + "response. A failure after the first byte cuts the stream (the chunked body ends without its "
                    + "final chunk): treat an incomplete body as a failed export.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExportRequest.class),
            examples = @ExampleObject(name = "the detractors of the first quarter, web and email", value =
                    EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The responses, streamed (chunked)",
            headers = @Header(name = "Content-Disposition", description = "attachment; "
                    + "filename=\"responses-<surveyId>.csv\" (.ndjson for JSON_LINES)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "text/csv",
                            schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "CSV", value = CSV_EXAMPLE)),
                    @Content(mediaType = "application/x-ndjson",
                            schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "JSON Lines", value = NDJSON_EXAMPLE))})
    @APIResponse(responseCode = "404", description = "No such survey (survey.not-found; also for a surveyId that "
            + "is not a UUID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestMulti<Buffer> export(ExportRequest body) {
        Caller tenant = caller.get();
        Uni<Download> download = Uni.createFrom().item(() -> Bodies.required(body))
                .flatMap(request -> checked(tenant, request));
        return RestMulti.fromUniResponse(download, Download::body, Download::headers);
    }

    /**
     * The export the use case checked and resolved, in the format asked for. The format is the REST API's own field;
     * its problem is reported together with the use case's (which checks the scope first, then the other fields,
     * then looks the survey up): among the field checks, before the lookup.
     */
    private Uni<Download> checked(Caller tenant, ExportRequest request) {
        FormatChoice format = FormatChoice.of(request.format());
        return exports.export(tenant, request.toCommand())
                .onFailure().transform(failure -> format.problem() == null ? failure
                        : withFormat(failure, format.problem()))
                .map(export -> {
                    if (format.problem() != null) {
                        throw format.problem();
                    }
                    return new Download(export, format.format(), json);
                });
    }

    /** The format asked for, or why there is none. */
    private record FormatChoice(ExportFormat format, InvalidValue problem) {

        static FormatChoice of(String name) {
            try {
                return new FormatChoice(ExportFormat.parse(name), null);
            } catch (InvalidValue invalid) {
                return new FormatChoice(null, invalid);
            }
        }
    }

    private static Throwable withFormat(Throwable failure, InvalidValue formatProblem) {
        return switch (failure) {
            case InvalidValue invalid -> {
                List<Violation> all = new ArrayList<>(invalid.violations());
                all.addAll(formatProblem.violations());
                yield new InvalidValue(all);
            }
            case NotFound ignored -> formatProblem;
            default -> failure;
        };
    }

    /**
     * The body: the writer's start and the responses, {@value #CHUNK_RESPONSES} to a chunk. The start goes out with
     * the first chunk, so a stream that fails before its first response is still answered with a problem (and logged
     * by {@link ProblemMapper}). A failure after it is logged here, once; the HTTP layer then closes the connection
     * without the final chunk (its own log line for this is turned off in the platform's configuration). A client
     * that goes away cancels the stream, which is no failure.
     */
    static Multi<Buffer> chunks(SurveyId survey, Multi<Response> responses, ExportWriter writer) {
        return Multi.createFrom().deferred(() -> {
            long[] sent = {0};
            return responses
                    .group().intoLists().of(CHUNK_RESPONSES)
                    .map(batch -> {
                        Buffer chunk = Buffer.buffer(batch.size() * 256);
                        if (sent[0] == 0) {
                            writer.begin(chunk);
                        }
                        batch.forEach(response -> writer.write(response, chunk));
                        sent[0] += batch.size();
                        return chunk;
                    })
                    .onCompletion().ifEmpty().continueWith(() -> {
                        Buffer start = Buffer.buffer();
                        writer.begin(start);
                        return start.length() == 0 ? List.of() : List.of(start);
                    })
                    .onFailure().invoke(failure -> {
                        if (sent[0] > 0) {
                            LOG.errorf(failure, "Export of survey %s failed after %d responses had gone out: the "
                                    + "stream is cut", survey.value(), sent[0]);
                        }
                    })
                    .onCancellation().invoke(() -> LOG.debugf("Export of survey %s ended by the client after %d "
                            + "responses", survey.value(), sent[0]));
        });
    }
}
