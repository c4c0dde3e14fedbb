package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.InteractionRepository.DuplicateEventId;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.domain.interaction.CustomerRef;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.interaction.LifecycleEventContent;
import io.touchstone.domain.interaction.LifecycleEventId;
import io.touchstone.domain.interaction.LocationRef;
import io.touchstone.domain.interaction.Outcome;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InteractionRepository} and {@link LifecycleEventRepository} does. The touchpoints the
 * interactions name are the implementation's to provide ({@link #touchpointOf}), since the database checks them.
 */
public abstract class InteractionRepositoryContract extends PortContract {

    protected abstract InteractionRepository interactions();

    protected abstract LifecycleEventRepository lifecycleEvents();

    /** A touchpoint of {@code tenant} that interactions may name (created where the implementation needs one). */
    protected abstract TouchpointId touchpointOf(TenantId tenant);

    private TenantId tenant;
    private TenantId otherTenant;
    private TouchpointId touchpoint;

    @BeforeEach
    public void storeTenants() {
        Tenant one = ContractFixtures.tenant();
        Tenant two = ContractFixtures.tenant();
        tenant = one.id();
        otherTenant = two.id();
        transactionally(tenant, () -> tenants().add(one));
        transactionally(otherTenant, () -> tenants().add(two));
        touchpoint = touchpointOf(tenant);
    }

    private Interaction interaction(TenantId owner, TouchpointId at, String eventId,
            Function<InteractionContent, InteractionContent> change) {
        InteractionContent content = new InteractionContent(new EventId(eventId), at, new CustomerRef("zákazník-7"),
                T0.plusSeconds(60), Outcome.ABANDONED, Duration.ofMillis(95_123).plusNanos(456_000),
                new StaffRef("agent-17"), new StaffRef("Tým Brno"), new LocationRef("تهران"),
                Map.of("queue", "billing", "order", "A-17"));
        return Interaction.rehydrate(new InteractionId(UUID.randomUUID()), owner, change.apply(content),
                T0.plusSeconds(120));
    }

    @Test
    public void aStoredInteractionIsFoundByItsEventIdWithEveryField() {
        Interaction stored = interaction(tenant, touchpoint, "call-1", c -> c);
        transactionally(tenant, () -> interactions().add(stored));

        Interaction found = transactionally(tenant, () -> interactions().findByEventId(tenant, new EventId("call-1")))
                .orElseThrow();

        assertThat(found.id()).isEqualTo(stored.id());
        assertThat(found.tenantId()).isEqualTo(tenant);
        assertThat(found.content()).isEqualTo(stored.content());
        assertThat(found.recordedAt()).isEqualTo(stored.recordedAt());
    }

    @Test
    public void absentOptionalFieldsStayAbsent() {
        Interaction stored = interaction(tenant, touchpoint, "chat-1", c -> new InteractionContent(c.eventId(),
                c.touchpoint(), c.customer(), c.occurredAt(), Outcome.COMPLETED, null, null, null, null, Map.of()));
        transactionally(tenant, () -> interactions().add(stored));

        InteractionContent found = transactionally(tenant, () -> interactions().findByEventId(tenant,
                new EventId("chat-1"))).orElseThrow().content();

        assertThat(found).isEqualTo(stored.content());
        assertThat(found.duration()).isNull();
        assertThat(found.employee()).isNull();
        assertThat(found.attributes()).isEmpty();
    }

    @Test
    public void aSecondInteractionWithTheSameEventIdIsRefusedAndNothingIsStored() {
        Interaction first = interaction(tenant, touchpoint, "call-1", c -> c);
        transactionally(tenant, () -> interactions().add(first));

        assertTransactionFails(tenant, () -> interactions().add(interaction(tenant, touchpoint, "call-1", c -> c)))
                .isInstanceOf(DuplicateEventId.class);
        assertThat(transactionally(tenant, () -> interactions().findByEventId(tenant, new EventId("call-1"))))
                .get().extracting(Interaction::id).isEqualTo(first.id());
    }

    @Test
    public void eventIdsAreUniquePerTenantOnlyAndInvisibleToOtherTenants() {
        TouchpointId theirs = touchpointOf(otherTenant);
        transactionally(tenant, () -> interactions().add(interaction(tenant, touchpoint, "call-1", c -> c)));
        transactionally(otherTenant, () -> interactions().add(interaction(otherTenant, theirs, "call-1", c -> c)));

        assertThat(transactionally(otherTenant, () -> interactions().findByEventId(tenant, new EventId("call-1"))))
                .isEmpty();
        assertThat(transactionally(tenant, () -> interactions().findByEventId(tenant, new EventId("call-2"))))
                .isEmpty();
        assertThat(transactionally(otherTenant, () -> interactions().findByEventId(otherTenant,
                new EventId("call-1")))).get().extracting(i -> i.content().touchpoint()).isEqualTo(theirs);
    }

    @Test
    public void aFailedTransactionLeavesNoInteraction() {
        assertTransactionFails(tenant, () -> interactions().add(interaction(tenant, touchpoint, "call-1", c -> c))
                .chain(PortContract::boom)).isInstanceOf(Boom.class);

        assertThat(transactionally(tenant, () -> interactions().findByEventId(tenant, new EventId("call-1"))))
                .isEmpty();
    }

    private LifecycleEvent churn(TenantId owner, String eventId, String reason) {
        return LifecycleEvent.rehydrate(new LifecycleEventId(UUID.randomUUID()), owner,
                LifecycleEventContent.of(eventId, "cust-1", reason == null ? "ACTIVATED" : "CHURNED",
                        T0.plusSeconds(30), reason, Map.of("plan", "pro")),
                T0.plusSeconds(40));
    }

    @Test
    public void aStoredLifecycleEventIsFoundByItsEventIdWithEveryField() {
        LifecycleEvent churned = churn(tenant, "churn-1", "přechod ke konkurenci");
        LifecycleEvent activated = churn(tenant, "act-1", null);
        transactionally(tenant, () -> lifecycleEvents().add(churned).chain(() -> lifecycleEvents().add(activated)));

        Optional<LifecycleEvent> found = transactionally(tenant, () -> lifecycleEvents().findByEventId(tenant,
                new EventId("churn-1")));
        Optional<LifecycleEvent> other = transactionally(tenant, () -> lifecycleEvents().findByEventId(tenant,
                new EventId("act-1")));

        assertThat(found).get().satisfies(e -> {
            assertThat(e.id()).isEqualTo(churned.id());
            assertThat(e.content()).isEqualTo(churned.content());
            assertThat(e.recordedAt()).isEqualTo(churned.recordedAt());
        });
        assertThat(other).get().satisfies(e -> assertThat(e.content()).isEqualTo(activated.content()));
        assertThat(transactionally(otherTenant, () -> lifecycleEvents().findByEventId(tenant,
                new EventId("churn-1")))).isEmpty();
    }

    @Test
    public void aSecondLifecycleEventWithTheSameEventIdIsRefused() {
        transactionally(tenant, () -> lifecycleEvents().add(churn(tenant, "churn-1", "price")));

        assertTransactionFails(tenant, () -> lifecycleEvents().add(churn(tenant, "churn-1", "service")))
                .isInstanceOf(DuplicateEventId.class);
        transactionally(otherTenant, () -> lifecycleEvents().add(churn(otherTenant, "churn-1", "price")));
        assertThat(transactionally(tenant, () -> lifecycleEvents().findByEventId(tenant, new EventId("churn-1"))))
                .get().satisfies(e -> assertThat(e.content().reason()).isEqualTo("price"));
    }
}
