package io.touchstone.adapter.grpc;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.AuthenticateUseCase;
import io.touchstone.application.port.in.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns the credential of the current gRPC call into a {@link Caller}. */
@ApplicationScoped
public class GrpcCallers {

    private static final String BEARER = "bearer ";

    private final AuthenticateUseCase authenticate;

    @Inject
    public GrpcCallers(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    /**
     * The caller of the current call, seen coming from the client's address, failing with {@code Unauthenticated} when the credential is missing or not
     * valid: the API key ({@code x-api-key}) when one was sent, else the bearer token ({@code authorization}). Call it
     * directly in the service method: the credentials are read from the call's context at once, not on subscription.
     */
    public Uni<Caller> current() {
        String apiKey = CredentialsInterceptor.API_KEY.get();
        String bearer = bearerToken(CredentialsInterceptor.AUTHORIZATION.get());
        String tenant = CredentialsInterceptor.TENANT.get();
        String address = ClientAddressInterceptor.CLIENT_ADDRESS.get();
        Uni<Caller> caller = (apiKey == null || apiKey.isBlank()) && bearer != null
                ? Uni.createFrom().deferred(() -> authenticate.byBearerToken(bearer, tenant))
                : Uni.createFrom().deferred(() -> authenticate.byApiKey(apiKey));
        return caller.map(known -> known.from(address));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
