package io.touchstone.application.service;

import io.touchstone.application.port.in.Page;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.domain.shared.error.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Opaque page cursors over id-ordered lists: the client gets a token, storage a keyset position. */
final class Cursors {

    private static final String VERSION = "v1:";

    private Cursors() {
    }

    /** Asks storage for one row more than the page holds, to learn whether another page follows. */
    static KeysetPage keyset(PageRequest page) {
        return new KeysetPage(page.limit() + 1, page.cursor().map(Cursors::decode));
    }

    static <T> Page<T> page(List<T> rows, PageRequest page, Function<T, UUID> id) {
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, page.limit());
        return new Page<>(items, Optional.of(encode(id.apply(items.getLast()))));
    }

    static String encode(UUID last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + last).getBytes(StandardCharsets.UTF_8));
    }

    static UUID decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION)) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            return UUID.fromString(text.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("cursor", "page.cursor-invalid", "not a cursor this list handed out");
        }
    }
}
