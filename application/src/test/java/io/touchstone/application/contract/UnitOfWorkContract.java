package io.touchstone.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.application.port.out.TenantRepository;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link io.touchstone.application.port.out.UnitOfWork} does: all of a transaction's writes, or none. */
public abstract class UnitOfWorkContract extends PortContract {

    /** Ports to write through and to look with. */
    protected abstract TenantRepository tenants();

    protected abstract ApiKeyRepository keys();

    @Test
    public void aSuccessfulTransactionKeepsEveryWriteAndHandsBackItsItem() {
        Tenant tenant = ContractFixtures.tenant();
        ApiKey key = ContractFixtures.key(tenant.id(), UUID.randomUUID());

        String item = transactionally(() -> tenants().add(tenant).chain(() -> keys().add(key)).replaceWith("done"));

        assertThat(item).isEqualTo("done");
        assertThat(transactionally(() -> tenants().find(tenant.id()))).isPresent();
        assertThat(transactionally(() -> keys().find(tenant.id(), key.id()))).isPresent();
    }

    @Test
    public void aFailedTransactionLeavesNoneOfItsWritesAndReportsItsFailure() {
        Tenant tenant = ContractFixtures.tenant();
        ApiKey key = ContractFixtures.key(tenant.id(), UUID.randomUUID());
        Boom boom = new Boom();

        assertTransactionFails(() -> tenants().add(tenant).chain(() -> keys().add(key))
                .chain(() -> Uni.createFrom().failure(boom))).isSameAs(boom);

        assertThat(transactionally(() -> tenants().find(tenant.id()))).isEmpty();
        assertThat(transactionally(() -> keys().findByLookupId(key.lookupId()))).isEmpty();
    }

    @Test
    public void aWriteThatFailsUndoesTheWritesBeforeIt() {
        Tenant existing = ContractFixtures.tenant();
        ApiKey existingKey = ContractFixtures.key(existing.id(), UUID.randomUUID());
        transactionally(() -> tenants().add(existing).chain(() -> keys().add(existingKey)));
        Tenant tenant = ContractFixtures.tenant();
        ApiKey clash = ApiKey.issue(new ApiKeyId(UUID.randomUUID()), tenant.id(), "clash", Set.of(Scope.SURVEYS_READ),
                existingKey.lookupId(), new byte[32], ContractFixtures.T0, null);

        assertTransactionFails(() -> tenants().add(tenant).chain(() -> keys().add(clash)));

        assertThat(transactionally(() -> tenants().find(tenant.id()))).isEmpty();
        assertThat(transactionally(() -> keys().findByLookupId(existingKey.lookupId())).map(ApiKey::id))
                .contains(existingKey.id());
    }

    @Test
    public void aFailureWhileStartingTheWorkFailsTheTransaction() {
        IllegalStateException thrown = new IllegalStateException("refused before any write");

        Uni<Object> transaction = unitOfWork().transactionally(() -> {
            throw thrown;
        });

        assertThatThrownBy(() -> transaction.await().atMost(TIMEOUT)).isSameAs(thrown);
    }

    @Test
    public void theWorkRunsOnlyWhenTheTransactionIsSubscribedTo() {
        AtomicInteger runs = new AtomicInteger();

        Uni<Integer> transaction = unitOfWork().transactionally(() -> Uni.createFrom().item(runs.incrementAndGet()));

        assertThat(runs).hasValue(0);
        assertThat(transaction.await().atMost(TIMEOUT)).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    public void aTransactionSeesItsOwnWritesBeforeItEnds() {
        Tenant tenant = ContractFixtures.tenant();
        ApiKey key = ContractFixtures.key(tenant.id(), UUID.randomUUID());

        ApiKey seen = transactionally(() -> tenants().add(tenant).chain(() -> keys().add(key))
                .chain(() -> keys().findByLookupId(key.lookupId())).map(found -> found.orElseThrow()));

        assertThat(seen.id()).isEqualTo(key.id());
    }

    @Test
    public void aFailedTransactionDoesNotUndoEarlierOnes() {
        Tenant committed = ContractFixtures.tenant();
        transactionally(() -> tenants().add(committed));
        Tenant failed = ContractFixtures.tenant();

        assertTransactionFails(() -> tenants().add(failed).chain(PortContract::boom)).isInstanceOf(Boom.class);

        assertThat(transactionally(() -> tenants().find(committed.id()))).isPresent();
        assertThat(transactionally(() -> tenants().find(failed.id()))).isEmpty();
    }
}
