package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, as {@link AuthenticationFilter} established it before the body was read. */
@RequestScoped
public class RequestCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no caller was authenticated for this request");
        }
        return caller;
    }
}
