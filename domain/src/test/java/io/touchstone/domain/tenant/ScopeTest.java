package io.touchstone.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.domain.shared.error.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScopeTest {

    @ParameterizedTest
    @EnumSource(Scope.class)
    void everyScopeIsFoundByItsWireName(Scope scope) {
        assertThat(Scope.fromWireName("scopes[0]", scope.wireName())).isEqualTo(scope);
    }

    @Test
    void wireNamesAreThoseOfTheApis() {
        assertThat(Scope.values()).extracting(Scope::wireName).containsExactly("keys:admin", "surveys:read",
                "surveys:write", "responses:write", "responses:read", "metrics:read", "journeys:read", "journeys:write",
                "interactions:write");
    }

    @Test
    void refusesAnUnknownNameUnderTheGivenField() {
        assertThatThrownBy(() -> Scope.fromWireName("scopes[1]", "SURVEYS_READ"))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> {
                    assertThat(invalid.code()).isEqualTo("api-key.scope-unknown");
                    assertThat(invalid.violations()).singleElement().extracting("field").isEqualTo("scopes[1]");
                });
    }
}
