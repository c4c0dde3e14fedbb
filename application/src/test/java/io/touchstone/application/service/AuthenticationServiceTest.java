package io.touchstone.application.service;

import static io.touchstone.application.service.ServiceHarness.OPERATOR_TOKEN;
import static io.touchstone.application.service.ServiceHarness.START;
import static io.touchstone.application.service.ServiceHarness.assertAccessFailure;
import static io.touchstone.application.service.ServiceHarness.assertFails;
import static io.touchstone.application.service.ServiceHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.IssuedApiKey;
import io.touchstone.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
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
        Caller caller = app.authentication.byOperatorToken(OPERATOR_TOKEN);

        assertThat(caller).isInstanceOf(Caller.Operator.class);
        assertThat(caller.principal()).isEqualTo("operator");
    }

    @Test
    void aWrongOrMissingOperatorTokenIsRefused() {
        assertUnauthenticated(() -> app.authentication.byOperatorToken(OPERATOR_TOKEN + "x"), "auth.token-invalid");
        assertUnauthenticated(() -> app.authentication.byOperatorToken(null), "auth.credentials-missing");
        assertUnauthenticated(() -> app.authentication.byOperatorToken(" "), "auth.credentials-missing");
    }

    @Test
    void withoutAConfiguredTokenTheOperatorApiIsOff() {
        AuthenticationService off = new AuthenticationService(app.adapters.keys, app.adapters.unitOfWork, app.secrets,
                app.clock, Optional.of("  "));

        assertUnauthenticated(() -> off.byOperatorToken(""), "auth.operator-disabled");
        assertUnauthenticated(() -> off.byOperatorToken("  "), "auth.operator-disabled");
    }

    @Test
    void anOperatorHasNoTenant() {
        Caller operator = app.authentication.byOperatorToken(OPERATOR_TOKEN);

        assertThatThrownBy(() -> operator.tenantWith(Scope.SURVEYS_READ))
                .isInstanceOfSatisfying(io.touchstone.application.error.Forbidden.class,
                        e -> assertThat(e.code()).isEqualTo("auth.tenant-required"));
    }

    private IssuedApiKey issue(List<String> scopes, Instant expiresAt) {
        return await(app.apiKeys.create(admin, new CreateApiKeyCommand("integration", scopes, expiresAt)));
    }

    private static String withAnotherLastCharacter(String key) {
        char last = key.charAt(key.length() - 1);
        return key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static void assertUnauthenticated(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Unauthenticated.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
