package io.touchstone.domain.tenant;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What an API key (or any caller) may do within its tenant. */
public enum Scope {
    KEYS_ADMIN("keys:admin"),
    SURVEYS_READ("surveys:read"),
    SURVEYS_WRITE("surveys:write"),
    RESPONSES_WRITE("responses:write"),
    RESPONSES_READ("responses:read"),
    METRICS_READ("metrics:read"),
    JOURNEYS_READ("journeys:read"),
    JOURNEYS_WRITE("journeys:write"),
    INTERACTIONS_WRITE("interactions:write");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in APIs and storage, e.g. {@code surveys:read}. */
    public String wireName() {
        return wireName;
    }

    public static Scope fromWireName(String field, String name) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(name)) {
                return scope;
            }
        }
        throw new InvalidValue(field, "api-key.scope-unknown", "unknown scope '" + name + "'; known scopes: "
                + Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", ")));
    }
}
