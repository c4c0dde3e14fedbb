package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.port.out.Touchpoints;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.journey.TouchpointStatus;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Journeys in three tables: {@code journey}, {@code journey_stage} and {@code touchpoint} (see V9). Also the
 * {@link Touchpoints} lookup, one row by its key.
 */
@ApplicationScoped
public class HibernateJourneyRepository implements JourneyRepository, Touchpoints {

    private final Mutiny.SessionFactory sessions;

    @Inject
    public HibernateJourneyRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> add(Journey journey) {
        JourneyEntity entity = new JourneyEntity();
        entity.tenantId = journey.tenantId().value();
        entity.id = journey.id().value();
        entity.createdAt = journey.createdAt();
        copy(journey, entity);
        List<Object> rows = new ArrayList<>();
        List<Stage> stages = journey.stages();
        for (int s = 0; s < stages.size(); s++) {
            rows.add(stageEntity(journey, stages.get(s), s));
        }
        for (Stage stage : stages) {
            for (int t = 0; t < stage.touchpoints().size(); t++) {
                rows.add(touchpointEntity(journey, stage, stage.touchpoints().get(t), t));
            }
        }
        return sessions.withSession(session -> session.persist(entity)
                .call(() -> session.persistAll(rows.toArray()))
                .call(session::flush));
    }

    @Override
    public Uni<Void> update(Journey journey) {
        UUID tenantId = journey.tenantId().value();
        UUID journeyId = journey.id().value();
        return sessions.withSession(session -> session
                .find(JourneyEntity.class, new TenantScopedKey(tenantId, journeyId))
                .flatMap(stored -> {
                    if (stored == null) {
                        return Uni.createFrom().failure(
                                new IllegalStateException("no stored journey " + journey.id()));
                    }
                    copy(journey, stored);
                    return stages(session, tenantId, List.of(journeyId)).flatMap(storedStages ->
                            touchpoints(session, tenantId, List.of(journeyId)).flatMap(storedTouchpoints ->
                                    session.persistAll(changes(journey, byId(storedStages, s -> s.id),
                                            byId(storedTouchpoints, t -> t.id)).toArray())));
                })
                .call(session::flush));
    }

    /**
     * Brings the loaded (managed) rows up to date with the journey, and returns the rows of its new stages and
     * touchpoints, stages first so that they are inserted before the touchpoints that name them.
     */
    private static List<Object> changes(Journey journey, Map<UUID, JourneyStageEntity> storedStages,
            Map<UUID, TouchpointEntity> storedTouchpoints) {
        List<Object> added = new ArrayList<>();
        List<Stage> stages = journey.stages();
        for (int s = 0; s < stages.size(); s++) {
            Stage stage = stages.get(s);
            JourneyStageEntity row = storedStages.get(stage.id().value());
            if (row == null) {
                added.add(stageEntity(journey, stage, s));
            } else {
                row.ordinal = s;
                row.name = stage.name();
            }
        }
        for (Stage stage : stages) {
            for (int t = 0; t < stage.touchpoints().size(); t++) {
                Touchpoint touchpoint = stage.touchpoints().get(t);
                TouchpointEntity row = storedTouchpoints.get(touchpoint.id().value());
                if (row == null) {
                    added.add(touchpointEntity(journey, stage, touchpoint, t));
                } else {
                    copy(touchpoint, t, row);
                }
            }
        }
        return added;
    }

    @Override
    public Uni<Optional<Journey>> find(TenantId tenantId, JourneyId id) {
        return sessions.withSession(session -> session
                .find(JourneyEntity.class, new TenantScopedKey(tenantId.value(), id.value()))
                .flatMap(journey -> whole(session, journey)));
    }

    @Override
    public Uni<Optional<Journey>> findForChange(TenantId tenantId, JourneyId id) {
        return sessions.withSession(session -> session
                .find(JourneyEntity.class, new TenantScopedKey(tenantId.value(), id.value()),
                        LockMode.PESSIMISTIC_WRITE)
                .flatMap(journey -> whole(session, journey)));
    }

