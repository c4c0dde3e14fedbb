package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.port.out.Touchpoints;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.tenant.TenantId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Journeys in a map keyed like the table, (tenant, id), and the touchpoint lookup over them. Stores and hands out
 * copies; lists in id order. {@link #findForChange} holds nothing: the fakes do not isolate concurrent transactions.
 */
public class InMemoryJourneys implements JourneyRepository, Touchpoints, InMemoryStore {

    private record Key(TenantId tenantId, JourneyId id) {
    }

    private final Map<Key, Journey> journeys = new HashMap<>();
    private final InMemorySurveyRepository surveys;

    /** Over {@code surveys}, which must hold the surveys the touchpoints name, as the database's foreign key says. */
    public InMemoryJourneys(InMemorySurveyRepository surveys) {
        this.surveys = surveys;
    }

    @Override
    public Uni<Void> add(Journey journey) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(journey.tenantId(), "a journey");
                if (journeys.containsKey(keyOf(journey))) {
                    throw new IllegalStateException("journey " + journey.id() + " is stored already");
                }
                checkTouchpointIdsFree(journey);
                checkSurveysExist(journey);
                journeys.put(keyOf(journey), copy(journey));
                return null;
            }
        });
    }

    @Override
    public Uni<Void> update(Journey journey) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(journey.tenantId(), "a journey");
                Journey stored = journeys.get(keyOf(journey));
                if (stored == null) {
                    throw new IllegalStateException("no stored journey " + journey.id());
                }
                for (Stage stage : stored.stages()) {
                    for (Touchpoint touchpoint : stage.touchpoints()) {
                        if (journey.touchpoint(touchpoint.id()).isEmpty()) {
                            throw new IllegalStateException("touchpoints are never removed: " + touchpoint.id());
                        }
                    }
                    if (journey.stage(stage.id()).isEmpty()) {
                        throw new IllegalStateException("stages are never removed: " + stage.id());
                    }
                }
                checkSurveysExist(journey);
                journeys.put(keyOf(journey), copy(journey));
                return null;
            }
        });
    }

    @Override
    public Uni<Optional<Journey>> find(TenantId tenantId, JourneyId id) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return Optional.<Journey>empty();
                }
                return Optional.ofNullable(journeys.get(new Key(tenantId, id))).map(InMemoryJourneys::copy);
            }
        });
    }

    @Override
    public Uni<Optional<Journey>> findForChange(TenantId tenantId, JourneyId id) {
        return find(tenantId, id);
    }

    @Override
    public Uni<List<Journey>> list(TenantId tenantId, KeysetPage page) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return List.<Journey>of();
                }
                return journeys.values().stream()
                        .filter(journey -> journey.tenantId().equals(tenantId))
                        .filter(journey -> page.after()
                                .map(after -> UuidOrder.AS_STORED.compare(journey.id().value(), after) > 0)
                                .orElse(true))
                        .sorted(Comparator.comparing(journey -> journey.id().value(), UuidOrder.AS_STORED))
                        .limit(page.limit())
                        .map(InMemoryJourneys::copy)
                        .toList();
            }
        });
    }

    @Override
    public Uni<Optional<TouchpointRef>> find(TenantId tenant, TouchpointId id) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenant)) {
                    return Optional.<TouchpointRef>empty();
                }
                return touchpoint(tenant, id);
            }
        });
    }

    /** The touchpoint {@code id} of {@code tenant}, read as statistics read it (their own tenant check). */
    public synchronized Optional<TouchpointRef> touchpoint(TenantId tenant, TouchpointId id) {
        for (Journey journey : journeys.values()) {
            if (!journey.tenantId().equals(tenant)) {
                continue;
            }
            for (Stage stage : journey.stages()) {
                Optional<Touchpoint> found = stage.touchpoint(id);
                if (found.isPresent()) {
                    return Optional.of(new TouchpointRef(id, journey.id(), stage.id(), found.get().channel(),
                            found.get().status()));
                }
            }
        }
        return Optional.empty();
    }

    public synchronized int size() {
        return journeys.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<Key, Journey> saved = new HashMap<>(journeys);
        return () -> {
            synchronized (this) {
                journeys.clear();
                journeys.putAll(saved);
            }
        };
    }

    /** A touchpoint id is the key of its table: no two journeys of a tenant may share one. */
    private void checkTouchpointIdsFree(Journey journey) {
        for (Journey other : journeys.values()) {
            if (!other.tenantId().equals(journey.tenantId())) {
                continue;
            }
            for (Stage stage : journey.stages()) {
                for (Touchpoint touchpoint : stage.touchpoints()) {
                    if (other.touchpoint(touchpoint.id()).isPresent()) {
                        throw new IllegalStateException("touchpoint " + touchpoint.id() + " is stored already");
                    }
                }
            }
        }
    }

    private void checkSurveysExist(Journey journey) {
        for (Stage stage : journey.stages()) {
            for (Touchpoint touchpoint : stage.touchpoints()) {
                touchpoint.survey().ifPresent(survey -> {
                    if (!surveys.contains(journey.tenantId(), survey)) {
                        throw new IllegalStateException("touchpoint " + touchpoint.id() + " names survey " + survey
                                + ", which its tenant does not have");
                    }
                });
            }
        }
    }

    private static Key keyOf(Journey journey) {
        return new Key(journey.tenantId(), journey.id());
    }

    private static Journey copy(Journey journey) {
        List<Stage> stages = journey.stages().stream()
                .map(stage -> new Stage(stage.id(), stage.name(), stage.touchpoints().stream()
                        .map(t -> new Touchpoint(t.id(), t.name(), t.channel(), t.status(),
                                t.retiredAt().map(Timestamps::asStored), t.survey()))
                        .toList()))
                .toList();
        return Journey.rehydrate(journey.id(), journey.tenantId(), journey.name(), journey.description().orElse(null),
                stages, Timestamps.asStored(journey.createdAt()), Timestamps.asStored(journey.updatedAt()));
    }
}
