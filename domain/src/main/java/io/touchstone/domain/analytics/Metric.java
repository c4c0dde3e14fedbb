package io.touchstone.domain.analytics;

import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.survey.QuestionType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A figure the metrics query computes. Most are computed over the answers to one type of question; the response count
 * over responses; the abandonment rate over the interactions reported at touchpoints; the churn rate over customer
 * lifecycle events. Which dimensions a metric can be grouped and filtered by follows from what it is computed over
 * ({@link #appliesTo}).
 */
public enum Metric {
    /** Net Promoter Score over NPS answers, with a 95 % confidence interval. */
    NPS(QuestionType.NPS),
    /** CSAT %: share of satisfied answers to CSAT questions, with a 95 % confidence interval. */
    CSAT_PERCENT(QuestionType.CSAT),
    /** Mean score of CSAT answers. */
    CSAT_MEAN(QuestionType.CSAT),
    /** Mean of CES answers, normalised so that higher means easier. */
    CES_MEAN(QuestionType.CES),
    /** CES net: % agree − % disagree of CES answers. */
    CES_NET(QuestionType.CES),
    /** Number of responses. */
    RESPONSE_COUNT(null),
    /** Abandonment rate: 100 × abandoned / started interactions, with a 95 % confidence interval. */
    ABANDONMENT_RATE(null),
    /** Churn rate: 100 × customers lost during a period / customers active at its start. */
    CHURN_RATE(null);

    /** What a metric is computed over. */
    public enum Source {
        /** Answers to questions of one type. */
        ANSWERS,
        /** Responses. */
        RESPONSES,
        /** Interactions at touchpoints. */
        INTERACTIONS,
        /** Customer lifecycle events. */
        LIFECYCLE_EVENTS
    }

    private final QuestionType questionType;

    Metric(QuestionType questionType) {
        this.questionType = questionType;
    }

    /** The type of question whose answers the metric is computed over; empty for the response count. */
    public Optional<QuestionType> questionType() {
        return Optional.ofNullable(questionType);
    }

    /** Whether the figure carries a 95 % confidence interval. */
    public boolean hasConfidenceInterval() {
        return this == NPS || this == CSAT_PERCENT || this == ABANDONMENT_RATE;
    }

    public Source source() {
        return switch (this) {
            case NPS, CSAT_PERCENT, CSAT_MEAN, CES_MEAN, CES_NET -> Source.ANSWERS;
            case RESPONSE_COUNT -> Source.RESPONSES;
            case ABANDONMENT_RATE -> Source.INTERACTIONS;
            case CHURN_RATE -> Source.LIFECYCLE_EVENTS;
        };
    }

    /** Whether the metric is computed over answers or responses (and so reads the survey side of a query). */
    public boolean ofResponses() {
        return source() == Source.ANSWERS || source() == Source.RESPONSES;
    }

    /**
     * Whether the metric's figures can be grouped and filtered by {@code dimension}:
     * <ul>
     * <li>answers: survey, question, scale, language, channel, attributes of the response, and journey, stage,
     * touchpoint, employee, team and location it inherited from its interaction;
     * <li>responses: the same but question and scale, which belong to answers;
     * <li>interactions: journey, stage, touchpoint, channel (the touchpoint's), employee, team, location and
     * attributes of the interaction;
     * <li>lifecycle events: attributes of the event (a segment).
     * </ul>
     */
    public boolean appliesTo(Dimension dimension) {
        Dimension.Kind kind = dimension.kind();
        return switch (source()) {
            case ANSWERS -> true;
            case RESPONSES -> kind != Dimension.Kind.QUESTION && kind != Dimension.Kind.SCALE;
            case INTERACTIONS -> switch (kind) {
                case JOURNEY, STAGE, TOUCHPOINT, CHANNEL, EMPLOYEE, TEAM, LOCATION, ATTRIBUTE -> true;
                case SURVEY, QUESTION, SCALE, LANGUAGE -> false;
            };
            case LIFECYCLE_EVENTS -> kind == Dimension.Kind.ATTRIBUTE;
        };
    }

    /** What the metric can be cut by, for messages. */
    String applicableDimensions() {
        return switch (source()) {
            case ANSWERS -> "survey, question, scale, language, channel, journey, stage, touchpoint, employee, team, "
                    + "location, attribute:<key>";
            case RESPONSES -> "survey, language, channel, journey, stage, touchpoint, employee, team, location, "
                    + "attribute:<key>";
            case INTERACTIONS -> "journey, stage, touchpoint, channel, employee, team, location, attribute:<key>";
            case LIFECYCLE_EVENTS -> "one attribute:<key> (the segment)";
        };
    }

    public static Metric parse(String name) {
        for (Metric metric : values()) {
            if (metric.name().equals(name)) {
                return metric;
            }
        }
        throw new InvalidValue("", "query.metric-unknown", "'" + name + "' is not a metric; one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
