package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.Caller;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The caller of the current request, as {@link AuthenticationFilter} established it before the body was read, seen
 * coming from the client's address (the peer of the connection, or the forwarded client when the HTTP server is
 * configured to trust proxy headers).
 */
@RequestScoped
public class RequestCaller {

    @Inject
    HttpServerRequest request;

    private Caller caller;

    void set(Caller caller) {
        SocketAddress remote = request.remoteAddress();
        this.caller = caller.from(remote == null ? null : remote.hostAddress());
    }

    Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no caller was authenticated for this request");
        }
        return caller;
    }
}
