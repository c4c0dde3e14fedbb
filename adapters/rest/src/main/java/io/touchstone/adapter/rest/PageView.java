package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.Page;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; pass {@code nextCursor} as {@code ?cursor=} to get the next one. */
public record PageView<T>(
        List<T> items,
        @Schema(description = "Cursor of the next page; null on the last page") String nextCursor) {

    static <D, T> PageView<T> of(Page<D> page, Function<D, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor().orElse(null));
    }
}
