package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.AuthenticateUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Establishes who calls, before the request body is read: the operator (bearer token) under {@code /api/v1/admin},
 * a tenant's integration ({@code X-API-Key}) everywhere else under {@code /api/v1}. Runs only for requests that
 * matched an endpoint; a failure becomes a 401 problem.
 */
public class AuthenticationFilter {

    private static final String BEARER = "bearer ";

    @Inject
    AuthenticateUseCase authenticate;

    @Inject
    RequestCaller caller;

    @ServerRequestFilter
    public Uni<Void> authenticate(UriInfo uri, HttpHeaders headers) {
        String path = uri.getPath();
        if (!ApiPaths.isApi(path)) {
            return Uni.createFrom().voidItem();
        }
        if (ApiPaths.isAdmin(path)) {
            return Uni.createFrom()
                    .item(() -> authenticate.byOperatorToken(bearerToken(headers.getHeaderString(
                            HttpHeaders.AUTHORIZATION))))
                    .invoke(caller::set)
                    .replaceWithVoid();
        }
        return authenticate.byApiKey(headers.getHeaderString(ApiPaths.API_KEY_HEADER))
                .invoke(caller::set)
                .replaceWithVoid();
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
