package io.touchstone.adapter.rest;

import io.touchstone.domain.tenant.Tenant;
import java.time.Instant;
import java.util.UUID;

public record TenantView(UUID id, String name, String timeZone, Instant createdAt) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id().value(), tenant.name(), tenant.timeZone().getId(), Timestamps.of(tenant.createdAt()));
    }
}
