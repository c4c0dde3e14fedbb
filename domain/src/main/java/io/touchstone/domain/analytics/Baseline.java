package io.touchstone.domain.analytics;

import java.util.Objects;

/** What every figure is compared with. */
public sealed interface Baseline {

    /**
     * The period of the same length just before: with buckets, each bucket is compared with the bucket before it
     * (the previous day, ISO week, month or quarter); without, the whole range with as many days before it.
     */
    record PreviousPeriod() implements Baseline {
    }

    /** One fixed period (e.g. the same quarter last year): every bucket and group is compared with its figure there. */
    record Fixed(DateRange range) implements Baseline {
        public Fixed {
            Objects.requireNonNull(range, "range");
        }
    }
}
