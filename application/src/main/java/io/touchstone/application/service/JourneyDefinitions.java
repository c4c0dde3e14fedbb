package io.touchstone.application.service;

import io.touchstone.application.port.in.JourneyDefinition;
import io.touchstone.application.port.in.JourneyDefinition.StageDefinition;
import io.touchstone.application.port.in.JourneyDefinition.TouchpointDefinition;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.tenant.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Checks a journey definition as the APIs deliver it and builds the new journey, naming every bad field. */
final class JourneyDefinitions {

    private JourneyDefinitions() {
    }

    static Journey toJourney(JourneyDefinition definition, TenantId tenant, Clock clock) {
        Violations violations = new Violations();
        violations.at("", () -> Journey.checkName(definition.name()));
        violations.at("", () -> Journey.checkDescription(definition.description()));
        List<StageDefinition> defined = Objects.requireNonNullElse(definition.stages(), List.of());
        List<Stage> stages = new ArrayList<>();
        for (int s = 0; s < defined.size(); s++) {
            StageDefinition stage = defined.get(s);
            Stage built = violations.at("stages[" + s + "]", () -> toStage(stage, clock));
            if (built != null) {
                stages.add(built);
            }
        }
        violations.throwIfAny();
        return Journey.create(new JourneyId(Ids.next(clock)), tenant, definition.name(), definition.description(),
                stages, clock.instant());
    }

    private static Stage toStage(StageDefinition definition, Clock clock) {
        if (definition == null) {
            throw new InvalidValue("", "value.required", "must not be null");
        }
        Violations violations = new Violations();
        String name = violations.at("", () -> Journey.checkName(definition.name()));
        List<TouchpointDefinition> defined = Objects.requireNonNullElse(definition.touchpoints(), List.of());
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int t = 0; t < defined.size(); t++) {
            TouchpointDefinition touchpoint = defined.get(t);
            Touchpoint built = violations.at("touchpoints[" + t + "]", () -> toTouchpoint(touchpoint, clock));
            if (built != null) {
                touchpoints.add(built);
            }
        }
        violations.throwIfAny();
        return new Stage(new StageId(Ids.next(clock)), name, touchpoints);
    }

    private static Touchpoint toTouchpoint(TouchpointDefinition definition, Clock clock) {
        if (definition == null) {
            throw new InvalidValue("", "value.required", "must not be null");
        }
        Violations violations = new Violations();
        String name = violations.at("", () -> Journey.checkName(definition.name()));
        Channel channel = violations.at("channel", () -> channel(definition.channel()));
        violations.throwIfAny();
        return Touchpoint.open(new TouchpointId(Ids.next(clock)), name, channel);
    }

    /** The channel named {@code name}; {@code value.required} when absent, {@code channel.unknown} when unknown. */
    static Channel channel(String name) {
        if (name == null) {
            throw new InvalidValue("", "value.required", "must not be empty");
        }
        return Channel.parse(name);
    }
}
