package io.touchstone.domain.shared.error;

import java.util.List;

/** The input is malformed or out of range. Carries one or more field violations; the first gives the code. */
public final class InvalidValue extends DomainException {

    private final List<Violation> violations;

    public InvalidValue(String field, String code, String description) {
        this(List.of(new Violation(field, code, description)));
    }

    public InvalidValue(List<Violation> violations) {
        super(first(violations).code(), describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The same violations, with their field paths placed under {@code prefix} (e.g. {@code questions[2]}). */
    public InvalidValue under(String prefix) {
        return new InvalidValue(violations.stream().map(v -> v.under(prefix)).toList());
    }

    private static Violation first(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidValue needs at least one violation");
        }
        return violations.getFirst();
    }

    private static String describe(List<Violation> violations) {
        Violation first = first(violations);
        String where = first.field().isEmpty() ? "" : first.field() + ": ";
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return where + first.description() + more;
    }
}
