package io.touchstone.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretsTest {

    private final ApiKeySecrets secrets = new ApiKeySecrets();

    @Test
    void aGeneratedKeyHasTheDocumentedFormAndTheHashOfTheWholeKey() throws Exception {
        ApiKeySecrets.Generated generated = secrets.generate();

        assertThat(generated.presentable()).matches("tsk_[0-9a-f]{24}_[A-Za-z0-9_-]{43}");
        assertThat(generated.presentable()).startsWith("tsk_" + generated.lookupId() + "_");
        assertThat(generated.hash()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(generated.presentable().getBytes(StandardCharsets.UTF_8)));
        assertThat(generated.toString()).doesNotContain(generated.presentable());
    }

    @Test
    void parsingAGeneratedKeyGivesItsLookupIdAndHash() {
        ApiKeySecrets.Generated generated = secrets.generate();

        ApiKeySecrets.Presented presented = secrets.parse(generated.presentable()).orElseThrow();

        assertThat(presented.lookupId()).isEqualTo(generated.lookupId());
        assertThat(presented.hash()).isEqualTo(generated.hash());
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> lookupIds = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ApiKeySecrets.Generated generated = secrets.generate();
            lookupIds.add(generated.lookupId());
            keys.add(generated.presentable());
        }

        assertThat(lookupIds).hasSize(1_000);
        assertThat(keys).hasSize(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tsk", "tsk__", "sk_0123456789abcdef01234567_0123456789012345678901234567890123456789012",
        "tsk_0123456789abcdef0123456_01234567890123456789012345678901234567890123",
        "tsk_0123456789abcdef01234567_012345678901234567890123456789012345678901=",
        "tsk_0123456789abcdef01234567_0123456789012345678901234567890123456789012x"})
    void textOfAnotherFormIsNoKey(String text) {
        assertThat(secrets.parse(text)).isEmpty();
    }
}
