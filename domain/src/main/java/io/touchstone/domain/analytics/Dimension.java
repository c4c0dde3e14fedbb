package io.touchstone.domain.analytics;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What figures can be grouped and filtered by. Its name is the same in both APIs: {@code survey}, {@code question},
 * {@code scale}, {@code language}, {@code channel}, {@code journey}, {@code stage}, {@code touchpoint},
 * {@code employee}, {@code team}, {@code location}, or {@code attribute:<key>} for a response attribute (a key of
 * the response's metadata). Survey, question and scale are properties of the question an answer belongs to; the
 * others are properties of the response. Journey, stage and touchpoint (their ids) and employee, team and location
 * are what a response inherited from the interaction it is about; a response about none has no value of them.
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
    public static final Dimension JOURNEY = new Dimension(Kind.JOURNEY, null);
    public static final Dimension STAGE = new Dimension(Kind.STAGE, null);
    public static final Dimension TOUCHPOINT = new Dimension(Kind.TOUCHPOINT, null);
    public static final Dimension EMPLOYEE = new Dimension(Kind.EMPLOYEE, null);
    public static final Dimension TEAM = new Dimension(Kind.TEAM, null);
    public static final Dimension LOCATION = new Dimension(Kind.LOCATION, null);

    public enum Kind {
        SURVEY(true), QUESTION(true), SCALE(true), LANGUAGE(false), CHANNEL(false), JOURNEY(false), STAGE(false),
        TOUCHPOINT(false), EMPLOYEE(false), TEAM(false), LOCATION(false), ATTRIBUTE(false);

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
            case "journey" -> JOURNEY;
            case "stage" -> STAGE;
            case "touchpoint" -> TOUCHPOINT;
            case "employee" -> EMPLOYEE;
            case "team" -> TEAM;
            case "location" -> LOCATION;
            default -> throw new InvalidValue("", "query.dimension-unknown", "'" + name + "' is not a dimension; "
                    + "one of survey, question, scale, language, channel, journey, stage, touchpoint, employee, team, "
                    + "location, attribute:<key>");
        };
    }

    /** Survey, question and scale: read off the question an answer belongs to, not off the response. */
    public boolean ofQuestion() {
        return kind.ofQuestion;
    }

    /** Survey, journey, stage and touchpoint: their values are ids (UUIDs in lower case). */
    public boolean ofIds() {
        return kind == Kind.SURVEY || kind == Kind.JOURNEY || kind == Kind.STAGE || kind == Kind.TOUCHPOINT;
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
