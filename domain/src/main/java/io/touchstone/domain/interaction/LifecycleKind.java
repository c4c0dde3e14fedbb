package io.touchstone.domain.interaction;

import io.touchstone.domain.shared.error.InvalidValue;

/** What happened to a customer: became an active customer, or was lost. */
public enum LifecycleKind {
    ACTIVATED, CHURNED;

    /** The kind named {@code name}; {@code lifecycle.kind-unknown} otherwise. */
    public static LifecycleKind parse(String name) {
        if (name == null) {
            throw new InvalidValue("", "value.required", "must not be empty");
        }
        for (LifecycleKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new InvalidValue("", "lifecycle.kind-unknown", "'" + name + "' is not ACTIVATED or CHURNED");
    }
}
