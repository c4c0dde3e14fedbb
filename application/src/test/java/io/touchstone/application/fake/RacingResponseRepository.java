package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the race between two submissions under one idempotency key: once armed, the next lookup of a key misses it
 * as if the other submission had not committed yet, so the caller goes on to store its own response, and
 * {@link #add} then fails with {@code DuplicateIdempotencyKey} because the other submission did store the key.
 */
public class RacingResponseRepository extends InMemoryResponseRepository {

    private final AtomicBoolean missNextLookup = new AtomicBoolean();
    private final AtomicInteger adds = new AtomicInteger();

    /** The next {@link #findByIdempotencyKey} answers empty, whatever is stored. */
    public void missNextLookup() {
        missNextLookup.set(true);
    }

    @Override
    public Uni<Optional<Keyed>> findByIdempotencyKey(TenantId tenantId, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> missNextLookup.getAndSet(false)
                ? Uni.createFrom().item(Optional.empty())
                : super.findByIdempotencyKey(tenantId, idempotencyKey));
    }

    @Override
    public Uni<Void> add(Response response, String idempotencyKey, String fingerprint) {
        return Uni.createFrom().deferred(() -> {
            adds.incrementAndGet();
            return super.add(response, idempotencyKey, fingerprint);
        });
    }

    /** How often {@link #add} was called, successfully or not. */
    public int adds() {
        return adds.get();
    }
}
