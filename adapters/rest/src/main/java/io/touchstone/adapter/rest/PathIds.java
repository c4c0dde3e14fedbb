package io.touchstone.adapter.rest;

import io.touchstone.domain.shared.error.NotFound;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifiers taken from a URL path. Something that is not a UUID cannot name an existing resource, so it is
 * answered exactly like an unknown id: 404 with the resource's not-found code.
 */
final class PathIds {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {
    }

    static UUID survey(String raw) {
        return parse(raw, "survey.not-found", "survey");
    }

    static UUID response(String raw) {
        return parse(raw, "response.not-found", "response");
    }

    static UUID journey(String raw) {
        return parse(raw, "journey.not-found", "journey");
    }

    static UUID stage(String raw) {
        return parse(raw, "stage.not-found", "stage");
    }

    static UUID touchpoint(String raw) {
        return parse(raw, "touchpoint.not-found", "touchpoint");
    }

    static UUID tenant(String raw) {
        return parse(raw, "tenant.not-found", "tenant");
    }

    static UUID apiKey(String raw) {
        return parse(raw, "api-key.not-found", "API key");
    }

    private static UUID parse(String raw, String code, String what) {
        if (raw == null || !UUID_FORM.matcher(raw).matches()) {
            throw new NotFound(code, "no " + what + " with this id");
        }
        return UUID.fromString(raw);
    }
}
