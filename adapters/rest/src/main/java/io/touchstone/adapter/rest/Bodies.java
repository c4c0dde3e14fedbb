package io.touchstone.adapter.rest;

import io.touchstone.domain.shared.error.InvalidValue;

/** Request bodies as the JSON reader delivered them: an empty body or a JSON {@code null} arrives as null. */
final class Bodies {

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidValue("", ProblemMapper.BODY_REQUIRED, "this request needs a JSON body");
        }
        return body;
    }
}
