package io.touchstone.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Guards of the API at the HTTP layer, before any resource runs: a body announced larger than 1 MiB is refused with
 * a 413 problem before a byte of it is read, and any path under {@code /api/v1} that no endpoint serves gets a 404
 * problem. {@code quarkus.http.limits.max-body-size=1M} stays the backstop for bodies sent without a length.
 */
@ApplicationScoped
public class RequestLimits {

    /** 1 MiB. */
    public static final long MAX_BODY_BYTES = 1024L * 1024;

    /** Runs early among the HTTP filters; higher runs sooner. */
    private static final int FILTER_PRIORITY = 1_000;

    @Inject
    ObjectMapper json;

    void registerBodyLimit(@Observes Filters filters) {
        filters.register(this::refuseOversizedBody, FILTER_PRIORITY);
    }

    void registerApiNotFound(@Observes Router router) {
        router.route(ApiPaths.ROOT + "/*").order(Integer.MAX_VALUE).handler(context -> {
            String path = context.request().path();
            send(context, ProblemMapper.problem(404, ProblemMapper.ROUTE_NOT_FOUND, "no endpoint at " + path, path),
                    false);
        });
    }

    private void refuseOversizedBody(RoutingContext context) {
        String path = context.request().path();
        if (ApiPaths.isApi(path) && announcedLength(context) > MAX_BODY_BYTES) {
            send(context, ProblemMapper.problem(413, ProblemMapper.TOO_LARGE, ProblemMapper.tooLargeDetail(), path),
                    true);
            return;
        }
        context.next();
    }

    private static long announcedLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP server refuses a malformed length itself
        }
    }

    private void send(RoutingContext context, Problem problem, boolean closeConnection) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        var response = context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (closeConnection) {
            // the unread body must not be taken for the next request on this connection
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(Buffer.buffer(body));
    }
}
