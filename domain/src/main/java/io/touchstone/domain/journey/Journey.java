package io.touchstone.domain.journey;

import io.touchstone.domain.response.Channel;
import io.touchstone.domain.shared.Text;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A named customer journey (e.g. "Order to delivery"): ordered stages, each with its touchpoints in order. Stage names
 * are unique within the journey and touchpoint names within their stage, ignoring case (retired touchpoints count:
 * they stay listed). At most {@value #MAX_STAGES} stages, and {@value Stage#MAX_TOUCHPOINTS} touchpoints per stage.
 * Stages and touchpoints are never removed; a touchpoint that is no longer used is retired.
 */
public final class Journey {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_STAGES = 50;

    private final JourneyId id;
    private final TenantId tenantId;
    private String name;
    private final String description;
    private final List<Stage> stages;
    private final Instant createdAt;
    private Instant updatedAt;

    private Journey(JourneyId id, TenantId tenantId, String name, String description, List<Stage> stages,
            Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.stages = new ArrayList<>(stages);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        Set<Object> ids = new HashSet<>();
        for (Stage stage : this.stages) {
            if (!ids.add(stage.id())) {
                throw new IllegalArgumentException("stage " + stage.id() + " appears twice");
            }
            for (Touchpoint touchpoint : stage.touchpoints()) {
                if (!ids.add(touchpoint.id())) {
                    throw new IllegalArgumentException("touchpoint " + touchpoint.id() + " appears twice");
                }
            }
        }
    }

    /**
     * A new journey with {@code stages} (their touchpoints active and without survey), checked as a whole: the
     * name, the description, the number of stages and of touchpoints per stage, and that no name repeats. Every
     * violation is reported with its field ({@code stages[1].touchpoints[0].name}).
     */
    public static Journey create(JourneyId id, TenantId tenantId, String name, String description,
            List<Stage> stages, Instant now) {
        Violations violations = new Violations();
        String checkedName = violations.at("", () -> checkName(name));
        String checkedDescription = violations.at("", () -> checkDescription(description));
        if (stages.size() > MAX_STAGES) {
            violations.add("stages", "journey.stages-count", "a journey has at most " + MAX_STAGES + " stages");
        }
        Map<String, Integer> stageNames = new HashMap<>();
        for (int s = 0; s < stages.size(); s++) {
            Stage stage = stages.get(s);
            String path = "stages[" + s + "]";
            Integer earlier = stageNames.putIfAbsent(key(stage.name()), s);
            if (earlier != null) {
                violations.add(path + ".name", "journey.stage-name-duplicate",
                        "stage '" + stage.name() + "' is named like stages[" + earlier + "]");
            }
            if (stage.touchpoints().size() > Stage.MAX_TOUCHPOINTS) {
                violations.add(path + ".touchpoints", "stage.touchpoints-count",
                        "a stage has at most " + Stage.MAX_TOUCHPOINTS + " touchpoints");
            }
            Map<String, Integer> touchpointNames = new HashMap<>();
            for (int t = 0; t < stage.touchpoints().size(); t++) {
                Touchpoint touchpoint = stage.touchpoints().get(t);
                Integer same = touchpointNames.putIfAbsent(key(touchpoint.name()), t);
                if (same != null) {
                    violations.add(path + ".touchpoints[" + t + "].name", "journey.touchpoint-name-duplicate",
                            "touchpoint '" + touchpoint.name() + "' is named like touchpoints[" + same
                                    + "] of its stage");
                }
                if (touchpoint.isRetired() || touchpoint.survey().isPresent()) {
                    throw new IllegalArgumentException("a new journey's touchpoints are active and without survey");
                }
            }
        }
        violations.throwIfAny();
        return new Journey(id, tenantId, checkedName, checkedDescription, stages, now, now);
    }

    public static Journey rehydrate(JourneyId id, TenantId tenantId, String name, String description,
            List<Stage> stages, Instant createdAt, Instant updatedAt) {
        return new Journey(id, tenantId, name, description, stages, createdAt, updatedAt);
    }

    /** A journey's, stage's or touchpoint's name: 1..{@value #MAX_NAME_LENGTH} characters, stripped. */
    public static String checkName(String name) {
        return Text.required("name", name, MAX_NAME_LENGTH);
    }

    /** Absent, or 1..{@value #MAX_DESCRIPTION_LENGTH} characters, stripped. */
    public static String checkDescription(String description) {
        return Text.optional("description", description, MAX_DESCRIPTION_LENGTH);
    }

    /**
     * The form in which two names are compared: upper-cased, then lower-cased, without regard to locale, so that
     * "Doručení", "DORUČENÍ" and "doručení" (and Greek final and medial sigma) are the same name.
     */
    static String key(String name) {
        return name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    public void rename(String newName, Instant now) {
        name = checkName(newName);
        updatedAt = now;
    }

    /**
     * Adds an empty stage named {@code stageName} at {@code index} (0 puts it first), or last when the index is
     * empty.
     */
    public Stage addStage(StageId stageId, String stageName, Optional<Integer> index, Instant now) {
        Stage stage = Stage.empty(stageId, stageName);
        if (index.isPresent() && (index.get() < 0 || index.get() > stages.size())) {
            throw new InvalidValue("index", "journey.stage-index-out-of-range",
                    "must lie within 0.." + stages.size() + " (the number of stages)");
        }
        requireUniqueStageName(stage.name(), null);
        if (stages.size() >= MAX_STAGES) {
            throw new RuleViolated("journey.stages-full", "the journey has " + MAX_STAGES + " stages, the most it may");
        }
        if (stages.stream().anyMatch(s -> s.id().equals(stageId))) {
            throw new IllegalArgumentException("stage " + stageId + " exists already");
        }
        stages.add(index.orElse(stages.size()), stage);
        updatedAt = now;
        return stage;
    }

    public Stage renameStage(StageId stageId, String stageName, Instant now) {
        int position = positionOf(stageId);
        String checked = checkName(stageName);
        requireUniqueStageName(checked, stageId);
        Stage renamed = stages.get(position).renamed(checked);
        stages.set(position, renamed);
        updatedAt = now;
        return renamed;
    }

    /** Puts the stages in the order of {@code order}, which must name every stage of the journey exactly once. */
    public void reorderStages(List<StageId> order, Instant now) {
        Set<StageId> current = new HashSet<>(stages.stream().map(Stage::id).toList());
        Set<StageId> asked = new LinkedHashSet<>(order);
        if (order.size() != stages.size() || asked.size() != order.size() || !asked.equals(current)) {
            throw new InvalidValue("stageIds", "journey.stage-order-mismatch",
                    "must name each of the journey's " + stages.size() + " stages exactly once");
        }
        Map<StageId, Stage> byId = new HashMap<>();
        stages.forEach(stage -> byId.put(stage.id(), stage));
        stages.clear();
        order.forEach(stageId -> stages.add(byId.get(stageId)));
        updatedAt = now;
    }

    /** Adds an active touchpoint without survey at the end of the stage. */
    public Touchpoint addTouchpoint(StageId stageId, TouchpointId touchpointId, String touchpointName,
            Channel channel, Instant now) {
        int position = positionOf(stageId);
        Touchpoint touchpoint = Touchpoint.open(touchpointId, touchpointName, channel);
        Stage stage = stages.get(position);
        String wanted = key(touchpoint.name());
        if (stage.touchpoints().stream().anyMatch(t -> key(t.name()).equals(wanted))) {
            throw new InvalidValue("name", "journey.touchpoint-name-duplicate",
                    "the stage has a touchpoint named '" + touchpoint.name() + "' already");
        }
        if (stage.touchpoints().size() >= Stage.MAX_TOUCHPOINTS) {
            throw new RuleViolated("stage.touchpoints-full",
                    "the stage has " + Stage.MAX_TOUCHPOINTS + " touchpoints, the most it may");
        }
        if (touchpoint(touchpointId).isPresent()) {
            throw new IllegalArgumentException("touchpoint " + touchpointId + " exists already");
        }
        List<Touchpoint> touchpoints = new ArrayList<>(stage.touchpoints());
        touchpoints.add(touchpoint);
        stages.set(position, stage.with(touchpoints));
        updatedAt = now;
        return touchpoint;
    }

    /**
     * Retires the touchpoint: it takes no new interactions and no survey can be attached to it, but it stays in its
     * stage with its id. Retiring a retired touchpoint changes nothing.
     */
    public Touchpoint retireTouchpoint(TouchpointId touchpointId, Instant now) {
        return change(touchpointId, touchpoint -> touchpoint.retired(now), now);
    }

    /** Names the survey that asks about the touchpoint (replacing any other); the touchpoint must be active. */
    public Touchpoint attachSurvey(TouchpointId touchpointId, SurveyId surveyId, Instant now) {
        Objects.requireNonNull(surveyId, "surveyId");
        return change(touchpointId, touchpoint -> {
            if (touchpoint.isRetired()) {
                throw new RuleViolated("touchpoint.retired",
                        "touchpoint " + touchpointId + " is retired; no survey can be attached to it");
            }
            return touchpoint.withSurvey(Optional.of(surveyId));
        }, now);
    }

    /** Takes the survey off the touchpoint, retired or not; one without survey stays as it is. */
    public Touchpoint detachSurvey(TouchpointId touchpointId, Instant now) {
        return change(touchpointId, touchpoint -> touchpoint.withSurvey(Optional.empty()), now);
    }

    private Touchpoint change(TouchpointId touchpointId, UnaryOperator<Touchpoint> change, Instant now) {
        for (int s = 0; s < stages.size(); s++) {
            Stage stage = stages.get(s);
            List<Touchpoint> touchpoints = new ArrayList<>(stage.touchpoints());
            for (int t = 0; t < touchpoints.size(); t++) {
                if (touchpoints.get(t).id().equals(touchpointId)) {
                    Touchpoint changed = change.apply(touchpoints.get(t));
                    if (!changed.equals(touchpoints.get(t))) {
                        touchpoints.set(t, changed);
                        stages.set(s, stage.with(touchpoints));
                        updatedAt = now;
                    }
                    return changed;
                }
            }
        }
        throw touchpointNotFound(touchpointId);
    }

    private void requireUniqueStageName(String stageName, StageId except) {
        String wanted = key(stageName);
        for (Stage stage : stages) {
            if (!stage.id().equals(except) && key(stage.name()).equals(wanted)) {
                throw new InvalidValue("name", "journey.stage-name-duplicate",
                        "the journey has a stage named '" + stage.name() + "' already");
            }
        }
    }

    private int positionOf(StageId stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        throw new NotFound("stage.not-found", "journey " + id + " has no stage " + stageId);
    }

    private static NotFound touchpointNotFound(TouchpointId touchpointId) {
        return new NotFound("touchpoint.not-found", "no touchpoint " + touchpointId + " in this journey");
    }

    public Optional<Stage> stage(StageId stageId) {
        return stages.stream().filter(stage -> stage.id().equals(stageId)).findFirst();
    }

    public Optional<Touchpoint> touchpoint(TouchpointId touchpointId) {
        return stages.stream().flatMap(stage -> stage.touchpoint(touchpointId).stream()).findFirst();
    }

    public JourneyId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
