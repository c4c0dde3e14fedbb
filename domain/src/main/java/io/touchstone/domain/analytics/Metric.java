package io.touchstone.domain.analytics;

import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.survey.QuestionType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A figure the metrics query computes. Every one but the response count is computed over one type of question. */
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
    RESPONSE_COUNT(null);

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
        return this == NPS || this == CSAT_PERCENT;
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
