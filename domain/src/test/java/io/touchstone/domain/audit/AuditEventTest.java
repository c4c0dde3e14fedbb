package io.touchstone.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    public void aBlankAddressCountsAsUnknown() {
        AuditEvent event = new AuditEvent(UUID.randomUUID(), TENANT, NOW, "api-key:1", AuditAction.API_KEY_CREATED,
                "k", Optional.of(" "));

        assertThat(event.remoteAddress()).isEmpty();
    }

    @Test
    public void everyFieldButTheAddressIsRequired() {
        assertThatThrownBy(() -> new AuditEvent(UUID.randomUUID(), TENANT, NOW, null, AuditAction.API_KEY_CREATED,
                "k", Optional.empty())).isInstanceOf(NullPointerException.class).hasMessage("principal");
        assertThatThrownBy(() -> new AuditEvent(UUID.randomUUID(), TENANT, NOW, "p", null, "k", Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("action");
    }

    @Test
    public void actionNamesAreStableAndDistinct() {
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::wireName))
                .containsExactly("tenant.created", "tenant.suspended", "tenant.deleted", "api-key.created",
                        "api-key.revoked", "api-key.rotated", "survey.published", "journey.created",
                        "touchpoint.retired")
                .doesNotHaveDuplicates();
    }
}
