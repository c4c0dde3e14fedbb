package io.touchstone.application.contract;

import static io.touchstone.application.contract.ContractFixtures.IDS_IN_STORED_ORDER;
import static io.touchstone.application.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.ApiKeyRepository;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.ApiKeyId;
import io.touchstone.domain.tenant.Scope;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyRepository} does, the in-memory fake and the database adapter alike. */
public abstract class ApiKeyRepositoryContract extends TwoTenantsContract {

    private static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00.654321Z");

    @Test
    public void aStoredKeyIsFoundWithEveryField() {
        ApiKey key = ContractFixtures.key(tenant, UUID.randomUUID(), EnumSet.of(Scope.KEYS_ADMIN, Scope.METRICS_READ,
                Scope.RESPONSES_WRITE), EXPIRES);

        transactionally(key.tenantId(), () -> keys().add(key));
        ApiKey found = transactionally(tenant, () -> keys().find(tenant, key.id())).orElseThrow();

        assertSameKey(found, key);
        assertThat(found.revokedAt()).isEmpty();
        assertThat(found.expiresAt()).contains(EXPIRES);
        assertThat(found.matches(key.secretHash())).isTrue();
    }

    @Test
    public void recordedUseIsStoredAndOnlyEverMovesForward() {
        ApiKey one = ContractFixtures.key(tenant, UUID.randomUUID());
        ApiKey two = ContractFixtures.key(tenant, UUID.randomUUID());
        transactionally(tenant, () -> keys().add(one).chain(() -> keys().add(two)));
        Instant first = Instant.parse("2026-11-22T10:00:00.123456Z");
        Instant later = Instant.parse("2026-11-22T10:05:00.654321Z");

        transactionally(tenant, () -> keys().recordUse(tenant, Map.of(one.id(), later, two.id(), first)));
        transactionally(tenant, () -> keys().recordUse(tenant, Map.of(one.id(), first,
                new ApiKeyId(UUID.randomUUID()), later)));

        assertThat(transactionally(tenant, () -> keys().find(tenant, one.id())).orElseThrow().lastUsedAt())
                .contains(later);
        assertThat(transactionally(tenant, () -> keys().find(tenant, two.id())).orElseThrow().lastUsedAt())
                .contains(first);
    }

    @Test
    public void recordedUseNeverReachesAnotherTenantsKey() {
        ApiKey theirs = ContractFixtures.key(otherTenant, UUID.randomUUID());
        transactionally(otherTenant, () -> keys().add(theirs));

        transactionally(tenant, () -> keys().recordUse(tenant, Map.of(theirs.id(), T0)));

        assertThat(transactionally(otherTenant, () -> keys().find(otherTenant, theirs.id())).orElseThrow()
                .lastUsedAt()).isEmpty();
    }

    @Test
    public void aKeyIsFoundByItsLookupIdWhateverTheTenant() {
        ApiKey mine = ContractFixtures.key(tenant, UUID.randomUUID());
        ApiKey theirs = ContractFixtures.key(otherTenant, UUID.randomUUID());
        transactionally(mine.tenantId(), () -> keys().add(mine));
        transactionally(theirs.tenantId(), () -> keys().add(theirs));

        assertSameKey(withoutTenant(() -> keys().findByLookupId(mine.lookupId())).orElseThrow(), mine);
        assertSameKey(withoutTenant(() -> keys().findByLookupId(theirs.lookupId())).orElseThrow(), theirs);
        assertThat(withoutTenant(() -> keys().findByLookupId(ContractFixtures.randomLookupId()))).isEmpty();
    }

    @Test
    public void anotherTenantsKeyIsNeitherFoundNorListed() {
        ApiKey key = ContractFixtures.key(tenant, UUID.randomUUID());
        transactionally(key.tenantId(), () -> keys().add(key));

        assertThat(transactionally(otherTenant, () -> keys().find(otherTenant, key.id()))).isEmpty();
        assertThat(transactionally(otherTenant, () -> keys().list(otherTenant))).isEmpty();
        assertThat(transactionally(tenant, () -> keys().find(tenant, new ApiKeyId(UUID.randomUUID())))).isEmpty();
    }

    @Test
    public void listsTheTenantsKeysInIdOrder() {
        List<UUID> scrambled = List.of(IDS_IN_STORED_ORDER.get(4), IDS_IN_STORED_ORDER.get(0),
                IDS_IN_STORED_ORDER.get(5), IDS_IN_STORED_ORDER.get(2), IDS_IN_STORED_ORDER.get(3),
                IDS_IN_STORED_ORDER.get(1));
        for (UUID id : scrambled) {
            transactionally(tenant, () -> keys().add(ContractFixtures.key(tenant, id)));
        }
        transactionally(otherTenant, () -> keys().add(ContractFixtures.key(otherTenant, UUID.randomUUID())));

        List<ApiKey> listed = transactionally(tenant, () -> keys().list(tenant));

        assertThat(listed).extracting(key -> key.id().value()).containsExactlyElementsOf(IDS_IN_STORED_ORDER);
        assertThat(listed).allSatisfy(key -> assertThat(key.tenantId()).isEqualTo(tenant));
    }

