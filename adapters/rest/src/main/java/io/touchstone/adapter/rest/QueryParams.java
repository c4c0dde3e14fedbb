package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.PageRequest;
import io.touchstone.domain.shared.error.InvalidValue;

/** Query parameters arrive as text; a value of the wrong form is a 400 naming the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static PageRequest page(String limit, String cursor) {
        return PageRequest.of(integer("limit", limit), cursor);
    }

    /** Null when the parameter is absent. */
    static Integer integer(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValue(name, ProblemMapper.WRONG_TYPE, "must be a whole number");
        }
    }
}
