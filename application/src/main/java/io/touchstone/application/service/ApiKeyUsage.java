package io.touchstone.application.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * When each API key was last used, kept in memory on the request path (no database write per request) and stored in
 * batches by {@link #flush()}, which the platform calls periodically and at shutdown: one transaction per tenant
 * with recent use. A flush that fails puts its uses back, so the next one stores them.
 */
public final class ApiKeyUsage {

    private record Use(TenantId tenant, Instant at) {
        Use latest(Use other) {
            return other.at.isAfter(at) ? other : this;
        }
    }

    private final ConcurrentHashMap<ApiKeyId, Use> pending = new ConcurrentHashMap<>();
    private final ApiKeyRepository keys;
    private final UnitOfWork unitOfWork;

    public ApiKeyUsage(ApiKeyRepository keys, UnitOfWork unitOfWork) {
        this.keys = keys;
        this.unitOfWork = unitOfWork;
    }

    /** Notes that {@code key} authenticated a request at {@code at}; cheap and lock-free. */
    public void record(ApiKey key, Instant at) {
        pending.merge(key.id(), new Use(key.tenantId(), at), Use::latest);
    }

    /** How many keys have use waiting to be stored. */
    public int pendingKeys() {
        return pending.size();
    }

    /** Stores the uses noted since the last flush. */
    public Uni<Void> flush() {
        Map<TenantId, Map<ApiKeyId, Instant>> byTenant = new HashMap<>();
        for (ApiKeyId id : pending.keySet()) {
            Use use = pending.remove(id);
            if (use != null) {
                byTenant.computeIfAbsent(use.tenant(), t -> new HashMap<>()).put(id, use.at());
            }
        }
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        return Multi.createFrom().iterable(byTenant.entrySet())
                .onItem().transformToUniAndConcatenate(batch -> unitOfWork
                        .transactionally(batch.getKey(), () -> keys.recordUse(batch.getKey(), batch.getValue()))
                        .onFailure().recoverWithItem(failure -> {
                            batch.getValue().forEach((id, at) -> pending.merge(id, new Use(batch.getKey(), at),
                                    Use::latest));
                            failures.add(failure);
                            return null;
                        }))
                .collect().last()
                .flatMap(ignored -> failures.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(failures.getFirst()));
    }
}
