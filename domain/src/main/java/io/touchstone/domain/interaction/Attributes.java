package io.touchstone.domain.interaction;

import io.touchstone.domain.shared.Text;
import io.touchstone.domain.shared.error.Violations;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Free attributes of an event (segments, order numbers): at most 50, keys as response metadata keys (1-64 letters,
 * digits, '_', '-', '.', starting with a letter or digit — the keys a metrics {@code attribute:<key>} dimension
 * names), values of at most 500 characters.
 */
public final class Attributes {

    public static final int MAX_ENTRIES = 50;
    public static final int MAX_VALUE_LENGTH = 500;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Attributes() {
    }

    /** Records every problem of {@code attributes} under {@code path}; returns them sorted by key (null: none). */
    static Map<String, String> check(Violations violations, String path, Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        if (attributes.size() > MAX_ENTRIES) {
            violations.add(path, "attributes.too-many", "at most " + MAX_ENTRIES + " attributes");
            return Map.of();
        }
        Map<String, String> sorted = new TreeMap<>();
        attributes.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                violations.add(path, "attributes.key-invalid",
                        "key '" + key + "' must be 1-64 letters, digits, '_', '-' or '.'");
            } else if (value == null) {
                violations.add(path + "." + key, "value.required", "must not be null");
            } else if (violations.at(path + "." + key, () -> Text.bounded("", value, MAX_VALUE_LENGTH)) != null) {
                sorted.put(key, value);
            }
        });
        return Collections.unmodifiableMap(sorted);
    }
}
