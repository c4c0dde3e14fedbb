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
import io.touchstone.application.port.in.ManageApiKeysUseCase.RotateApiKeyCommand;
import io.touchstone.application.port.in.ManageApiKeysUseCase.RotatedApiKey;
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

    @Test
    void rotationIssuesASuccessorAndLetsTheOldKeyWorkForTheOverlap() {
        IssuedApiKey old = await(app.apiKeys.create(admin, new CreateApiKeyCommand("CRM",
                List.of("surveys:read", "responses:write"), START.plus(Duration.ofDays(90)))));
        app.clock.advance(Duration.ofMinutes(1));

        RotatedApiKey rotated = await(app.apiKeys.rotate(admin.from("192.0.2.5"),
                new RotateApiKeyCommand(old.key().id().value(), Duration.ofHours(2))));

        Instant rotatedAt = START.plus(Duration.ofMinutes(1));
        ApiKey successor = rotated.successor().key();
        assertThat(successor.id()).isNotEqualTo(old.key().id());
        assertThat(successor.name()).isEqualTo("CRM");
        assertThat(successor.scopes()).containsExactlyInAnyOrder(Scope.SURVEYS_READ, Scope.RESPONSES_WRITE);
        assertThat(successor.expiresAt()).contains(START.plus(Duration.ofDays(90)));
        assertThat(rotated.previous().expiresAt()).contains(rotatedAt.plus(Duration.ofHours(2)));
        assertThat(await(app.adapters.keys.find(admin.tenantId(), old.key().id())).orElseThrow().expiresAt())
                .contains(rotatedAt.plus(Duration.ofHours(2)));
        // both work during the overlap, only the successor after it
        assertThat(await(app.authentication.byApiKey(old.secret())).principal())
                .isEqualTo("api-key:" + old.key().id());
        assertThat(await(app.authentication.byApiKey(rotated.successor().secret())).principal())
                .isEqualTo("api-key:" + successor.id());
        app.clock.advance(Duration.ofHours(2));
        assertAccessFailure(app.authentication.byApiKey(old.secret()), Unauthenticated.class, "auth.key-expired");
        assertThat(await(app.authentication.byApiKey(rotated.successor().secret()))).isNotNull();
        var last = app.adapters.auditLog.all().getLast();
        assertThat(last.action()).isEqualTo(io.touchstone.domain.audit.AuditAction.API_KEY_ROTATED);
        assertThat(last.targetId()).isEqualTo(old.key().id().value().toString());
        assertThat(last.remoteAddress()).contains("192.0.2.5");
    }

    @Test
    void rotationDefaultsToADayOfOverlap() {
        IssuedApiKey old = await(app.apiKeys.create(admin, new CreateApiKeyCommand("CRM", List.of("surveys:read"),
                null)));

        RotatedApiKey rotated = await(app.apiKeys.rotate(admin, new RotateApiKeyCommand(old.key().id().value(),
                null)));

        assertThat(rotated.previous().expiresAt()).contains(START.plus(Duration.ofHours(24)));
        assertThat(rotated.successor().key().expiresAt()).isEmpty();
    }

    @Test
    void aRefusedRotationChangesNothing() {
        IssuedApiKey old = await(app.apiKeys.create(admin, new CreateApiKeyCommand("CRM", List.of("surveys:read"),
                null)));
        int keys = app.adapters.keys.size();
        int entries = app.adapters.auditLog.all().size();

        assertInvalid(app.apiKeys.rotate(admin, new RotateApiKeyCommand(old.key().id().value(),
                Duration.ofDays(8))), tuple("overlapSeconds", "api-key.overlap-out-of-range"));
        assertDomainFailure(app.apiKeys.rotate(otherAdmin, new RotateApiKeyCommand(old.key().id().value(), null)),
                NotFound.class, "api-key.not-found");
        await(app.apiKeys.revoke(admin, old.key().id().value()));
        assertDomainFailure(app.apiKeys.rotate(admin, new RotateApiKeyCommand(old.key().id().value(), null)),
                io.touchstone.domain.shared.error.RuleViolated.class, "api-key.not-active");

        assertThat(app.adapters.keys.size()).isEqualTo(keys);
        assertThat(app.adapters.auditLog.all()).hasSize(entries + 1);
        assertThat(await(app.adapters.keys.find(admin.tenantId(), old.key().id())).orElseThrow().expiresAt())
                .isEmpty();
    }
}
