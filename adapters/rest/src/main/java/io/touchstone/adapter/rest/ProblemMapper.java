package io.touchstone.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.touchstone.application.error.AccessException;
import io.touchstone.application.error.Forbidden;
import io.touchstone.application.error.RateLimited;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.error.Unavailable;
import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.shared.error.DomainException;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.shared.error.Violation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: every error is an {@code application/problem+json} body carrying
 * the same stable code as the gRPC API. Exhaustive over the domain's and the application's sealed error hierarchies;
 * anything unexpected is logged and answered with a generic 500 that reveals nothing of the internals.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    static final String MALFORMED_JSON = "request.malformed-json";
    static final String WRONG_TYPE = "request.wrong-type";
    static final String UNKNOWN_FIELD = "request.unknown-field";
    static final String BODY_REQUIRED = "request.body-required";
    static final String TOO_LARGE = "request.too-large";
    static final String ROUTE_NOT_FOUND = "request.route-not-found";
    static final String INTERNAL = "internal";

    @ServerExceptionMapper
    public RestResponse<Problem> domain(DomainException failure, HttpServerRequest request) {
        String path = request.path();
        return switch (failure) {
            case InvalidValue invalid -> invalid(invalid, path);
            case NotFound notFound -> respond(notFound(notFound, path));
            case Conflict conflict -> respond(problem(409, conflict, path));
            case RuleViolated rule -> respond(problem(422, rule, path));
        };
    }

    /** The problem a domain failure is answered with, for answers that report failures per item (event batches). */
    static Problem problemOf(DomainException failure, String path) {
        return switch (failure) {
            case InvalidValue invalid -> Problem.invalid(400, title(400), invalid.violations(), invalid.getMessage(),
                    path);
            case NotFound notFound -> notFound(notFound, path);
            case Conflict conflict -> problem(409, conflict, path);
            case RuleViolated rule -> problem(422, rule, path);
        };
    }

    @ServerExceptionMapper
    public RestResponse<Problem> access(AccessException failure, HttpServerRequest request) {
        String path = request.path();
        return switch (failure) {
            case Unauthenticated unauthenticated -> builder(
                    problem(401, unauthenticated.code(), unauthenticated.getMessage(), path))
                    .header(HttpHeaders.WWW_AUTHENTICATE, ApiPaths.isAdmin(path)
                            ? "Bearer realm=\"touchstone-operator\""
                            : "ApiKey realm=\"touchstone\", header=\"" + ApiPaths.API_KEY_HEADER + "\", "
                                    + "Bearer realm=\"touchstone\"")
                    .build();
            case Forbidden forbidden -> respond(problem(403, forbidden.code(), forbidden.getMessage(), path));
            case RateLimited limited -> builder(problem(429, limited.code(), limited.getMessage(), path))
                    .header("Retry-After", retryAfterSeconds(limited.retryAfter()))
                    .build();
        };
    }

    /** A system the service depends on (the identity provider) could not be reached; nothing was changed. */
    @ServerExceptionMapper
    public RestResponse<Problem> unavailable(Unavailable failure, HttpServerRequest request) {
        return builder(problem(503, failure.code(), failure.getMessage(), request.path()))
                .header("Retry-After", "30")
                .build();
    }

    /** A body that is not JSON at all, or JSON of the wrong shape for the endpoint. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, InvalidFormatException.class})
    public RestResponse<Problem> json(JsonProcessingException failure, HttpServerRequest request) {
        return fromJson(failure, request.path());
    }

    /** Failures JAX-RS itself raises: no such route, wrong method or media type, a body it could not read. */
    @ServerExceptionMapper({WebApplicationException.class, ClientErrorException.class, NotFoundException.class,
            NotAllowedException.class, NotSupportedException.class, NotAcceptableException.class,
            BadRequestException.class})
    public RestResponse<Problem> web(WebApplicationException failure, HttpServerRequest request) {
        String path = request.path();
        if (failure.getCause() instanceof JsonProcessingException json) {
            return fromJson(json, path);
        }
        if (failure.getCause() instanceof BodyLimit.TooLarge tooLarge) {
            return unreadable(tooLarge, request);
        }
        int status = failure.getResponse().getStatus();
        return switch (status) {
            case 404 -> respond(problem(404, ROUTE_NOT_FOUND, "no endpoint at " + path, path));
            case 405 -> {
                var response = builder(problem(405, "request.method-not-allowed",
                        request.method() + " is not supported here", path));
                String allow = failure.getResponse().getHeaderString(HttpHeaders.ALLOW);
                if (allow != null) {
                    response.header(HttpHeaders.ALLOW, allow);
                }
                yield response.build();
            }
            case 406 -> respond(problem(406, "request.not-acceptable",
                    "this endpoint answers with application/json", path));
            case 413 -> respond(problem(413, TOO_LARGE, tooLargeDetail(), path));
            case 415 -> respond(problem(415, "request.unsupported-media-type",
                    "send the body as application/json", path));
            default -> {
                if (status >= 400 && status < 500) {
                    yield respond(problem(status, "request.invalid", "the request could not be processed", path));
                }
                yield internal(failure, path);
            }
        };
    }

    /** The body could not be read: it grew past the limit, or the HTTP server already refused it. */
    @ServerExceptionMapper({IOException.class, BodyLimit.TooLarge.class})
    public RestResponse<Problem> unreadable(IOException failure, HttpServerRequest request) {
        String path = request.path();
        if (failure instanceof BodyLimit.TooLarge || request.response().headWritten()) {
            if (request.response().headWritten()) {
                // the server answered 413 itself (quarkus.http.limits.max-body-size); nothing more can be sent
                LOG.debugf("Body of %s refused by the HTTP server's limit", path);
            }
            return builder(problem(413, TOO_LARGE, tooLargeDetail(), path))
                    .header("Connection", "close") // the rest of the body is never read
                    .build();
        }
        return internal(failure, path);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable failure, HttpServerRequest request) {
        return internal(failure, request.path());
    }

    static String tooLargeDetail() {
        return "the request body exceeds " + RequestLimits.MAX_BODY_BYTES + " bytes";
    }

    private static RestResponse<Problem> internal(Throwable failure, String path) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure of %s (incident %s)", path, incident);
        return respond(problem(500, INTERNAL, "An unexpected error occurred (incident " + incident + ").", path));
    }

    private static RestResponse<Problem> invalid(InvalidValue invalid, String path) {
        InvalidValue named = new InvalidValue(invalid.violations().stream().map(ProblemMapper::toHeaderName).toList());
        return respond(Problem.invalid(400, title(400), named.violations(), named.getMessage(), path));
    }

    /** The use case names the idempotency key as a command field; over HTTP it travels in a header. */
    private static Violation toHeaderName(Violation violation) {
        return violation.field().equals("idempotencyKey")
                ? new Violation(ApiPaths.IDEMPOTENCY_KEY_HEADER, violation.code(), violation.description())
                : violation;
    }

    private static RestResponse<Problem> fromJson(JsonProcessingException failure, String path) {
        if (failure instanceof InvalidDefinitionException) {
            return internal(failure, path); // a request type Jackson cannot handle: our fault, not the client's
        }
        return invalid(jsonViolation(failure), path);
    }

    private static InvalidValue jsonViolation(JsonProcessingException failure) {
        if (failure instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamReadException read) {
            // the reader failed while a value was being mapped: the wrapper knows where, the cause what
            return read instanceof InputCoercionException
                    ? new InvalidValue(path(mapping), WRONG_TYPE, "the number does not fit the expected type")
                    : new InvalidValue("", MALFORMED_JSON, describeMalformed(read));
        }
        return switch (failure) {
            case UnrecognizedPropertyException unknown -> new InvalidValue(path(unknown), UNKNOWN_FIELD,
                    "'" + unknown.getPropertyName() + "' is not a field of this request");
            case ValueInstantiationException instantiation -> new InvalidValue(path(instantiation), WRONG_TYPE,
                    "this value cannot be used here");
            case MismatchedInputException mismatched when isEmptyInput(mismatched) ->
                    new InvalidValue("", BODY_REQUIRED, "this request needs a JSON body");
            case MismatchedInputException mismatched when endedEarly(mismatched) ->
                    new InvalidValue("", MALFORMED_JSON, describeMalformed(mismatched));
            case MismatchedInputException mismatched -> new InvalidValue(path(mismatched), WRONG_TYPE,
                    "must be " + expected(mismatched.getTargetType()));
            case JsonMappingException mapping -> new InvalidValue(path(mapping), WRONG_TYPE,
                    "this value cannot be used here");
            case InputCoercionException coercion -> new InvalidValue(parserPath(coercion), WRONG_TYPE,
                    "the number does not fit the expected type");
            case StreamConstraintsException constraints -> new InvalidValue("", MALFORMED_JSON,
                    "the JSON nests or repeats beyond the service's limits");
            default -> new InvalidValue("", MALFORMED_JSON, describeMalformed(failure));
        };
    }

    private static boolean isEmptyInput(MismatchedInputException failure) {
        return failure.getPath().isEmpty() && failure.getOriginalMessage() != null
                && failure.getOriginalMessage().startsWith("No content to map");
    }

    /** The body stopped in the middle of a value: a truncated document, not a value of the wrong type. */
    private static boolean endedEarly(MismatchedInputException failure) {
        return failure.getOriginalMessage() != null && failure.getOriginalMessage().contains("end-of-input");
    }

    /** The JSON path of the offending value, e.g. {@code answers[0].score}. */
    static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String parserPath(JsonProcessingException failure) {
        if (failure.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) {
            return pointerToPath(parser.getParsingContext().pathAsPointer().toString());
        }
        return "";
    }

    private static String pointerToPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    /** Where the body stopped being JSON; the message never repeats the body's content. */
    private static String describeMalformed(JsonProcessingException failure) {
        var location = failure.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "the body is not well-formed JSON";
        }
        return "the body is not well-formed JSON (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.Instant.class) {
            return "a timestamp such as 2027-01-01T00:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another JSON type";
    }

    private static Problem notFound(NotFound failure, String path) {
        return Problem.of(404, title(404), failure.code(), failure.getMessage(), failure.field(), path);
    }

    private static Problem problem(int status, DomainException failure, String path) {
        return problem(status, failure.code(), failure.getMessage(), path);
    }

    static Problem problem(int status, String code, String detail, String path) {
        return Problem.of(status, title(status), code, detail, path);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid value";
            case 401 -> "Unauthenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Rule violated";
            case 429 -> "Too many requests";
            case 500 -> "Internal error";
            case 503 -> "Service unavailable";
            default -> status < 500 ? "Invalid request" : "Internal error";
        };
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return builder(problem).build();
    }

    private static RestResponse.ResponseBuilder<Problem> builder(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status())
                .entity(problem)
                .type(Problem.MEDIA_TYPE);
    }

    private static String retryAfterSeconds(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Long.toString(seconds);
    }

}
