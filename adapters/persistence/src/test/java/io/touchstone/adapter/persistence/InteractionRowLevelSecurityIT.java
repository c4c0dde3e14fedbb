package io.touchstone.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.contract.ContractFixtures;
import io.touchstone.application.contract.JourneyFixtures;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.interaction.LifecycleEventContent;
import io.touchstone.domain.interaction.LifecycleEventId;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Row-level security and the service role's grants on the interaction tables: through the service's own connection,
 * unfiltered SQL sees only the transaction's tenant, nothing without one, writes no row of another tenant, and
 * changes or deletes no recorded event.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class InteractionRowLevelSecurityIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> TABLES = List.of("interaction", "customer_lifecycle_event");

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateJourneyRepository journeys;

    @Inject
    HibernateInteractionRepository interactions;

    @Inject
    HibernateLifecycleEventRepository lifecycleEvents;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Inject
    Mutiny.SessionFactory sessions;

    private Tenant a;
    private Tenant b;

    @BeforeEach
    void twoTenantsWithEvents() {
        a = ContractFixtures.tenant();
        b = ContractFixtures.tenant();
        store(a);
        store(b);
    }

    private void store(Tenant tenant) {
        Journey journey = JourneyFixtures.orderToDelivery(tenant.id(), UUID.randomUUID());
        Interaction interaction = Interaction.rehydrate(new InteractionId(UUID.randomUUID()), tenant.id(),
                InteractionContent.of("call-1", journey.stages().getFirst().touchpoints().getFirst().id().value(),
                        "cust-1", ContractFixtures.T0, "COMPLETED", null, null, null, null, Map.of()),
                ContractFixtures.T0);
        LifecycleEvent churn = LifecycleEvent.rehydrate(new LifecycleEventId(UUID.randomUUID()), tenant.id(),
                LifecycleEventContent.of("churn-1", "cust-1", "CHURNED", ContractFixtures.T0, "price", Map.of()),
                ContractFixtures.T0);
        unitOfWork.transactionally(tenant.id(), () -> tenants.add(tenant)
                        .chain(() -> journeys.add(journey))
                        .chain(() -> interactions.add(interaction))
                        .chain(() -> lifecycleEvents.add(churn)))
                .await().atMost(TIMEOUT);
    }

    @Test
    void anUnfilteredQueryForOneTenantSeesNoRowOfAnotherAndNoneWithoutATenant() {
        for (String table : TABLES) {
            assertThat(count(b.id(), "select count(*) from " + table + " where tenant_id <> '" + b.id() + "'"))
                    .as("rows of other tenants in %s, seen in a transaction for B", table).isZero();
            assertThat(count(b.id(), "select count(*) from " + table)).as("B's rows in %s", table).isOne();
            assertThat(count(a.id(), "select count(*) from " + table + " where tenant_id = '" + a.id() + "'"))
                    .as("A's rows in %s, seen by A", table).isOne();
            assertThat(unitOfWork.transactionallyWithoutTenant(() -> sessions.withSession(session -> session
                    .createNativeQuery("select count(*) from " + table, Long.class).getSingleResult()))
                    .await().atMost(TIMEOUT)).as("rows of %s without a tenant", table).isZero();
        }
    }

    @Test
    void aRowOfAnotherTenantCannotBeInserted() {
        assertThatThrownBy(() -> inTransactionFor(b.id(), session -> session.createNativeQuery(
                        "insert into customer_lifecycle_event (tenant_id, id, event_id, customer_ref, kind,"
                                + " occurred_at, attributes, recorded_at) values ('" + a.id() + "', '"
                                + UUID.randomUUID() + "', 'x', 'c', 'ACTIVATED', now(), '{}', now())")
                .executeUpdate()))
                .hasStackTraceContaining("row-level security");
    }

    @Test
    void recordedEventsCannotBeChangedNorDeletedByTheService() {
        for (String table : TABLES) {
            assertThatThrownBy(() -> inTransactionFor(a.id(), session -> session.createNativeQuery(
                    "update " + table + " set customer_ref = 'someone else'").executeUpdate()))
                    .as("update %s", table).hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> inTransactionFor(a.id(), session -> session.createNativeQuery(
                    "delete from " + table).executeUpdate()))
                    .as("delete from %s", table).hasStackTraceContaining("permission denied");
        }
        assertThat(count(a.id(), "select count(*) from interaction where customer_ref = 'cust-1'")).isOne();
    }

    private long count(TenantId tenant, String sql) {
        return inTransactionFor(tenant, session -> session.createNativeQuery(sql, Long.class).getSingleResult());
    }

    private <T> T inTransactionFor(TenantId tenant, Function<Mutiny.Session, Uni<T>> work) {
        return unitOfWork.transactionally(tenant, () -> sessions.withSession(work)).await().atMost(TIMEOUT);
    }
}
