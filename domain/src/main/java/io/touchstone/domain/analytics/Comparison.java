package io.touchstone.domain.analytics;

import io.touchstone.domain.metric.Significance;
import java.util.Objects;
import java.util.Optional;

/**
 * A figure's baseline: the same figure over {@code baseline} ({@code n} observations; value absent when n = 0), the
 * change (current − baseline, absent unless both values are defined) and its significance test (absent when the
 * test is undefined: a value missing on a side, a standard error of the difference of 0, or a mean over fewer than 2
 * answers on a side; the response count has none).
 */
public record Comparison(DateRange baseline, long n, Optional<Double> value, Optional<Double> change,
        Optional<Significance> significance) {

    public Comparison {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(significance, "significance");
    }
}