    @Test
    public void updateStoresTheRevocation() {
        ApiKey key = ContractFixtures.key(tenant, UUID.randomUUID());
        transactionally(key.tenantId(), () -> keys().add(key));
        Instant revokedAt = T0.plusSeconds(90);

        transactionally(tenant, () -> keys().find(tenant, key.id()).flatMap(found -> {
            found.orElseThrow().revoke(revokedAt);
            return keys().update(found.orElseThrow());
        }));

        ApiKey found = transactionally(tenant, () -> keys().find(tenant, key.id())).orElseThrow();
        assertThat(found.revokedAt()).contains(revokedAt);
        assertThat(found.stateAt(revokedAt)).isEqualTo(ApiKey.State.REVOKED);
        assertThat(withoutTenant(() -> keys().findByLookupId(key.lookupId())).orElseThrow().revokedAt())
                .contains(revokedAt);
    }

    @Test
    public void updateStoresTheExpiryARotationSets() {
        ApiKey key = ContractFixtures.key(tenant, UUID.randomUUID());
        transactionally(key.tenantId(), () -> keys().add(key));
        Instant rotatedAt = T0.plusSeconds(30);

        transactionally(tenant, () -> keys().find(tenant, key.id()).flatMap(found -> {
            found.orElseThrow().rotatedAt(rotatedAt, java.time.Duration.ofHours(3));
            return keys().update(found.orElseThrow());
        }));

        ApiKey found = transactionally(tenant, () -> keys().find(tenant, key.id())).orElseThrow();
        assertThat(found.expiresAt()).contains(rotatedAt.plus(java.time.Duration.ofHours(3)));
        assertThat(found.revokedAt()).isEmpty();
    }

    @Test
    public void revokingALoadedKeyChangesNothingStoredUntilUpdate() {
        ApiKey key = ContractFixtures.key(tenant, UUID.randomUUID());
        transactionally(key.tenantId(), () -> keys().add(key));

        ApiKey loaded = transactionally(tenant, () -> keys().find(tenant, key.id())).orElseThrow();
        loaded.revoke(T0.plusSeconds(5));
        key.revoke(T0.plusSeconds(5));

        assertThat(transactionally(tenant, () -> keys().find(tenant, key.id())).orElseThrow().revokedAt()).isEmpty();
    }

    @Test
    public void updatingAnUnknownKeyFails() {
        ApiKey never = ContractFixtures.key(tenant, UUID.randomUUID());
        never.revoke(T0);

        assertTransactionFails(never.tenantId(), () -> keys().update(never)).isInstanceOf(IllegalStateException.class);
        assertThat(transactionally(tenant, () -> keys().list(tenant))).isEmpty();
    }

    @Test
    public void lookupIdsAreUniqueAcrossTenants() {
        ApiKey mine = ContractFixtures.key(tenant, UUID.randomUUID());
        transactionally(mine.tenantId(), () -> keys().add(mine));
        ApiKey clash = ApiKey.issue(new ApiKeyId(UUID.randomUUID()), otherTenant, "clash", Set.of(Scope.SURVEYS_READ),
                mine.lookupId(), new byte[32], T0, null);

        assertTransactionFails(clash.tenantId(), () -> keys().add(clash));

        assertThat(transactionally(otherTenant, () -> keys().list(otherTenant))).isEmpty();
        assertSameKey(withoutTenant(() -> keys().findByLookupId(mine.lookupId())).orElseThrow(), mine);
    }

    @Test
    public void aTransactionThatFailsAfterItsWritesLeavesNothing() {
        ApiKey stored = ContractFixtures.key(tenant, UUID.randomUUID());
        transactionally(stored.tenantId(), () -> keys().add(stored));
        ApiKey added = ContractFixtures.key(tenant, UUID.randomUUID());

        assertTransactionFails(added.tenantId(), () -> keys().add(added)
                .chain(() -> keys().find(tenant, stored.id()))
                .chain(found -> {
                    found.orElseThrow().revoke(T0.plusSeconds(1));
                    return keys().update(found.orElseThrow());
                })
                .chain(PortContract::boom)).isInstanceOf(Boom.class);

        assertThat(transactionally(tenant, () -> keys().find(tenant, added.id()))).isEmpty();
        assertThat(withoutTenant(() -> keys().findByLookupId(added.lookupId()))).isEmpty();
        assertThat(transactionally(tenant, () -> keys().find(tenant, stored.id())).orElseThrow().revokedAt()).isEmpty();
    }

    private static void assertSameKey(ApiKey actual, ApiKey expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.tenantId()).isEqualTo(expected.tenantId());
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.scopes()).isEqualTo(expected.scopes());
        assertThat(actual.lookupId()).isEqualTo(expected.lookupId());
        assertThat(actual.secretHash()).isEqualTo(expected.secretHash());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.expiresAt()).isEqualTo(expected.expiresAt());
    }
}
