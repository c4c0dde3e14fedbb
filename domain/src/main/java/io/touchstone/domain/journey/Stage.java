package io.touchstone.domain.journey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A step of a journey (e.g. "Delivery"), with its touchpoints in order, retired ones included. */
public record Stage(StageId id, String name, List<Touchpoint> touchpoints) {

    /** The most touchpoints a stage holds, retired ones included. */
    public static final int MAX_TOUCHPOINTS = 100;

    public Stage {
        Objects.requireNonNull(id, "id");
        name = Journey.checkName(name);
        touchpoints = List.copyOf(touchpoints);
    }

    /** A new stage without touchpoints. */
    public static Stage empty(StageId id, String name) {
        return new Stage(id, name, List.of());
    }

    public Optional<Touchpoint> touchpoint(TouchpointId touchpointId) {
        return touchpoints.stream().filter(t -> t.id().equals(touchpointId)).findFirst();
    }

    Stage renamed(String newName) {
        return new Stage(id, newName, touchpoints);
    }

    Stage with(List<Touchpoint> changed) {
        return new Stage(id, name, changed);
    }
}
