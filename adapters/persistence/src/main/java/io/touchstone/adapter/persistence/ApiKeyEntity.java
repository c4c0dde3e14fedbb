package io.touchstone.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_key")
@IdClass(TenantScopedKey.class)
class ApiKeyEntity {

    @Id
    @Column(name = "tenant_id")
    UUID tenantId;

    @Id
    UUID id;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String scopes;

    @Column(name = "lookup_id", nullable = false)
    String lookupId;

    @Column(name = "secret_hash", nullable = false)
    byte[] secretHash;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "last_used_at")
    Instant lastUsedAt;
}
