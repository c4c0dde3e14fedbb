package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class HibernateApiKeyRepository implements ApiKeyRepository {

    private final Mutiny.SessionFactory sessions;

    @Inject
    public HibernateApiKeyRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> add(ApiKey key) {
        ApiKeyEntity entity = new ApiKeyEntity();
        entity.tenantId = key.tenantId().value();
        entity.id = key.id().value();
        entity.name = key.name();
        entity.scopes = key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
        entity.lookupId = key.lookupId();
        entity.secretHash = key.secretHash();
        entity.createdAt = key.createdAt();
        entity.expiresAt = key.expiresAt().orElse(null);
        entity.revokedAt = key.revokedAt().orElse(null);
        return sessions.withSession(session -> session.persist(entity).call(session::flush));
    }

    @Override
    public Uni<Void> update(ApiKey key) {
        return sessions.withSession(session -> session
                .find(ApiKeyEntity.class, new TenantScopedKey(key.tenantId().value(), key.id().value()))
                .flatMap(entity -> {
                    if (entity == null) {
                        return Uni.createFrom().failure(new IllegalStateException("no stored key " + key.id()));
                    }
                    entity.revokedAt = key.revokedAt().orElse(null);
                    entity.expiresAt = key.expiresAt().orElse(null);
                    return session.flush();
                }));
    }

    @Override
    public Uni<Void> recordUse(TenantId tenantId, Map<ApiKeyId, Instant> lastUsed) {
        return sessions.withSession(session -> Multi.createFrom().iterable(lastUsed.entrySet())
                .onItem().transformToUniAndConcatenate(use -> session.createMutationQuery(
                                "update ApiKeyEntity set lastUsedAt = :at where tenantId = :tenantId and id = :id"
                                        + " and (lastUsedAt is null or lastUsedAt < :at)")
                        .setParameter("at", use.getValue())
                        .setParameter("tenantId", tenantId.value())
                        .setParameter("id", use.getKey().value())
                        .executeUpdate())
                .collect().last()
                .replaceWithVoid());
    }

    @Override
    public Uni<Optional<ApiKey>> find(TenantId tenantId, ApiKeyId id) {
        return sessions.withSession(session -> session
                        .find(ApiKeyEntity.class, new TenantScopedKey(tenantId.value(), id.value())))
                .map(entity -> Optional.ofNullable(entity).map(HibernateApiKeyRepository::toDomain));
    }

    /**
     * Runs before the tenant is known, so row-level security hides every key from a plain query: the database function
     * {@code api_key_by_lookup_id} (V2 migration) hands out the one key of an exact lookup id, and nothing else.
     */
    @Override
    public Uni<Optional<ApiKey>> findByLookupId(String lookupId) {
        return sessions.withSession(session -> session
                        .createNativeQuery("select * from api_key_by_lookup_id(:lookupId)", ApiKeyEntity.class)
                        .setParameter("lookupId", lookupId)
                        .getSingleResultOrNull())
                .map(entity -> Optional.ofNullable(entity).map(HibernateApiKeyRepository::toDomain));
    }

    @Override
    public Uni<List<ApiKey>> list(TenantId tenantId) {
        return sessions.withSession(session -> session
                        .createSelectionQuery("from ApiKeyEntity where tenantId = :tenantId order by id",
                                ApiKeyEntity.class)
                        .setParameter("tenantId", tenantId.value())
                        .getResultList())
                .map(entities -> entities.stream().map(HibernateApiKeyRepository::toDomain).toList());
    }

    private static ApiKey toDomain(ApiKeyEntity entity) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(entity.scopes.split(" ")).filter(s -> !s.isEmpty())
                .forEach(name -> scopes.add(Scope.fromWireName("scopes", name)));
        return ApiKey.rehydrate(new ApiKeyId(entity.id), new TenantId(entity.tenantId), entity.name, scopes,
                entity.lookupId, entity.secretHash, entity.createdAt, entity.expiresAt, entity.revokedAt,
                entity.lastUsedAt);
    }
}
