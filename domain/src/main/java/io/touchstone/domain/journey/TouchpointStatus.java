package io.touchstone.domain.journey;

/** Whether a touchpoint takes new interactions. A retired touchpoint keeps its id and its history. */
public enum TouchpointStatus {
    ACTIVE, RETIRED
}
