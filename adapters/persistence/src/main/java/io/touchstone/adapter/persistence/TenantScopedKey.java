package io.touchstone.adapter.persistence;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Primary key of tenant-owned rows: (tenant_id, id). */
public class TenantScopedKey implements Serializable {

    private static final long serialVersionUID = 1L;

    UUID tenantId;
    UUID id;

    public TenantScopedKey() {
    }

    TenantScopedKey(UUID tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantScopedKey key && Objects.equals(tenantId, key.tenantId)
                && Objects.equals(id, key.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}
