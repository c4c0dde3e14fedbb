package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journeymap.JourneyMap;
import java.util.Objects;
import java.util.UUID;

/**
 * The "where does it break" view of one journey over one period ({@code metrics:read}): every stage and touchpoint
 * with interaction volume, abandonment, responses about its interactions and its survey's headline figure against
 * the previous period of the same length.
 */
public interface JourneyMapUseCase {

    /** The map of journey {@code journeyId} over the ISO days {@code from} (included) to {@code to} (not). */
    record JourneyMapQuery(UUID journeyId, String from, String to) {
    }

    /** The map, of the journey named {@code name}, over {@code period}, compared with {@code previous}. */
    record JourneyMapReport(JourneyId journey, String name, DateRange period, DateRange previous, JourneyMap map) {

        public JourneyMapReport {
            Objects.requireNonNull(journey, "journey");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(map, "map");
        }
    }

    Uni<JourneyMapReport> map(Caller caller, JourneyMapQuery query);
}
