package io.touchstone.domain.analytics;

import io.touchstone.domain.metric.AbandonmentResult;
import io.touchstone.domain.metric.CesResult;
import io.touchstone.domain.metric.ChurnResult;
import io.touchstone.domain.metric.ConfidenceInterval;
import io.touchstone.domain.metric.CsatResult;
import io.touchstone.domain.metric.NpsResult;
import io.touchstone.domain.metric.SampleSize;
import io.touchstone.domain.metric.ScoreHistogram;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric over one period and group: its sample size {@code n} (answers, or responses for the response count),
 * its value (absent when n = 0, never 0 — except the response count, which is n), the 95 % confidence interval of
 * NPS and CSAT %, the metric's details, the score histogram when asked for (CES: normalised, higher means easier) and
 * the comparison with its baseline when asked for. The abandonment rate's n is the started interactions, the churn
 * rate's the customers active at the start of the period.
 */
public record Figure(Metric metric, long n, Optional<Double> value, Optional<ConfidenceInterval> confidenceInterval,
        Optional<NpsResult> nps, Optional<CsatResult> csat, Optional<CesResult> ces,
        Optional<ScoreHistogram> histogram, Optional<Comparison> comparison,
        Optional<AbandonmentResult> abandonment, Optional<ChurnResult> churn) {

    /** A figure over answers or responses. */
    public Figure(Metric metric, long n, Optional<Double> value, Optional<ConfidenceInterval> confidenceInterval,
            Optional<NpsResult> nps, Optional<CsatResult> csat, Optional<CesResult> ces,
            Optional<ScoreHistogram> histogram, Optional<Comparison> comparison) {
        this(metric, n, value, confidenceInterval, nps, csat, ces, histogram, comparison, Optional.empty(),
                Optional.empty());
    }

    public Figure {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(confidenceInterval, "confidenceInterval");
        Objects.requireNonNull(nps, "nps");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(ces, "ces");
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(abandonment, "abandonment");
        Objects.requireNonNull(churn, "churn");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
    }

    /** n < 30: read the figure with care. */
    public boolean smallSample() {
        return SampleSize.isSmall(n);
    }
}
