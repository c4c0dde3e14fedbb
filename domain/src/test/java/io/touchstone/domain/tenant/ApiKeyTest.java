package io.touchstone.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.domain.shared.error.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(30));
    private static final TenantId TENANT = new TenantId(UUID.fromString("0190a5e0-0000-7000-8000-00000000000a"));
    private static final ApiKeyId ID = new ApiKeyId(UUID.fromString("0190a5e0-0000-7000-8000-0000000000c1"));
    private static final byte[] HASH = bytes(32, 7);

    @Test
    void aNewKeyIsActiveUntilJustBeforeItExpires() {
        ApiKey key = issue(EXPIRES);

        assertThat(key.stateAt(NOW)).isEqualTo(ApiKey.State.ACTIVE);
        assertThat(key.stateAt(EXPIRES.minusNanos(1))).isEqualTo(ApiKey.State.ACTIVE);
        assertThat(key.expiresAt()).contains(EXPIRES);
        assertThat(key.revokedAt()).isEmpty();
        assertThat(key.createdAt()).isEqualTo(NOW);
    }

    @Test
    void aRotatedKeyWorksForTheOverlapThenExpires() {
        ApiKey key = issue(null);

        key.rotatedAt(NOW, Duration.ofHours(2));

        assertThat(key.expiresAt()).contains(NOW.plus(Duration.ofHours(2)));
        assertThat(key.stateAt(NOW.plus(Duration.ofHours(2)).minusNanos(1))).isEqualTo(ApiKey.State.ACTIVE);
        assertThat(key.stateAt(NOW.plus(Duration.ofHours(2)))).isEqualTo(ApiKey.State.EXPIRED);
    }

    @Test
    void rotationNeverExtendsAKeysLife() {
        ApiKey key = issue(NOW.plusSeconds(60));

        key.rotatedAt(NOW, ApiKey.DEFAULT_ROTATION_OVERLAP);

        assertThat(key.expiresAt()).contains(NOW.plusSeconds(60));
    }

    @Test
    void rotationNeedsAnActiveKeyAndAnOverlapOfAtMostSevenDays() {
        assertThatThrownBy(() -> issue(null).rotatedAt(NOW, Duration.ofDays(7).plusSeconds(1)))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("overlapSeconds");
        assertThatThrownBy(() -> issue(null).rotatedAt(NOW, Duration.ZERO)).isInstanceOf(InvalidValue.class);
        ApiKey revoked = issue(null);
        revoked.revoke(NOW);
        assertThatThrownBy(() -> revoked.rotatedAt(NOW, Duration.ofHours(1)))
                .isInstanceOf(io.touchstone.domain.shared.error.RuleViolated.class)
                .extracting(e -> ((io.touchstone.domain.shared.error.RuleViolated) e).code())
                .isEqualTo("api-key.not-active");
        ApiKey sevenDays = issue(null);
        sevenDays.rotatedAt(NOW, Duration.ofDays(7));
        assertThat(sevenDays.expiresAt()).contains(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void expiresAtExactlyItsExpiryTime() {
        ApiKey key = issue(EXPIRES);

        assertThat(key.stateAt(EXPIRES)).isEqualTo(ApiKey.State.EXPIRED);
        assertThat(key.stateAt(EXPIRES.plusSeconds(1))).isEqualTo(ApiKey.State.EXPIRED);
    }

    @Test
    void aKeyWithoutExpiryNeverExpires() {
        ApiKey key = issue(null);

        assertThat(key.expiresAt()).isEmpty();
        assertThat(key.stateAt(Instant.parse("2999-12-31T23:59:59Z"))).isEqualTo(ApiKey.State.ACTIVE);
    }

    @Test
    void aRevokedKeyIsRevokedFromThenOnEvenAfterItsExpiry() {
        ApiKey key = issue(EXPIRES);
        Instant revokedAt = NOW.plusSeconds(60);

        key.revoke(revokedAt);

        assertThat(key.revokedAt()).contains(revokedAt);
        assertThat(key.stateAt(revokedAt)).isEqualTo(ApiKey.State.REVOKED);
        assertThat(key.stateAt(EXPIRES.plusSeconds(1))).isEqualTo(ApiKey.State.REVOKED);
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocationTime() {
        ApiKey key = issue(null);
        key.revoke(NOW.plusSeconds(1));

        key.revoke(NOW.plusSeconds(2));

        assertThat(key.revokedAt()).contains(NOW.plusSeconds(1));
    }

    @Test
    void matchesOnlyTheSameHash() {
        ApiKey key = issue(null);
        byte[] lastByteDiffers = HASH.clone();
        lastByteDiffers[31] ^= 1;
        byte[] firstByteDiffers = HASH.clone();
        firstByteDiffers[0] ^= (byte) 0x80;

        assertThat(key.matches(bytes(32, 7))).isTrue();
        assertThat(key.matches(lastByteDiffers)).isFalse();
        assertThat(key.matches(firstByteDiffers)).isFalse();
        assertThat(key.matches(bytes(31, 7))).isFalse();
        assertThat(key.matches(bytes(33, 7))).isFalse();
        assertThat(key.matches(new byte[0])).isFalse();
    }

    @Test
    void keepsItsOwnCopyOfTheHash() {
        byte[] given = HASH.clone();
        ApiKey key = ApiKey.issue(ID, TENANT, "crm", Set.of(Scope.SURVEYS_READ), "lookup", given, NOW, null);

        given[0] ^= 1;
        key.secretHash()[1] ^= 1;

        assertThat(key.matches(HASH)).isTrue();
        assertThat(key.secretHash()).isEqualTo(HASH);
    }

    @Test
    void grantsExactlyItsScopes() {
        ApiKey key = ApiKey.issue(ID, TENANT, "crm", EnumSet.of(Scope.RESPONSES_WRITE, Scope.SURVEYS_READ), "lookup",
                HASH, NOW, null);

        assertThat(key.grants(Scope.RESPONSES_WRITE)).isTrue();
        assertThat(key.grants(Scope.SURVEYS_READ)).isTrue();
        assertThat(key.grants(Scope.RESPONSES_READ)).isFalse();
        assertThat(key.grants(Scope.KEYS_ADMIN)).isFalse();
        assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.RESPONSES_WRITE, Scope.SURVEYS_READ);
    }

    @Test
    void issuingChecksNameScopesAndExpiry() {
        assertRefused(() -> ApiKey.issue(ID, TENANT, " ", Set.of(Scope.SURVEYS_READ), "l", HASH, NOW, null),
                "name", "value.required");
        assertRefused(() -> ApiKey.issue(ID, TENANT, "k".repeat(101), Set.of(Scope.SURVEYS_READ), "l", HASH, NOW,
                null), "name", "value.too-long");
        assertRefused(() -> ApiKey.issue(ID, TENANT, "crm", Set.of(), "l", HASH, NOW, null),
                "scopes", "api-key.scopes-required");
        assertRefused(() -> ApiKey.issue(ID, TENANT, "crm", null, "l", HASH, NOW, null),
                "scopes", "api-key.scopes-required");
        assertRefused(() -> ApiKey.issue(ID, TENANT, "crm", Set.of(Scope.SURVEYS_READ), "l", HASH, NOW, NOW),
                "expiresAt", "api-key.expiry-in-past");
        assertRefused(() -> ApiKey.issue(ID, TENANT, "crm", Set.of(Scope.SURVEYS_READ), "l", HASH, NOW,
                NOW.minusSeconds(1)), "expiresAt", "api-key.expiry-in-past");
    }

    @Test
    void issuingStripsTheName() {
        assertThat(ApiKey.issue(ID, TENANT, "  CRM sync ", Set.of(Scope.SURVEYS_READ), "l", HASH, NOW, null).name())
                .isEqualTo("CRM sync");
    }

    @Test
    void rehydratingKeepsTheRevocation() {
        ApiKey key = ApiKey.rehydrate(ID, TENANT, "crm", Set.of(Scope.METRICS_READ), "lookup", HASH, NOW, EXPIRES,
                NOW.plusSeconds(5));

        assertThat(key.stateAt(NOW.plusSeconds(4))).isEqualTo(ApiKey.State.REVOKED);
        assertThat(key.lookupId()).isEqualTo("lookup");
        assertThat(key.tenantId()).isEqualTo(TENANT);
        assertThat(key.id()).isEqualTo(ID);
    }

    @Test
    void neverShowsItsHashInText() {
        assertThat(issue(null).toString()).contains(ID.toString()).doesNotContain("lookup").doesNotContain("[B@");
    }

    private static ApiKey issue(Instant expiresAt) {
        return ApiKey.issue(ID, TENANT, "crm", Set.of(Scope.SURVEYS_READ), "lookup", HASH, NOW, expiresAt);
    }

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static void assertRefused(ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValue.class, invalid -> {
            assertThat(invalid.code()).isEqualTo(code);
            assertThat(invalid.violations()).singleElement().extracting("field").isEqualTo(field);
        });
    }
}
