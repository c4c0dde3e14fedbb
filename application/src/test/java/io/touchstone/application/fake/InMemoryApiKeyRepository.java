package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys in a map keyed like the table, (tenant, id), with lookup ids unique across tenants. Stores and hands out
 * copies; {@link #update} stores the revocation and expiry times only.
 */
public class InMemoryApiKeyRepository implements ApiKeyRepository, InMemoryStore {

    private record Key(TenantId tenantId, ApiKeyId id) {
    }

    private final Map<Key, ApiKey> keys = new HashMap<>();

    @Override
    public Uni<Void> add(ApiKey key) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(key.tenantId(), "an API key");
                if (keys.containsKey(keyOf(key))) {
                    throw new IllegalStateException("API key " + key.id() + " is stored already");
                }
                if (keys.values().stream().anyMatch(stored -> stored.lookupId().equals(key.lookupId()))) {
                    throw new IllegalStateException("lookup id of API key " + key.id() + " is taken");
                }
                keys.put(keyOf(key), copy(key));
                return null;
            }
        });
    }

    @Override
    public Uni<Void> update(ApiKey key) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(key.tenantId(), "an API key");
                ApiKey stored = keys.get(keyOf(key));
                if (stored == null) {
                    throw new IllegalStateException("no stored key " + key.id());
                }
                keys.put(keyOf(key), copy(stored, key.expiresAt().orElse(null), key.revokedAt().orElse(null)));
                return null;
            }
        });
    }

    /** How many times {@link #recordUse} was called: use is recorded in batches, never per request. */
    public int recordUseCalls;

    @Override
    public Uni<Void> recordUse(TenantId tenantId, Map<ApiKeyId, Instant> lastUsed) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                recordUseCalls++;
                RowSecurity.checkWrite(tenantId, "an API key");
                lastUsed.forEach((id, at) -> {
                    ApiKey stored = keys.get(new Key(tenantId, id));
                    if (stored != null && stored.lastUsedAt().map(previous -> previous.isBefore(at)).orElse(true)) {
                        keys.put(new Key(tenantId, id), copy(stored, stored.expiresAt().orElse(null),
                                stored.revokedAt().orElse(null), at));
                    }
                });
                return null;
            }
        });
    }

    @Override
    public Uni<Optional<ApiKey>> find(TenantId tenantId, ApiKeyId id) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return Optional.<ApiKey>empty();
                }
                return Optional.ofNullable(keys.get(new Key(tenantId, id))).map(InMemoryApiKeyRepository::copy);
            }
        });
    }

    @Override
    public Uni<Optional<ApiKey>> findByLookupId(String lookupId) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                return keys.values().stream().filter(key -> key.lookupId().equals(lookupId)).findFirst()
                        .map(InMemoryApiKeyRepository::copy);
            }
        });
    }

    @Override
    public Uni<List<ApiKey>> list(TenantId tenantId) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return List.<ApiKey>of();
                }
                return keys.values().stream()
                        .filter(key -> key.tenantId().equals(tenantId))
                        .sorted(Comparator.comparing(key -> key.id().value(), UuidOrder.AS_STORED))
                        .map(InMemoryApiKeyRepository::copy)
                        .toList();
            }
        });
    }

    public synchronized int size() {
        return keys.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<Key, ApiKey> saved = new HashMap<>(keys);
        return () -> {
            synchronized (this) {
                keys.clear();
                keys.putAll(saved);
            }
        };
    }

    private static Key keyOf(ApiKey key) {
        return new Key(key.tenantId(), key.id());
    }

    private static ApiKey copy(ApiKey key) {
        return copy(key, key.expiresAt().orElse(null), key.revokedAt().orElse(null));
    }

    private static ApiKey copy(ApiKey key, Instant expiresAt, Instant revokedAt) {
        return copy(key, expiresAt, revokedAt, key.lastUsedAt().orElse(null));
    }

    private static ApiKey copy(ApiKey key, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        return ApiKey.rehydrate(key.id(), key.tenantId(), key.name(), key.scopes(), key.lookupId(), key.secretHash(),
                Timestamps.asStored(key.createdAt()), Timestamps.asStored(expiresAt), Timestamps.asStored(revokedAt),
                Timestamps.asStored(lastUsedAt));
    }
}
