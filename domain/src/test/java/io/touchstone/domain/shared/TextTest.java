package io.touchstone.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.domain.shared.error.InvalidValue;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void requiredStripsAndRefusesBlank() {
        assertThat(Text.required("name", "  Acme  ", 10)).isEqualTo("Acme");
        assertRefused(() -> Text.required("name", " \t ", 10), "name", "value.required");
        assertRefused(() -> Text.required("name", null, 10), "name", "value.required");
    }

    @Test
    void countsCodePointsAgainstTheLimitAfterStripping() {
        assertThat(Text.required("name", " " + "😀".repeat(3) + " ", 3)).isEqualTo("😀😀😀");
        assertRefused(() -> Text.required("name", "😀".repeat(4), 3), "name", "value.too-long");
        assertThat(Text.bounded("note", "آسان", 4)).isEqualTo("آسان");
        assertRefused(() -> Text.bounded("note", "آسان!", 4), "note", "value.too-long");
    }

    @Test
    void optionalKeepsNullButChecksTheRest() {
        assertThat(Text.optional("ref", null, 5)).isNull();
        assertThat(Text.optional("ref", " r1 ", 5)).isEqualTo("r1");
        assertRefused(() -> Text.optional("ref", "", 5), "ref", "value.required");
    }

    @Test
    void boundedKeepsWhitespace() {
        assertThat(Text.bounded("note", "  x  ", 5)).isEqualTo("  x  ");
    }

    private static void assertRefused(Runnable call, String field, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidValue.class, invalid -> {
            assertThat(invalid.code()).isEqualTo(code);
            assertThat(invalid.violations()).singleElement().extracting("field").isEqualTo(field);
        });
    }
}
