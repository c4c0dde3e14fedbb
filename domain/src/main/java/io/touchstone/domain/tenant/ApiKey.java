package io.touchstone.domain.tenant;

import io.touchstone.domain.shared.Text;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.RuleViolated;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A credential a tenant's integration presents. Only a hash of the secret is kept; the key is found by its public
 * lookup id and the hash is compared in constant time.
 */
public final class ApiKey {

    public static final int MAX_NAME_LENGTH = 100;

    /** How long a rotated key keeps working next to its successor, unless told otherwise. */
    public static final Duration DEFAULT_ROTATION_OVERLAP = Duration.ofHours(24);
    public static final Duration MAX_ROTATION_OVERLAP = Duration.ofDays(7);

    public enum State { ACTIVE, EXPIRED, REVOKED }

    private final ApiKeyId id;
    private final TenantId tenantId;
    private final String name;
    private final Set<Scope> scopes;
    private final String lookupId;
    private final byte[] secretHash;
    private final Instant createdAt;
    private Instant expiresAt;
    private Instant revokedAt;
    private final Instant lastUsedAt;

    private ApiKey(ApiKeyId id, TenantId tenantId, String name, Set<Scope> scopes, String lookupId,
            byte[] secretHash, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.name = name;
        this.scopes = Set.copyOf(scopes);
        this.lookupId = Objects.requireNonNull(lookupId, "lookupId");
        this.secretHash = secretHash.clone();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        this.lastUsedAt = lastUsedAt;
    }

    public static ApiKey issue(ApiKeyId id, TenantId tenantId, String name, Set<Scope> scopes, String lookupId,
            byte[] secretHash, Instant now, Instant expiresAt) {
        String checkedName = Text.required("name", name, MAX_NAME_LENGTH);
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidValue("scopes", "api-key.scopes-required", "a key needs at least one scope");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidValue("expiresAt", "api-key.expiry-in-past", "must lie in the future");
        }
        return new ApiKey(id, tenantId, checkedName, EnumSet.copyOf(scopes), lookupId, secretHash, now, expiresAt,
                null, null);
    }

    public static ApiKey rehydrate(ApiKeyId id, TenantId tenantId, String name, Set<Scope> scopes, String lookupId,
            byte[] secretHash, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        return rehydrate(id, tenantId, name, scopes, lookupId, secretHash, createdAt, expiresAt, revokedAt, null);
    }

    /** {@code lastUsedAt}: when the key last authenticated a request, as last recorded (null: never). */
    public static ApiKey rehydrate(ApiKeyId id, TenantId tenantId, String name, Set<Scope> scopes, String lookupId,
            byte[] secretHash, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        return new ApiKey(id, tenantId, name, scopes, lookupId, secretHash, createdAt, expiresAt, revokedAt,
                lastUsedAt);
    }

    /** Constant-time comparison of the stored hash with the hash of a presented secret. */
    public boolean matches(byte[] presentedSecretHash) {
        return MessageDigest.isEqual(secretHash, presentedSecretHash);
    }

    public State stateAt(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return State.EXPIRED;
        }
        return State.ACTIVE;
    }

    /** Revokes the key from {@code now} on; revoking a revoked key changes nothing. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /**
     * Starts replacing this key by {@code successor}: this key keeps working for {@code overlap} more (not longer than
     * it would have anyway), so that integrations can switch over. Only an active key can be rotated.
     */
    public void rotatedAt(Instant now, Duration overlap) {
        if (overlap.isNegative() || overlap.isZero() || overlap.compareTo(MAX_ROTATION_OVERLAP) > 0) {
            throw new InvalidValue("overlapSeconds", "api-key.overlap-out-of-range",
                    "must lie within 1.." + MAX_ROTATION_OVERLAP.toSeconds() + " seconds");
        }
        if (stateAt(now) != State.ACTIVE) {
            throw new RuleViolated("api-key.not-active", "only an active key can be rotated");
        }
        Instant until = now.plus(overlap);
        if (expiresAt == null || until.isBefore(expiresAt)) {
            expiresAt = until;
        }
    }

    public boolean grants(Scope scope) {
        return scopes.contains(scope);
    }

    public ApiKeyId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    public String lookupId() {
        return lookupId;
    }

    public byte[] secretHash() {
        return secretHash.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    /** When the key last authenticated a request; recorded in batches, so it may lag by the flush interval. */
    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", tenant=" + tenantId + ", scopes=" + scopes + "]";
    }
}
