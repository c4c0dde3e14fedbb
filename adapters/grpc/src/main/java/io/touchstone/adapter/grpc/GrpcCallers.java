package io.touchstone.adapter.grpc;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.AuthenticateUseCase;
import io.touchstone.application.port.in.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns the credential of the current gRPC call into a {@link Caller}. */
@ApplicationScoped
public class GrpcCallers {

    private final AuthenticateUseCase authenticate;

    @Inject
    public GrpcCallers(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    /**
     * The caller of the current call, seen coming from the client's address, failing with {@code Unauthenticated} when the key is missing or not valid. Call it
     * directly in the service method: the key is read from the call's context at once, not on subscription.
     */
    public Uni<Caller> current() {
        String presented = ApiKeyInterceptor.API_KEY.get();
        String address = ClientAddressInterceptor.CLIENT_ADDRESS.get();
        return Uni.createFrom().deferred(() -> authenticate.byApiKey(presented)).map(caller -> caller.from(address));
    }
}
