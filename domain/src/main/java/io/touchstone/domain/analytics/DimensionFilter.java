package io.touchstone.domain.analytics;

import io.touchstone.domain.response.Channel;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.survey.LanguageTag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the answers or responses whose value of {@code dimension} is ({@code EQUALS}, {@code IN}) or is not
 * ({@code NOT_IN}) one of {@code values}. A response without a value (no channel, no such attribute) never equals and
 * is never in a list, and is always "not in" one. Channels must be known; languages are BCP 47 tags, kept in the
 * canonical form responses are stored in ({@code en-gb} becomes {@code en-GB}); survey, journey, stage and touchpoint
 * ids are kept in lower case.
 */
public record DimensionFilter(Dimension dimension, Operator operator, List<String> values) {

    public static final int MAX_VALUES = 100;
    public static final int MAX_VALUE_LENGTH = 1_000;

    public enum Operator { EQUALS, IN, NOT_IN }

    public DimensionFilter {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(operator, "operator");
        Violations violations = new Violations();
        Set<String> checked = new LinkedHashSet<>();
        if (values == null || values.isEmpty() || (operator == Operator.EQUALS && values.size() != 1)
                || values.size() > MAX_VALUES) {
            violations.add("values", "query.filter-values-count", operator == Operator.EQUALS
                    ? "EQUALS takes exactly one value"
                    : operator + " takes 1 to " + MAX_VALUES + " values");
        } else {
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                String field = "values[" + i + "]";
                if (value == null) {
                    violations.add(field, "value.required", "must not be null");
                } else if (value.codePointCount(0, value.length()) > MAX_VALUE_LENGTH) {
                    violations.add(field, "value.too-long", "must have at most " + MAX_VALUE_LENGTH + " characters");
                } else if (dimension.kind() == Dimension.Kind.CHANNEL) {
                    violations.at(field, () -> Channel.parse(value));
                    checked.add(value);
                } else if (dimension.kind() == Dimension.Kind.LANGUAGE) {
                    // responses keep their language in canonical form (en-GB): compare in that form
                    LanguageTag language = violations.at(field, () -> LanguageTag.of(value));
                    checked.add(language == null ? value : language.value());
                } else if (dimension.ofIds()) {
                    checked.add(id(value));
                } else {
                    checked.add(value);
                }
            }
        }
        violations.throwIfAny();
        values = List.copyOf(checked);
    }

    /** An id in the form groups carry (lower case); anything else names nothing and stays as is. */
    private static String id(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException notUuid) {
            return value;
        }
    }

    /** Whether a value ({@code null}: none) passes the filter. */
    public boolean admits(String value) {
        Set<String> set = Set.copyOf(values);
        return switch (operator) {
            case EQUALS, IN -> value != null && set.contains(value);
            case NOT_IN -> value == null || !set.contains(value);
        };
    }

    /** Parses the operator's name; {@code query.filter-operator-unknown} when it is none of them. */
    public static Operator operator(String name) {
        for (Operator operator : Operator.values()) {
            if (operator.name().equals(name)) {
                return operator;
            }
        }
        throw new InvalidValue("", "query.filter-operator-unknown",
                "'" + name + "' is not a filter operator; one of EQUALS, IN, NOT_IN");
    }
}
