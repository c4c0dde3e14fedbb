package io.touchstone.adapter.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Carries the credentials a client sent — the API key in {@code x-api-key}, or a bearer token in
 * {@code authorization} with the tenant a cross-tenant service names in {@code x-tenant-id} — into the call's
 * {@link Context}, where the services pick them up. It checks nothing itself (the services authenticate) and never
 * logs a credential.
 */
@GlobalInterceptor
@ApplicationScoped
public class CredentialsInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> API_KEY_HEADER = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> AUTHORIZATION_HEADER =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TENANT_HEADER = Metadata.Key.of("x-tenant-id", Metadata.ASCII_STRING_MARSHALLER);

    /** What the client presented; each absent when the client sent none. */
    static final Context.Key<String> API_KEY = Context.key("touchstone-api-key");
    static final Context.Key<String> AUTHORIZATION = Context.key("touchstone-authorization");
    static final Context.Key<String> TENANT = Context.key("touchstone-tenant");

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
            ServerCallHandler<ReqT, RespT> next) {
        String apiKey = headers.get(API_KEY_HEADER);
        String authorization = headers.get(AUTHORIZATION_HEADER);
        if (apiKey == null && authorization == null) {
            return next.startCall(call, headers);
        }
        Context context = Context.current().withValues(API_KEY, apiKey, AUTHORIZATION, authorization,
                TENANT, headers.get(TENANT_HEADER));
        return Contexts.interceptCall(context, call, headers, next);
    }
}
