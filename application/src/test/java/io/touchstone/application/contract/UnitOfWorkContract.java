package io.touchstone.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.Tenant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link io.touchstone.application.port.out.UnitOfWork} does: all of a transaction's writes, or none; only
 * the rows of the transaction's tenant, whatever the repositories are asked for.
 */
public abstract class UnitOfWorkContract extends PortContract {

    @Test
    public void aSuccessfulTransactionKeepsEveryWriteAndHandsBackItsItem() {
        Tenant tenant = ContractFixtures.tenant();
        ApiKey key = ContractFixtures.key(tenant.id(), UUID.randomUUID());

        String item = transactionally(tenant.id(),
                () -> tenants().add(tenant).chain(() -> keys().add(key)).replaceWith("done"));

        assertThat(item).isEqualTo("done");
        assertThat(transactionally(tenant.id(), () -> tenants().find(tenant.id()))).isPresent();
        assertThat(transactionally(tenant.id(), () -> keys().find(tenant.id(), key.id()))).isPresent();
    }

    @Test
    public void aFailedTransactionLeavesNoneOfItsWritesAndReportsItsFailure() {
        Tenant tenant = ContractFixtures.tenant();
        ApiKey key = ContractFixtures.key(tenant.id(), UUID.randomUUID());
        Boom boom = new Boom();

        assertTransactionFails(tenant.id(), () -> tenants().add(tenant).chain(() -> keys().add(key))
                .chain(() -> Uni.createFrom().failure(boom))).isSameAs(boom);

        assertThat(transactionally(tenant.id(), () -> tenants().find(tenant.id()))).isEmpty();
        assertThat(withoutTenant(() -> keys().findByLookupId(key.lookupId()))).isEmpty();
    }

    @Test
    public void aWriteThatFailsUndoesTheWritesBeforeIt() {
        Tenant existing = ContractFixtures.tenant();
        ApiKey existingKey = ContractFixtures.key(existing.id(), UUID.randomUUID());
        transactionally(existing.id(), () -> tenants().add(existing).chain(() -> keys().add(existingKey)));
        Tenant tenant = ContractFixtures.tenant();
        ApiKey clash = ApiKey.issue(new ApiKeyId(UUID.randomUUID()), tenant.id(), "clash", Set.of(Scope.SURVEYS_READ),
                existingKey.lookupId(), new byte[32], ContractFixtures.T0, null);

        assertTransactionFails(tenant.id(), () -> tenants().add(tenant).chain(() -> keys().add(clash)));

        assertThat(transactionally(tenant.id(), () -> tenants().find(tenant.id()))).isEmpty();
        assertThat(withoutTenant(() -> keys().findByLookupId(existingKey.lookupId())).map(ApiKey::id))
                .contains(existingKey.id());
    }

    @Test
    public void aFailureWhileStartingTheWorkFailsTheTransaction() {
        IllegalStateException thrown = new IllegalStateException("refused before any write");

        Uni<Object> transaction = unitOfWork().transactionally(ContractFixtures.tenant().id(), () -> {
            throw thrown;
        });

        assertThatThrownBy(() -> transaction.await().atMost(TIMEOUT)).isSameAs(thrown);
    }

