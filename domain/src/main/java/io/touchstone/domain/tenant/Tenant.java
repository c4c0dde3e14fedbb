package io.touchstone.domain.tenant;

import io.touchstone.domain.shared.Text;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A customer organisation. Every other piece of data belongs to exactly one tenant. */
public final class Tenant {

    public static final int MAX_NAME_LENGTH = 200;

    private final TenantId id;
    private final String name;
    private final ZoneId timeZone;
    private final Instant createdAt;
    private TenantStatus status;

    private Tenant(TenantId id, String name, ZoneId timeZone, Instant createdAt, TenantStatus status) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name;
        this.timeZone = timeZone;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** A new tenant; the time zone is an IANA region id such as {@code Europe/Prague}. */
    public static Tenant create(TenantId id, String name, String timeZone, Instant now) {
        return new Tenant(id, Text.required("name", name, MAX_NAME_LENGTH), zone(timeZone), now,
                TenantStatus.ACTIVE);
    }

    /** An active tenant as stored. */
    public static Tenant rehydrate(TenantId id, String name, String timeZone, Instant createdAt) {
        return rehydrate(id, name, timeZone, createdAt, TenantStatus.ACTIVE);
    }

    public static Tenant rehydrate(TenantId id, String name, String timeZone, Instant createdAt,
            TenantStatus status) {
        return new Tenant(id, name, ZoneId.of(timeZone), createdAt, status);
    }

    /** Suspends an active tenant; suspending a suspended one changes nothing, a deleted one cannot be suspended. */
    public void suspend() {
        if (status == TenantStatus.DELETED) {
            throw new NotFound("tenant.not-found", "no tenant with this id");
        }
        status = TenantStatus.SUSPENDED;
    }

    /** Marks the tenant deleted; deleting it again changes nothing. */
    public void delete() {
        status = TenantStatus.DELETED;
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            throw new InvalidValue("timeZone", "value.required", "must not be empty");
        }
        try {
            ZoneId zone = ZoneId.of(timeZone.strip());
            if (!zone.getId().contains("/") && !zone.getId().equals("UTC")) {
                throw new InvalidValue("timeZone", "tenant.time-zone-invalid",
                        "must be an IANA time zone such as Europe/Prague or UTC");
            }
            return zone;
        } catch (DateTimeException e) {
            throw new InvalidValue("timeZone", "tenant.time-zone-invalid",
                    "unknown time zone '" + timeZone + "'; use an IANA id such as Europe/Prague");
        }
    }

    public TenantId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public TenantStatus status() {
        return status;
    }
}
