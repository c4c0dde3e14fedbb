package io.touchstone.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditProtoMapperTest {

    @Test
    void everyActionHasItsOwnProtoValue() {
        assertThat(Arrays.stream(AuditAction.values()).map(AuditProtoMapper::action))
                .doesNotHaveDuplicates()
                .doesNotContain(io.touchstone.proto.v1.AuditAction.AUDIT_ACTION_UNSPECIFIED);
    }

    @Test
    void mapsEveryFieldAndAnUnknownAddressAsEmpty() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-06-01T08:00:00.123456Z");
        AuditEvent event = new AuditEvent(id, new TenantId(UUID.randomUUID()), at, "api-key:k",
                AuditAction.SURVEY_PUBLISHED, "s-1", Optional.empty());

        io.touchstone.proto.v1.AuditEvent mapped = AuditProtoMapper.event(event);

        assertThat(mapped.getId()).isEqualTo(id.toString());
        assertThat(mapped.getAction()).isEqualTo(io.touchstone.proto.v1.AuditAction.AUDIT_ACTION_SURVEY_PUBLISHED);
        assertThat(mapped.getTargetId()).isEqualTo("s-1");
        assertThat(mapped.getPrincipal()).isEqualTo("api-key:k");
        assertThat(mapped.getOccurredAt().getSeconds()).isEqualTo(at.getEpochSecond());
        assertThat(mapped.getOccurredAt().getNanos()).isEqualTo(123456000);
        assertThat(mapped.getRemoteAddress()).isEmpty();
    }
}
