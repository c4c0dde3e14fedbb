package io.touchstone.application.port.in;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.Optional;

/** One page of a list: at most {@code limit} items after the position the opaque {@code cursor} marks. */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit", "page.limit-out-of-range", "must lie within 1.." + MAX_LIMIT);
        }
        cursor = cursor.filter(c -> !c.isBlank());
    }

    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, Optional.ofNullable(cursor));
    }
}