    private static Uni<Optional<Journey>> whole(Mutiny.Session session, JourneyEntity journey) {
        if (journey == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return assemble(session, journey.tenantId, List.of(journey))
                .map(journeys -> Optional.of(journeys.getFirst()));
    }

    @Override
    public Uni<List<Journey>> list(TenantId tenantId, KeysetPage page) {
        // not "(:after is null or id > :after)": PostgreSQL cannot type a parameter first used in "is null"
        String afterClause = page.after().isPresent() ? " and id > :after" : "";
        return sessions.withSession(session -> {
            Mutiny.SelectionQuery<JourneyEntity> query = session.createSelectionQuery(
                    "from JourneyEntity where tenantId = :tenantId" + afterClause + " order by id",
                    JourneyEntity.class).setParameter("tenantId", tenantId.value());
            if (page.after().isPresent()) {
                query = query.setParameter("after", page.after().get());
            }
            return query.setMaxResults(page.limit()).getResultList()
                    .flatMap(journeys -> journeys.isEmpty()
                            ? Uni.createFrom().item(List.<Journey>of())
                            : assemble(session, tenantId.value(), journeys));
        });
    }

    @Override
    public Uni<Optional<TouchpointRef>> find(TenantId tenant, TouchpointId id) {
        return sessions.withSession(session -> session
                .find(TouchpointEntity.class, new TenantScopedKey(tenant.value(), id.value()))
                .map(row -> Optional.ofNullable(row).map(found -> new TouchpointRef(id,
                        new JourneyId(found.journeyId), new StageId(found.stageId), Channel.valueOf(found.channel),
                        TouchpointStatus.valueOf(found.status)))));
    }

    /** The journeys of these rows, with their stages and touchpoints, in the rows' order. */
    private static Uni<List<Journey>> assemble(Mutiny.Session session, UUID tenantId, List<JourneyEntity> journeys) {
        List<UUID> ids = journeys.stream().map(journey -> journey.id).toList();
        return stages(session, tenantId, ids).flatMap(stages -> touchpoints(session, tenantId, ids).map(touchpoints -> {
            Map<UUID, List<TouchpointEntity>> byStage = touchpoints.stream()
                    .collect(Collectors.groupingBy(t -> t.stageId));
            Map<UUID, List<JourneyStageEntity>> byJourney = stages.stream()
                    .collect(Collectors.groupingBy(s -> s.journeyId));
            return journeys.stream().map(journey -> Journey.rehydrate(new JourneyId(journey.id),
                    new TenantId(journey.tenantId), journey.name, journey.description,
                    byJourney.getOrDefault(journey.id, List.of()).stream()
                            .sorted(Comparator.comparingInt(s -> s.ordinal))
                            .map(stage -> new Stage(new StageId(stage.id), stage.name,
                                    byStage.getOrDefault(stage.id, List.of()).stream()
                                            .sorted(Comparator.comparingInt(t -> t.ordinal))
                                            .map(HibernateJourneyRepository::toDomain)
                                            .toList()))
                            .toList(),
                    journey.createdAt, journey.updatedAt)).toList();
        }));
    }

    private static Uni<List<JourneyStageEntity>> stages(Mutiny.Session session, UUID tenantId, List<UUID> journeys) {
        return session.createSelectionQuery("from JourneyStageEntity where tenantId = :tenantId"
                        + " and journeyId in :journeys", JourneyStageEntity.class)
                .setParameter("tenantId", tenantId)
                .setParameter("journeys", journeys)
                .getResultList();
    }

    private static Uni<List<TouchpointEntity>> touchpoints(Mutiny.Session session, UUID tenantId,
            List<UUID> journeys) {
        return session.createSelectionQuery("from TouchpointEntity where tenantId = :tenantId"
                        + " and journeyId in :journeys", TouchpointEntity.class)
                .setParameter("tenantId", tenantId)
                .setParameter("journeys", journeys)
                .getResultList();
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private static void copy(Journey journey, JourneyEntity entity) {
        entity.name = journey.name();
        entity.description = journey.description().orElse(null);
        entity.updatedAt = journey.updatedAt();
    }

    private static JourneyStageEntity stageEntity(Journey journey, Stage stage, int position) {
        JourneyStageEntity entity = new JourneyStageEntity();
        entity.tenantId = journey.tenantId().value();
        entity.id = stage.id().value();
        entity.journeyId = journey.id().value();
        entity.ordinal = position;
        entity.name = stage.name();
        return entity;
    }

    private static TouchpointEntity touchpointEntity(Journey journey, Stage stage, Touchpoint touchpoint,
            int position) {
        TouchpointEntity entity = new TouchpointEntity();
        entity.tenantId = journey.tenantId().value();
        entity.id = touchpoint.id().value();
        entity.journeyId = journey.id().value();
        entity.stageId = stage.id().value();
        copy(touchpoint, position, entity);
        return entity;
    }

    private static void copy(Touchpoint touchpoint, int position, TouchpointEntity entity) {
        entity.ordinal = position;
        entity.name = touchpoint.name();
        entity.channel = touchpoint.channel().name();
        entity.status = touchpoint.status().name();
        entity.retiredAt = touchpoint.retiredAt().orElse(null);
        entity.surveyId = touchpoint.survey().map(SurveyId::value).orElse(null);
    }

    private static Touchpoint toDomain(TouchpointEntity row) {
        return new Touchpoint(new TouchpointId(row.id), row.name, Channel.valueOf(row.channel),
                TouchpointStatus.valueOf(row.status), Optional.ofNullable(row.retiredAt),
                Optional.ofNullable(row.surveyId).map(SurveyId::new));
    }
}
