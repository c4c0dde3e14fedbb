package io.touchstone.domain.shared.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects violations while a larger input is checked, so that one answer names every problem. */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** Runs {@code step}; an {@link InvalidValue} it throws is recorded under {@code path} and null returned. */
    public <T> T at(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidValue invalid) {
            found.addAll(invalid.under(path).violations());
            return null;
        }
    }

    public void add(String field, String code, String description) {
        found.add(new Violation(field, code, description));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws an {@link InvalidValue} carrying everything recorded, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidValue(found);
        }
    }
}
