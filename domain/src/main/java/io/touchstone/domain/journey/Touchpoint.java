package io.touchstone.domain.journey;

import io.touchstone.domain.response.Channel;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.survey.SurveyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A place in a stage where the customer meets the company, on one channel. A touchpoint is active until it is
 * retired; retiring is one-way, and a retired touchpoint keeps its id, its name and its place in the stage, so that
 * what happened at it stays attributable. It may name the survey that asks about it.
 */
public record Touchpoint(TouchpointId id, String name, Channel channel, TouchpointStatus status,
        Optional<Instant> retiredAt, Optional<SurveyId> survey) {

    public Touchpoint {
        Objects.requireNonNull(id, "id");
        name = Journey.checkName(name);
        if (channel == null) {
            throw new InvalidValue("channel", "value.required", "must not be empty");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(survey, "survey");
        if ((status == TouchpointStatus.RETIRED) != retiredAt.isPresent()) {
            throw new IllegalArgumentException("a touchpoint has a retirement time exactly when it is retired");
        }
    }

    /** A new, active touchpoint without survey. */
    public static Touchpoint open(TouchpointId id, String name, Channel channel) {
        return new Touchpoint(id, name, channel, TouchpointStatus.ACTIVE, Optional.empty(), Optional.empty());
    }

    public boolean isRetired() {
        return status == TouchpointStatus.RETIRED;
    }

    /** This touchpoint retired at {@code now}; a retired one stays as it is (retired when it was first retired). */
    Touchpoint retired(Instant now) {
        return isRetired() ? this
                : new Touchpoint(id, name, channel, TouchpointStatus.RETIRED, Optional.of(now), survey);
    }

    Touchpoint withSurvey(Optional<SurveyId> attached) {
        return new Touchpoint(id, name, channel, status, retiredAt, attached);
    }
}
