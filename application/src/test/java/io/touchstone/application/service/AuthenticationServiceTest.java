package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.OPERATOR_TOKEN;
import static io.touchstone.application.service.ServiceHarness.START;
import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertFails;
import static io.touchstone.application.service.ServiceHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.application.error.Forbidden;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.fake.FakeTokenVerifier;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import io.touchstone.application.port.out.TokenVerifier.VerifiedToken;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.tenant.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationServiceTest {

    private final ServiceHarness app = new ServiceHarness();
    private final Caller.Tenant admin = app.newTenant();

    @Test
    void anActiveKeyBecomesACallerOfItsTenantWithItsScopes() {
        IssuedApiKey issued = issue(List.of("responses:write", "surveys:read"), null);

        Caller caller = await(app.authentication.byApiKey(issued.secret()));

        assertThat(caller).isEqualTo(new Caller.Tenant(admin.tenantId(),
                Set.of(Scope.RESPONSES_WRITE, Scope.SURVEYS_READ), "api-key:" + issued.key().id()));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        IssuedApiKey issued = issue(List.of("surveys:read"), null);

        Caller caller = await(app.authentication.byApiKey("  " + issued.secret() + "\n"));

        assertThat(caller.tenantWith(Scope.SURVEYS_READ)).isEqualTo(admin.tenantId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void noKeyIsMissingCredentials(String presented) {
        assertAccessFailure(app.authentication.byApiKey(presented), Unauthenticated.class, "auth.credentials-missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "Bearer abc", "tsk_", "tsk_0123456789abcdef01234567",
        "tsk_0123456789ABCDEF01234567_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "tsk_0123456789abcdef01234567_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void textNotOfTheFormOfAKeyIsInvalid(String presented) {
        assertAccessFailure(app.authentication.byApiKey(presented), Unauthenticated.class, "auth.key-invalid");
    }

    @Test
    void aKeyOfTheRightFormThatNobodyIssuedIsInvalid() {
        String unknown = app.secrets.generate().presentable();

        assertAccessFailure(app.authentication.byApiKey(unknown), Unauthenticated.class, "auth.key-invalid");
    }

    @Test
    void theRightLookupIdWithAWrongSecretIsInvalid() {
        IssuedApiKey issued = issue(List.of("surveys:read"), null);
        String wrongSecret = withAnotherLastCharacter(issued.secret());

        assertAccessFailure(app.authentication.byApiKey(wrongSecret), Unauthenticated.class, "auth.key-invalid");
        assertFails(app.authentication.byApiKey(wrongSecret)).message().doesNotContain(wrongSecret);
    }

    @Test
    void aRevokedKeyIsRefusedAsRevoked() {
        IssuedApiKey issued = issue(List.of("surveys:read"), null);
        await(app.apiKeys.revoke(admin, issued.key().id().value()));

        assertAccessFailure(app.authentication.byApiKey(issued.secret()), Unauthenticated.class, "auth.key-revoked");
    }

    @Test
    void aRevokedKeyWithAWrongSecretSaysNothingAboutTheKey() {
        IssuedApiKey issued = issue(List.of("surveys:read"), null);
        await(app.apiKeys.revoke(admin, issued.key().id().value()));
        String wrong = withAnotherLastCharacter(issued.secret());

        assertAccessFailure(app.authentication.byApiKey(wrong), Unauthenticated.class, "auth.key-invalid");
    }

    @Test
    void aKeyExpiresAtExactlyItsExpiryTime() {
        Instant expiresAt = START.plus(Duration.ofHours(1));
        IssuedApiKey issued = issue(List.of("surveys:read"), expiresAt);

        app.clock.set(expiresAt.minusNanos(1));
        assertThat(await(app.authentication.byApiKey(issued.secret())).principal())
                .isEqualTo("api-key:" + issued.key().id());

        app.clock.set(expiresAt);
        assertAccessFailure(app.authentication.byApiKey(issued.secret()), Unauthenticated.class, "auth.key-expired");
    }

    @Test
    void theOperatorTokenMakesAnOperator() {
        Caller caller = await(app.authentication.byBearerToken(OPERATOR_TOKEN, null));

        assertThat(caller).isEqualTo(new Caller.Operator("operator"));
    }

    @Test
    void aWrongOrMissingBearerTokenIsRefused() {
        assertAccessFailure(app.authentication.byBearerToken(OPERATOR_TOKEN + "x", null), Unauthenticated.class,
                "auth.token-invalid");
        assertAccessFailure(app.authentication.byBearerToken(null, null), Unauthenticated.class,
                "auth.credentials-missing");
        assertAccessFailure(app.authentication.byBearerToken(" ", null), Unauthenticated.class,
                "auth.credentials-missing");
        assertAccessFailure(app.authentication.byBearerToken("a.b.c", null), Unauthenticated.class,
                "auth.token-invalid");
        assertFails(app.authentication.byBearerToken(OPERATOR_TOKEN + "x", null)).message()
                .doesNotContain(OPERATOR_TOKEN);
    }

    @Test
    void theVerifiersRefusalReachesTheCaller() {
        app.tokens.refuse("old.to.ken", "auth.token-expired").refuse("off.to.ken", "auth.tokens-disabled");

        assertAccessFailure(app.authentication.byBearerToken("old.to.ken", null), Unauthenticated.class,
                "auth.token-expired");
        assertAccessFailure(app.authentication.byBearerToken("off.to.ken", null), Unauthenticated.class,
                "auth.tokens-disabled");
    }

    @Test
    void withoutAConfiguredOperatorTokenOnlyAccessTokensAreBearers() {
        FakeTokenVerifier tokens = new FakeTokenVerifier()
                .accept("op.era.tor", token(Set.of(AuthenticationService.ROLE_OPERATOR), null));
        AuthenticationService off = new AuthenticationService(app.adapters.keys, app.adapters.tenants,
                app.adapters.unitOfWork, app.secrets, app.clock, tokens, Optional.of("  "), app.usage);

        assertAccessFailure(off.byBearerToken("  ", null), Unauthenticated.class, "auth.credentials-missing");
        assertAccessFailure(off.byBearerToken("anything", null), Unauthenticated.class, "auth.token-invalid");
        assertThat(await(off.byBearerToken("op.era.tor", null))).isEqualTo(new Caller.Operator("token:subject"));
    }

    @Test
    void aServiceTokenActsForTheTenantOfItsClaimWithEveryScopeButKeysAdmin() {
        String tenant = admin.tenantId().toString();
        app.tokens.accept("ser.vi.ce", token(Set.of(AuthenticationService.ROLE_SERVICE), tenant));

        Caller caller = await(app.authentication.byBearerToken("ser.vi.ce", null));

        assertThat(caller).isEqualTo(new Caller.Tenant(admin.tenantId(), Set.of(Scope.SURVEYS_READ,
                Scope.SURVEYS_WRITE, Scope.RESPONSES_READ, Scope.RESPONSES_WRITE, Scope.METRICS_READ,
                Scope.JOURNEYS_READ, Scope.JOURNEYS_WRITE, Scope.INTERACTIONS_WRITE), "token:subject"));
        assertThatThrownBy(() -> caller.tenantWith(Scope.KEYS_ADMIN))
                .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.code()).isEqualTo("auth.scope-missing"));
    }

    @Test
    void theTenantAdminRoleAddsKeysAdmin() {
        app.tokens.accept("ad.mi.n", token(Set.of(AuthenticationService.ROLE_SERVICE,
                AuthenticationService.ROLE_TENANT_ADMIN), admin.tenantId().toString()));

        Caller caller = await(app.authentication.byBearerToken("ad.mi.n", null));

        assertThat(caller.tenantWith(Scope.KEYS_ADMIN)).isEqualTo(admin.tenantId());
    }

    @Test
    void aCrossTenantServiceNamesTheTenantPerRequest() {
        app.tokens.accept("cro.ss.t", token(Set.of(AuthenticationService.ROLE_SERVICE,
                AuthenticationService.ROLE_CROSS_TENANT), null));
        String other = "0199a000-0000-7000-8000-0000000000aa";

        Caller caller = await(app.authentication.byBearerToken("cro.ss.t", other));

        assertThat(caller.tenantWith(Scope.SURVEYS_READ).toString()).isEqualTo(other);
        assertAccessFailure(app.authentication.byBearerToken("cro.ss.t", null), Forbidden.class,
                "auth.tenant-missing");
        assertFails(app.authentication.byBearerToken("cro.ss.t", "not-a-uuid")).isInstanceOfSatisfying(
                InvalidValue.class, e -> assertThat(e.code()).isEqualTo("tenant.id-invalid"));
    }

    @Test
    void aServiceWithoutTheCrossTenantRoleMayNameOnlyItsOwnTenant() {
        String own = admin.tenantId().toString();
        app.tokens.accept("ser.vi.ce", token(Set.of(AuthenticationService.ROLE_SERVICE), own));

        assertThat(await(app.authentication.byBearerToken("ser.vi.ce", own)).tenantWith(Scope.SURVEYS_READ))
                .isEqualTo(admin.tenantId());
        assertAccessFailure(app.authentication.byBearerToken("ser.vi.ce", "0199a000-0000-7000-8000-0000000000aa"),
                Forbidden.class, "auth.cross-tenant-forbidden");
    }

    @Test
    void aServiceTokenNeedsAUsableTenantClaim() {
        app.tokens.accept("no.ten.ant", token(Set.of(AuthenticationService.ROLE_SERVICE), null))
                .accept("bad.ten.ant", token(Set.of(AuthenticationService.ROLE_SERVICE), "acme"));

        assertAccessFailure(app.authentication.byBearerToken("no.ten.ant", null), Forbidden.class,
                "auth.tenant-missing");
        assertAccessFailure(app.authentication.byBearerToken("bad.ten.ant", null), Forbidden.class,
                "auth.tenant-invalid");
    }

    @Test
    void theOperatorRoleMakesAnOperatorAndNoRoleIsForbidden() {
        app.tokens.accept("op.era.tor", token(Set.of(AuthenticationService.ROLE_OPERATOR), null))
                .accept("no.ro.le", token(Set.of("offline_access"), admin.tenantId().toString()));

        assertThat(await(app.authentication.byBearerToken("op.era.tor", null)))
                .isEqualTo(new Caller.Operator("token:subject"));
        assertAccessFailure(app.authentication.byBearerToken("no.ro.le", null), Forbidden.class,
                "auth.role-missing");
    }

    @Test
    void anOperatorHasNoTenant() {
        Caller operator = await(app.authentication.byBearerToken(OPERATOR_TOKEN, null));

        assertThatThrownBy(() -> operator.tenantWith(Scope.SURVEYS_READ))
                .isInstanceOfSatisfying(Forbidden.class, e -> assertThat(e.code()).isEqualTo("auth.tenant-required"));
    }

    private static VerifiedToken token(Set<String> roles, String tenantId) {
        return new VerifiedToken("subject", roles, Optional.ofNullable(tenantId));
    }

    private IssuedApiKey issue(List<String> scopes, Instant expiresAt) {
        return await(app.apiKeys.create(admin, new CreateApiKeyCommand("integration", scopes, expiresAt)));
    }

    private static String withAnotherLastCharacter(String key) {
        char last = key.charAt(key.length() - 1);
        return key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
