package io.touchstone.domain.analytics;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What figures can be grouped and filtered by. Its name is the same in both APIs: {@code survey}, {@code question},
 * {@code scale}, {@code language}, {@code channel}, or {@code attribute:<key>} for a response attribute (a key of
 * the response's metadata). Survey, question and scale are properties of the question an answer belongs to; the
 * others are properties of the response.
 *
 * @param attributeKey the metadata key of an {@code ATTRIBUTE} dimension, null for every other kind
 */
public record Dimension(Kind kind, String attributeKey) {

    public static final String ATTRIBUTE_PREFIX = "attribute:";
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public static final Dimension SURVEY = new Dimension(Kind.SURVEY, null);
    public static final Dimension QUESTION = new Dimension(Kind.QUESTION, null);
    public static final Dimension SCALE = new Dimension(Kind.SCALE, null);
    public static final Dimension LANGUAGE = new Dimension(Kind.LANGUAGE, null);
    public static final Dimension CHANNEL = new Dimension(Kind.CHANNEL, null);

    public enum Kind {
        SURVEY(true), QUESTION(true), SCALE(true), LANGUAGE(false), CHANNEL(false), ATTRIBUTE(false);

        private final boolean ofQuestion;

        Kind(boolean ofQuestion) {
            this.ofQuestion = ofQuestion;
        }
    }

    public Dimension {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ATTRIBUTE) != (attributeKey != null)) {
            throw new IllegalArgumentException("exactly the attribute dimension has a key");
        }
        if (attributeKey != null && !ATTRIBUTE_KEY.matcher(attributeKey).matches()) {
            throw new InvalidValue("", "query.dimension-unknown",
                    "an attribute key has 1-64 letters, digits, '_', '-' or '.'");
        }
    }

    public static Dimension attribute(String key) {
        return new Dimension(Kind.ATTRIBUTE, key);
    }

    /** The dimension called {@code name}; {@code query.dimension-unknown} when there is none. */
    public static Dimension parse(String name) {
        if (name != null && name.startsWith(ATTRIBUTE_PREFIX)) {
            return attribute(name.substring(ATTRIBUTE_PREFIX.length()));
        }
        return switch (name == null ? "" : name) {
            case "survey" -> SURVEY;
            case "question" -> QUESTION;
            case "scale" -> SCALE;
            case "language" -> LANGUAGE;
            case "channel" -> CHANNEL;
            default -> throw new InvalidValue("", "query.dimension-unknown", "'" + name + "' is not a dimension; "
                    + "one of survey, question, scale, language, channel, attribute:<key>");
        };
    }

    /** Survey, question and scale: read off the question an answer belongs to, not off the response. */
    public boolean ofQuestion() {
        return kind.ofQuestion;
    }

    /** The name both APIs use, e.g. {@code channel} or {@code attribute:store}. */
    public String name() {
        return kind == Kind.ATTRIBUTE ? ATTRIBUTE_PREFIX + attributeKey : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return name();
    }
}
