package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.START;
import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertDomainFailure;
import static io.touchstone.application.service.ServiceHarness.assertInvalid;
import static io.touchstone.application.service.ServiceHarness.await;
import static io.touchstone.application.service.ServiceHarness.callerWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.tenant.ApiKey;
import io.touchstone.domain.tenant.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    private final ServiceHarness app = new ServiceHarness();
    private final Caller.Tenant admin = app.newTenant();
    private final Caller.Tenant otherAdmin = app.newTenant();

    @Test
    void createsAKeyWithTheNamedScopesThatAuthenticates() {
        Instant expiresAt = START.plus(Duration.ofDays(90));

        IssuedApiKey issued = await(app.apiKeys.create(admin, new CreateApiKeyCommand("Help desk",
                List.of("responses:write", "surveys:read", "responses:write"), expiresAt)));

        ApiKey stored = await(app.adapters.keys.find(admin.tenantId(), issued.key().id())).orElseThrow();
        assertThat(stored.name()).isEqualTo("Help desk");
        assertThat(stored.scopes()).containsExactlyInAnyOrder(Scope.RESPONSES_WRITE, Scope.SURVEYS_READ);
        assertThat(stored.expiresAt()).contains(expiresAt);
        assertThat(stored.createdAt()).isEqualTo(START);
        assertThat(stored.tenantId()).isEqualTo(admin.tenantId());
        Caller caller = await(app.authentication.byApiKey(issued.secret()));
        assertThat(caller.tenantWith(Scope.RESPONSES_WRITE)).isEqualTo(admin.tenantId());
    }

    @Test
    void namesEveryUnknownScopeAndStoresNothing() {
        int before = app.adapters.keys.size();

        assertInvalid(app.apiKeys.create(admin, new CreateApiKeyCommand("k",
                        List.of("surveys:read", "surveys:delete", "SURVEYS_READ"), null)),
                tuple("scopes[1]", "api-key.scope-unknown"), tuple("scopes[2]", "api-key.scope-unknown"));

        assertThat(app.adapters.keys.size()).isEqualTo(before);
    }

    @Test
    void refusesAKeyWithoutScopesOrNameOrWithAPastExpiry() {
        int before = app.adapters.keys.size();

        assertInvalid(app.apiKeys.create(admin, new CreateApiKeyCommand("k", List.of(), null)),
                tuple("scopes", "api-key.scopes-required"));
        assertInvalid(app.apiKeys.create(admin, new CreateApiKeyCommand("k", null, null)),
                tuple("scopes", "api-key.scopes-required"));
        assertInvalid(app.apiKeys.create(admin, new CreateApiKeyCommand("", List.of("surveys:read"), null)),
                tuple("name", "value.required"));
        assertInvalid(app.apiKeys.create(admin, new CreateApiKeyCommand("k", List.of("surveys:read"), START)),
                tuple("expiresAt", "api-key.expiry-in-past"));

        assertThat(app.adapters.keys.size()).isEqualTo(before);
    }

    @Test
    void listsOnlyTheTenantsOwnKeysOldestFirst() {
        app.clock.advance(Duration.ofMillis(5));
        IssuedApiKey first = create(admin, "first");
        app.clock.advance(Duration.ofMillis(5));
        IssuedApiKey second = create(admin, "second");
        create(otherAdmin, "theirs");

        List<ApiKey> listed = await(app.apiKeys.list(admin));

        assertThat(listed).extracting(ApiKey::name).containsExactly("admin", "first", "second");
        assertThat(listed).extracting(ApiKey::id).contains(first.key().id(), second.key().id());
    }

    @Test
    void revokingMakesTheKeyUnusableFromThenOn() {
        IssuedApiKey issued = create(admin, "soon gone");
        app.clock.advance(Duration.ofMinutes(3));

        ApiKey revoked = await(app.apiKeys.revoke(admin, issued.key().id().value()));

        Instant revokedAt = START.plus(Duration.ofMinutes(3));
        assertThat(revoked.revokedAt()).contains(revokedAt);
        assertThat(await(app.adapters.keys.find(admin.tenantId(), issued.key().id())).orElseThrow().revokedAt())
                .contains(revokedAt);
        assertAccessFailure(app.authentication.byApiKey(issued.secret()), Unauthenticated.class, "auth.key-revoked");
    }

    @Test
    void revokingTwiceKeepsTheFirstTime() {
        IssuedApiKey issued = create(admin, "twice");
        await(app.apiKeys.revoke(admin, issued.key().id().value()));
        app.clock.advance(Duration.ofHours(1));

        ApiKey again = await(app.apiKeys.revoke(admin, issued.key().id().value()));

        assertThat(again.revokedAt()).contains(START);
    }

    @Test
    void anotherTenantsKeyCannotBeRevokedAndKeepsWorking() {
        IssuedApiKey theirs = create(otherAdmin, "theirs");

        assertDomainFailure(app.apiKeys.revoke(admin, theirs.key().id().value()), NotFound.class, "api-key.not-found");
        assertDomainFailure(app.apiKeys.revoke(admin, UUID.randomUUID()), NotFound.class, "api-key.not-found");

        assertThat(await(app.authentication.byApiKey(theirs.secret())).tenantWith(Scope.SURVEYS_READ))
                .isEqualTo(otherAdmin.tenantId());
    }

    @Test
    void managingKeysNeedsTheKeysAdminScope() {
        Caller.Tenant noAdmin = callerWithout(admin.tenantId(), Scope.KEYS_ADMIN);
        IssuedApiKey issued = create(admin, "target");
        int before = app.adapters.keys.size();

        assertAccessFailure(app.apiKeys.create(noAdmin, new CreateApiKeyCommand("k", List.of("surveys:read"), null)),
                Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.apiKeys.list(noAdmin), Forbidden.class, "auth.scope-missing");
        assertAccessFailure(app.apiKeys.revoke(noAdmin, issued.key().id().value()), Forbidden.class,
                "auth.scope-missing");

        assertThat(app.adapters.keys.size()).isEqualTo(before);
        assertThat(await(app.adapters.keys.find(admin.tenantId(), issued.key().id())).orElseThrow().revokedAt())
                .isEmpty();
    }

    @Test
    void anOperatorManagesNoTenantsKeys() {
        assertAccessFailure(app.apiKeys.list(app.operator), Forbidden.class, "auth.tenant-required");
    }

    private IssuedApiKey create(Caller caller, String name) {
        return await(app.apiKeys.create(caller, new CreateApiKeyCommand(name, List.of("surveys:read"), null)));
    }
}
