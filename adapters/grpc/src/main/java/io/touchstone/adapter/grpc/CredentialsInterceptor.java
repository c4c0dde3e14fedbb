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
 * Carries the API key a client sent in the {@code x-api-key} metadata into the call's {@link Context}, where the
 * services pick it up. It checks nothing itself (the services authenticate) and never logs the key.
 */
@GlobalInterceptor
@ApplicationScoped
public class ApiKeyInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> API_KEY_HEADER = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);

    /** The presented key; absent when the client sent none. */
    static final Context.Key<String> API_KEY = Context.key("touchstone-api-key");

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
            ServerCallHandler<ReqT, RespT> next) {
        String presented = headers.get(API_KEY_HEADER);
        if (presented == null) {
            return next.startCall(call, headers);
        }
        return Contexts.interceptCall(Context.current().withValue(API_KEY, presented), call, headers, next);
    }
}
