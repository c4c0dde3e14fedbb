package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.summary.SurveySummary;
import java.util.UUID;

/** Per-question figures of one survey version ({@code metrics:read}); version null means the latest published. */
public interface SurveySummaryUseCase {

    Uni<SurveySummary> summarise(Caller caller, UUID surveyId, Integer version);
}
