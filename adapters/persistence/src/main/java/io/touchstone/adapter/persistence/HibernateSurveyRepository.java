package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyStatus;
import io.touchstone.domain.survey.SurveyVersion;
import io.touchstone.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class HibernateSurveyRepository implements SurveyRepository {

    private final Mutiny.SessionFactory sessions;

    @Inject
    public HibernateSurveyRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> add(Survey survey) {
        SurveyEntity entity = new SurveyEntity();
        entity.tenantId = survey.tenantId().value();
        entity.id = survey.id().value();
        entity.createdAt = survey.createdAt();
        return sessions.withSession(session -> session.persist(entity)
                .call(() -> session.persistAll(survey.versions().stream()
                        .map(version -> toEntity(survey, version)).toArray()))
                .call(session::flush));
    }

    @Override
    public Uni<Void> update(Survey survey) {
        SurveyVersion latest = survey.latest();
        var key = new SurveyVersionEntity.Key(survey.tenantId().value(), survey.id().value(), latest.number());
        return sessions.withSession(session -> session.find(SurveyVersionEntity.class, key).flatMap(stored -> {
            if (stored == null) {
                return session.persist(toEntity(survey, latest));
            }
            SurveyVersionEntity changed = toEntity(survey, latest);
            stored.status = changed.status;
            stored.content = changed.content;
            stored.publishedAt = changed.publishedAt;
            return Uni.createFrom().voidItem();
        }).call(session::flush));
    }

    @Override
    public Uni<Optional<Survey>> find(TenantId tenantId, SurveyId id) {
        return sessions.withSession(session -> session
                .find(SurveyEntity.class, new TenantScopedKey(tenantId.value(), id.value()))
                .flatMap(survey -> survey == null
                        ? Uni.createFrom().item(Optional.<Survey>empty())
                        : versions(session, tenantId.value(), List.of(survey.id))
                                .map(versions -> Optional.of(toDomain(survey, versions.get(survey.id))))));
    }

    @Override
    public Uni<List<Survey>> list(TenantId tenantId, KeysetPage page) {
        // not "(:after is null or id > :after)": PostgreSQL cannot type a parameter first used in "is null"
        String afterClause = page.after().isPresent() ? " and id > :after" : "";
        return sessions.withSession(session -> afterParameter(session
                .createSelectionQuery("from SurveyEntity where tenantId = :tenantId" + afterClause + " order by id",
                        SurveyEntity.class)
                .setParameter("tenantId", tenantId.value()), page)
                .setMaxResults(page.limit())
                .getResultList()
                .flatMap(surveys -> surveys.isEmpty()
                        ? Uni.createFrom().item(List.<Survey>of())
                        : versions(session, tenantId.value(), surveys.stream().map(s -> s.id).toList())
                                .map(versions -> surveys.stream()
                                        .map(survey -> toDomain(survey, versions.get(survey.id)))
                                        .toList())));
    }

    private static <R> Mutiny.SelectionQuery<R> afterParameter(Mutiny.SelectionQuery<R> query, KeysetPage page) {
        return page.after().isPresent() ? query.setParameter("after", page.after().get()) : query;
    }

    private static Uni<Map<UUID, List<SurveyVersionEntity>>> versions(Mutiny.Session session, UUID tenantId,
            List<UUID> surveyIds) {
        return session.createSelectionQuery("from SurveyVersionEntity where tenantId = :tenantId"
                        + " and surveyId in :surveyIds order by surveyId, version", SurveyVersionEntity.class)
                .setParameter("tenantId", tenantId)
                .setParameter("surveyIds", surveyIds)
                .getResultList()
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> row.surveyId)));
    }

    private static SurveyVersionEntity toEntity(Survey survey, SurveyVersion version) {
        SurveyVersionEntity entity = new SurveyVersionEntity();
        entity.tenantId = survey.tenantId().value();
        entity.surveyId = survey.id().value();
        entity.version = version.number();
        entity.status = version.status().name();
        entity.content = SurveyContentDocument.from(version.content());
        entity.createdAt = version.createdAt();
        entity.publishedAt = version.publishedAt().orElse(null);
        return entity;
    }

    private static Survey toDomain(SurveyEntity survey, List<SurveyVersionEntity> versions) {
        return Survey.rehydrate(new SurveyId(survey.id), new TenantId(survey.tenantId), survey.createdAt,
                versions.stream().map(v -> new SurveyVersion(v.version, v.content.toDomain(),
                        SurveyStatus.valueOf(v.status), v.createdAt, Optional.ofNullable(v.publishedAt))).toList());
    }
}
