package io.touchstone.application.port.in;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Items in a stable order, and the cursor of the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
