package io.touchstone.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchstone.domain.shared.error.Violation;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error as {@code application/problem+json} (RFC 9457), extended with the stable error {@code code}, the first
 * offending {@code field} and every field violation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error (RFC 9457 problem details) with a stable code")
public record Problem(
        @Schema(description = "https://touchstone.io/problems/<code>") String type,
        @Schema(description = "Short category of the error, e.g. 'Invalid value'") String title,
        int status,
        @Schema(description = "Human-readable explanation; may change, do not parse") String detail,
        @Schema(description = "Stable error code, e.g. survey.not-found; the same codes as the gRPC API") String code,
        @Schema(description = "Path of the first offending field, e.g. answers[0].score") String field,
        List<FieldViolation> violations,
        @Schema(description = "Path of the request that failed") String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://touchstone.io/problems/";

    public record FieldViolation(String field, String code, String description) {
    }

    static Problem of(int status, String title, String code, String detail, String instance) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, null, null, instance);
    }

    /** A problem that names the request field it is about (e.g. an id in the body that names nothing). */
    static Problem of(int status, String title, String code, String detail, String field, String instance) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, field.isEmpty() ? null : field, null,
                instance);
    }

    static Problem invalid(int status, String title, List<Violation> violations, String detail, String instance) {
        Violation first = violations.getFirst();
        List<FieldViolation> all = violations.stream()
                .map(v -> new FieldViolation(v.field(), v.code(), v.description()))
                .toList();
        String field = first.field().isEmpty() ? null : first.field();
        return new Problem(TYPE_BASE + first.code(), title, status, detail, first.code(), field, all, instance);
    }
}
