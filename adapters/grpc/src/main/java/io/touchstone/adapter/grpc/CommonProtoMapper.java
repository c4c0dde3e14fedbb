package io.touchstone.adapter.grpc;

import com.google.protobuf.Timestamp;
import io.touchstone.application.port.in.PageRequest;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.Violation;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.LocalizedText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Mapping shared by the areas: ids, times, texts in several languages and pages. */
final class CommonProtoMapper {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_ECHOED_ID_LENGTH = 64;

    private CommonProtoMapper() {
    }

    /**
     * The id a request names. Text that is not a UUID cannot name anything that exists, so it is reported as
     * {@code notFoundCode} for the {@code resource}, as an unknown UUID would be.
     */
    static UUID id(String value, String resource, String notFoundCode) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw new NotFound(notFoundCode, "no " + resource + " '" + echo(value) + "'");
        }
        return UUID.fromString(value);
    }

    /** Like {@link #id} but an empty string means "not given" (null), which the use case reports as missing. */
    static UUID optionalId(String value, String resource, String notFoundCode) {
        return value.isEmpty() ? null : id(value, resource, notFoundCode);
    }

    /** proto3 strings cannot be absent; an empty one means "not given". */
    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static io.touchstone.proto.v1.LocalizedText localizedText(LocalizedText text) {
        Map<String, String> texts = new LinkedHashMap<>();
        text.texts().forEach((language, value) -> texts.put(language.value(), value));
        return io.touchstone.proto.v1.LocalizedText.newBuilder().putAllTexts(texts).build();
    }

    static Map<String, String> texts(io.touchstone.proto.v1.LocalizedText text) {
        return text.getTextsMap();
    }

    static String language(LanguageTag language) {
        return language.value();
    }

    /** A page request; page_size 0 means the default size. Violations name the request's fields. */
    static PageRequest page(io.touchstone.proto.v1.PageRequest page) {
        int size = page.getPageSize() == 0 ? PageRequest.DEFAULT_LIMIT : page.getPageSize();
        try {
            return new PageRequest(size, Optional.of(page.getPageToken()));
        } catch (InvalidValue invalid) {
            throw pageFields(invalid);
        }
    }

    /**
     * The application names a list's paging inputs {@code limit} and {@code cursor}; in this API they are
     * {@code page.pageSize} and {@code page.pageToken}.
     */
    static Throwable pageFields(Throwable failure) {
        return failure instanceof InvalidValue invalid ? pageFields(invalid) : failure;
    }

    private static InvalidValue pageFields(InvalidValue invalid) {
        return new InvalidValue(invalid.violations().stream()
                .map(v -> switch (v.field()) {
                    case "limit" -> new Violation("page.pageSize", v.code(), v.description());
                    case "cursor" -> new Violation("page.pageToken", v.code(), v.description());
                    default -> v;
                })
                .toList());
    }

    static String nextPageToken(Optional<String> cursor) {
        return cursor.orElse("");
    }

    private static String echo(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.codePoints()
                .limit(MAX_ECHOED_ID_LENGTH)
                .map(c -> c >= 0x20 && c < 0x7F ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return value.codePointCount(0, value.length()) > MAX_ECHOED_ID_LENGTH ? printable + "..." : printable;
    }
}