    @Test
    public void theWorkRunsOnlyWhenTheTransactionIsSubscribedTo() {
        AtomicInteger runs = new AtomicInteger();

        Uni<Integer> transaction = unitOfWork().transactionally(ContractFixtures.tenant().id(),
                () -> Uni.createFrom().item(runs.incrementAndGet()));

        assertThat(runs).hasValue(0);
        assertThat(transaction.await().atMost(TIMEOUT)).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    public void aTransactionSeesItsOwnWritesBeforeItEnds() {
        Tenant tenant = ContractFixtures.tenant();
        ApiKey key = ContractFixtures.key(tenant.id(), UUID.randomUUID());

        ApiKey seen = transactionally(tenant.id(), () -> tenants().add(tenant).chain(() -> keys().add(key))
                .chain(() -> keys().findByLookupId(key.lookupId())).map(found -> found.orElseThrow()));

        assertThat(seen.id()).isEqualTo(key.id());
    }

    @Test
    public void aFailedTransactionDoesNotUndoEarlierOnes() {
        Tenant committed = ContractFixtures.tenant();
        transactionally(committed.id(), () -> tenants().add(committed));
        Tenant failed = ContractFixtures.tenant();

        assertTransactionFails(failed.id(),
                () -> tenants().add(failed).chain(PortContract::boom)).isInstanceOf(Boom.class);

        assertThat(transactionally(committed.id(), () -> tenants().find(committed.id()))).isPresent();
        assertThat(transactionally(failed.id(), () -> tenants().find(failed.id()))).isEmpty();
    }

    @Test
    public void aTransactionSeesOnlyTheRowsOfItsTenant() {
        Tenant mine = ContractFixtures.tenant();
        Tenant theirs = ContractFixtures.tenant();
        ApiKey theirKey = ContractFixtures.key(theirs.id(), UUID.randomUUID());
        Survey theirSurvey = ContractFixtures.draft(theirs.id(), UUID.randomUUID());
        transactionally(mine.id(), () -> tenants().add(mine));
        transactionally(theirs.id(), () -> tenants().add(theirs).chain(() -> keys().add(theirKey))
                .chain(() -> surveys().add(theirSurvey)));

        assertThat(transactionally(mine.id(), () -> tenants().find(theirs.id()))).isEmpty();
        assertThat(transactionally(mine.id(), () -> keys().find(theirs.id(), theirKey.id()))).isEmpty();
        assertThat(transactionally(mine.id(), () -> keys().list(theirs.id()))).isEmpty();
        assertThat(transactionally(mine.id(), () -> surveys().find(theirs.id(), theirSurvey.id()))).isEmpty();
        assertThat(transactionally(theirs.id(), () -> surveys().find(theirs.id(), theirSurvey.id()))).isPresent();
        assertThat(transactionally(theirs.id(), () -> keys().list(theirs.id()))).hasSize(1);
    }

    @Test
    public void aTransactionRefusesToWriteRowsOfAnotherTenant() {
        Tenant mine = ContractFixtures.tenant();
        Tenant theirs = ContractFixtures.tenant();
        transactionally(mine.id(), () -> tenants().add(mine));
        transactionally(theirs.id(), () -> tenants().add(theirs));
        Survey forThem = ContractFixtures.draft(theirs.id(), UUID.randomUUID());
        Tenant another = ContractFixtures.tenant();

        assertTransactionFails(mine.id(), () -> surveys().add(forThem));
        assertTransactionFails(mine.id(), () -> tenants().add(another));

        assertThat(transactionally(theirs.id(), () -> surveys().find(theirs.id(), forThem.id()))).isEmpty();
        assertThat(transactionally(another.id(), () -> tenants().find(another.id()))).isEmpty();
    }

    @Test
    public void withoutTenantOnlyTheLookupOfAKeyByItsLookupIdSeesRows() {
        Tenant tenant = ContractFixtures.tenant();
        ApiKey key = ContractFixtures.key(tenant.id(), UUID.randomUUID());
        transactionally(tenant.id(), () -> tenants().add(tenant).chain(() -> keys().add(key)));

        assertThat(withoutTenant(() -> tenants().find(tenant.id()))).isEmpty();
        assertThat(withoutTenant(() -> keys().find(tenant.id(), key.id()))).isEmpty();
        assertThat(withoutTenant(() -> keys().list(tenant.id()))).isEmpty();
        assertThat(withoutTenant(() -> keys().findByLookupId(key.lookupId())).map(ApiKey::id)).contains(key.id());
        Tenant another = ContractFixtures.tenant();
        assertThatThrownBy(() -> withoutTenant(() -> tenants().add(another))).isNotNull();
        assertThat(transactionally(another.id(), () -> tenants().find(another.id()))).isEmpty();
    }
}
