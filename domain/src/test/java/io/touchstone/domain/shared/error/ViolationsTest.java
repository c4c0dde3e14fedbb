package io.touchstone.domain.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void underPlacesFieldsBelowThePrefix() {
        InvalidValue invalid = new InvalidValue(List.of(
                new Violation("score", "answer.out-of-range", "too high"),
                new Violation("", "language.invalid", "bad"),
                new Violation("[2].id", "option.id-duplicate", "twice")));

        assertThat(invalid.under("answers[0]").violations()).extracting("field", "code", "description").containsExactly(
                tuple("answers[0].score", "answer.out-of-range", "too high"),
                tuple("answers[0]", "language.invalid", "bad"),
                tuple("answers[0][2].id", "option.id-duplicate", "twice"));
        assertThat(invalid.under("").violations()).isEqualTo(invalid.violations());
    }

    @Test
    void prefixesNestAsTheInputDoes() {
        InvalidValue invalid = new InvalidValue("cs", "value.required", "empty");

        assertThat(invalid.under("label").under("options[1]").under("questions[0]").violations())
                .extracting("field").containsExactly("questions[0].options[1].label.cs");
    }

    @Test
    void theFirstViolationGivesCodeAndMessage() {
        InvalidValue one = new InvalidValue("title.cs", "text.default-language-missing", "no Czech text");
        InvalidValue three = new InvalidValue(List.of(new Violation("a", "x.first", "first problem"),
                new Violation("b", "x.second", "second"), new Violation("c", "x.third", "third")));
        InvalidValue whole = new InvalidValue("", "language.invalid", "not a tag");

        assertThat(one.code()).isEqualTo("text.default-language-missing");
        assertThat(one.getMessage()).isEqualTo("title.cs: no Czech text");
        assertThat(three.code()).isEqualTo("x.first");
        assertThat(three.getMessage()).isEqualTo("a: first problem (and 2 more)");
        assertThat(whole.getMessage()).isEqualTo("not a tag");
    }

    @Test
    void anInvalidValueNeedsAViolationAndKeepsItsOwnCopy() {
        List<Violation> violations = new ArrayList<>(List.of(new Violation("a", "x.a", "a")));
        InvalidValue invalid = new InvalidValue(violations);

        violations.add(new Violation("b", "x.b", "b"));

        assertThat(invalid.violations()).hasSize(1);
        assertThatThrownBy(() -> invalid.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatIllegalArgumentException().isThrownBy(() -> new InvalidValue(List.of()));
    }

    @Test
    void atRecordsAFailedStepUnderItsPathAndGoesOn() {
        Violations violations = new Violations();

        String first = violations.at("title", () -> {
            throw new InvalidValue("cs", "value.required", "empty");
        });
        String second = violations.at("name", () -> "Acme");
        violations.add("questions", "survey.questions-count", "none");

        assertThat(first).isNull();
        assertThat(second).isEqualTo("Acme");
        assertThat(violations.isEmpty()).isFalse();
        assertThatThrownBy(violations::throwIfAny).isInstanceOfSatisfying(InvalidValue.class,
                invalid -> assertThat(invalid.violations()).extracting("field", "code").containsExactly(
                        tuple("title.cs", "value.required"), tuple("questions", "survey.questions-count")));
    }

    @Test
    void atLetsOtherFailuresThrough() {
        Violations violations = new Violations();

        assertThatIllegalStateException().isThrownBy(() -> violations.at("x", () -> {
            throw new IllegalStateException("bug");
        }));
        assertThatThrownBy(() -> violations.at("x", () -> {
            throw new NotFound("survey.not-found", "gone");
        })).isInstanceOf(NotFound.class);
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void nothingRecordedThrowsNothing() {
        Violations violations = new Violations();

        assertThat(violations.isEmpty()).isTrue();
        assertThatNoException().isThrownBy(violations::throwIfAny);
    }

    @Test
    void aViolationNeedsFieldCodeAndDescription() {
        assertThatThrownBy(() -> new Violation(null, "c", "d")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", null, "d")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", "c", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void domainFailuresCarryTheirCode() {
        assertThat(new NotFound("survey.not-found", "m").code()).isEqualTo("survey.not-found");
        assertThat(new RuleViolated("survey.not-published", "m").code()).isEqualTo("survey.not-published");
        assertThat(new Conflict("idempotency.key-reused", "m").code()).isEqualTo("idempotency.key-reused");
    }
}
