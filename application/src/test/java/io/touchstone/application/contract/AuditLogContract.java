package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.IDS_IN_STORED_ORDER;
import static io.touchstone.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.AuditLog;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.domain.audit.AuditAction;
import io.touchstone.domain.audit.AuditEvent;
import io.touchstone.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} does, the in-memory fake and the database adapter alike. */
public abstract class AuditLogContract extends TwoTenantsContract {

    @Test
    public void anAppendedEventIsListedWithEveryField() {
        AuditEvent event = new AuditEvent(UUID.randomUUID(), tenant, T0, "api-key:" + UUID.randomUUID(),
                AuditAction.API_KEY_REVOKED, UUID.randomUUID().toString(), Optional.of("192.0.2.7"));
        AuditEvent unknownAddress = new AuditEvent(UUID.randomUUID(), tenant, T0.plusSeconds(1), "operator",
                AuditAction.TENANT_CREATED, tenant.value().toString(), Optional.empty());

        transactionally(tenant, () -> auditLog().append(event));
        transactionally(tenant, () -> auditLog().append(unknownAddress));

        assertThat(transactionally(tenant, () -> auditLog().list(tenant, new KeysetPage(10, Optional.empty()))))
                .containsExactlyInAnyOrder(event, unknownAddress);
    }

    @Test
    public void listsNewestFirstInPagesBelowTheCursor() {
        List<UUID> scrambled = List.of(IDS_IN_STORED_ORDER.get(4), IDS_IN_STORED_ORDER.get(0),
                IDS_IN_STORED_ORDER.get(5), IDS_IN_STORED_ORDER.get(2), IDS_IN_STORED_ORDER.get(3),
                IDS_IN_STORED_ORDER.get(1));
        for (UUID id : scrambled) {
            transactionally(tenant, () -> auditLog().append(event(tenant, id)));
        }
        List<UUID> newestFirst = new ArrayList<>(IDS_IN_STORED_ORDER);
        java.util.Collections.reverse(newestFirst);

        List<AuditEvent> first = transactionally(tenant,
                () -> auditLog().list(tenant, new KeysetPage(4, Optional.empty())));
        List<AuditEvent> rest = transactionally(tenant,
                () -> auditLog().list(tenant, new KeysetPage(4, Optional.of(first.getLast().id()))));

        assertThat(first).extracting(AuditEvent::id).containsExactlyElementsOf(newestFirst.subList(0, 4));
        assertThat(rest).extracting(AuditEvent::id).containsExactlyElementsOf(newestFirst.subList(4, 6));
    }

    @Test
    public void anotherTenantsEventsAreNotListed() {
        transactionally(tenant, () -> auditLog().append(event(tenant, UUID.randomUUID())));

        assertThat(transactionally(otherTenant,
                () -> auditLog().list(otherTenant, new KeysetPage(10, Optional.empty())))).isEmpty();
        assertThat(transactionally(otherTenant,
                () -> auditLog().list(tenant, new KeysetPage(10, Optional.empty())))).isEmpty();
    }

    @Test
    public void anEventOfAnotherTenantIsRefused() {
        assertTransactionFails(otherTenant, () -> auditLog().append(event(tenant, UUID.randomUUID())));

        assertThat(transactionally(tenant, () -> auditLog().list(tenant, new KeysetPage(10, Optional.empty()))))
                .isEmpty();
    }

    @Test
    public void aTransactionThatFailsAfterAppendingLeavesNothing() {
        assertTransactionFails(tenant, () -> auditLog().append(event(tenant, UUID.randomUUID()))
                .chain(PortContract::boom)).isInstanceOf(Boom.class);

        assertThat(transactionally(tenant, () -> auditLog().list(tenant, new KeysetPage(10, Optional.empty()))))
                .isEmpty();
    }

    private static AuditEvent event(TenantId tenant, UUID id) {
        return new AuditEvent(id, tenant, T0, "api-key:" + UUID.randomUUID(), AuditAction.API_KEY_CREATED,
                UUID.randomUUID().toString(), Optional.empty());
    }
}
