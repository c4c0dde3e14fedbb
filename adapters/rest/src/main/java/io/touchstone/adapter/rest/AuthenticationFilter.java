package io.touchstone.adapter.rest;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.AuthenticateUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Establishes who calls, before the request body is read: under {@code /api/v1/admin} the bearer token (the
 * configured operator token or an access token with the operator role); everywhere else under {@code /api/v1} the
 * {@code X-API-Key} of a tenant's integration or, when no key is sent, the bearer access token of an internal service
 * (a cross-tenant service names the tenant in {@code X-Tenant-Id}). Runs only for requests that matched an endpoint;
 * a failure becomes a 401 (or 403) problem.
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
        String bearer = bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (ApiPaths.isAdmin(path)) {
            return authenticate.byBearerToken(bearer, null).invoke(caller::set).replaceWithVoid();
        }
        String apiKey = headers.getHeaderString(ApiPaths.API_KEY_HEADER);
        if ((apiKey == null || apiKey.isBlank()) && bearer != null) {
            return authenticate.byBearerToken(bearer, headers.getHeaderString(ApiPaths.TENANT_HEADER))
                    .invoke(caller::set)
                    .replaceWithVoid();
        }
        return authenticate.byApiKey(apiKey).invoke(caller::set).replaceWithVoid();
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
