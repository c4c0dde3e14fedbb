package io.touchstone.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.analytics.DimensionFilter.Operator;
import io.touchstone.domain.shared.error.InvalidValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DimensionFilterTest {

    private static DimensionFilter filter(Dimension dimension, Operator operator, String... values) {
        return new DimensionFilter(dimension, operator, Arrays.asList(values));
    }

    @Test
    void equalsAndInAdmitOnlyListedValuesAndNeverAMissingOne() {
        DimensionFilter equals = filter(Dimension.LANGUAGE, Operator.EQUALS, "cs");
        DimensionFilter in = filter(Dimension.attribute("store"), Operator.IN, "Praha", "Brno");

        assertThat(equals.admits("cs")).isTrue();
        assertThat(equals.admits("en")).isFalse();
        assertThat(equals.admits(null)).isFalse();
        assertThat(in.admits("Brno")).isTrue();
        assertThat(in.admits("brno")).as("values are compared exactly").isFalse();
        assertThat(in.admits(null)).isFalse();
    }

    @Test
    void notInAdmitsEverythingElseIncludingAMissingValue() {
        DimensionFilter notIn = filter(Dimension.CHANNEL, Operator.NOT_IN, "EMAIL", "SMS");

        assertThat(notIn.admits("WEB")).isTrue();
        assertThat(notIn.admits(null)).isTrue();
        assertThat(notIn.admits("SMS")).isFalse();
    }

    @Test
    void repeatedValuesAreKeptOnceInOrder() {
        assertThat(filter(Dimension.LANGUAGE, Operator.IN, "en", "cs", "en").values()).containsExactly("en", "cs");
    }

    @Test
    void equalsTakesExactlyOneValueAndTheListsOneToAHundred() {
        List<String> hundredOne = IntStream.rangeClosed(0, 100).mapToObj(i -> "v" + i).toList();

        assertViolations(() -> filter(Dimension.LANGUAGE, Operator.EQUALS, "cs", "en"),
                tuple("values", "query.filter-values-count"));
        assertViolations(() -> filter(Dimension.LANGUAGE, Operator.IN),
                tuple("values", "query.filter-values-count"));
        assertViolations(() -> new DimensionFilter(Dimension.LANGUAGE, Operator.NOT_IN, null),
                tuple("values", "query.filter-values-count"));
        assertViolations(() -> new DimensionFilter(Dimension.attribute("store"), Operator.IN, hundredOne),
                tuple("values", "query.filter-values-count"));
        assertThat(new DimensionFilter(Dimension.attribute("store"), Operator.IN, hundredOne.subList(0, 100))
                .values()).hasSize(100);
    }

    @Test
    void everyBadValueIsNamedByItsIndex() {
        List<String> values = new ArrayList<>(List.of("WEB", "web", "x"));
        values.add(1, null);

        assertViolations(() -> new DimensionFilter(Dimension.CHANNEL, Operator.IN, values),
                tuple("values[1]", "value.required"),
                tuple("values[2]", "channel.unknown"),
                tuple("values[3]", "channel.unknown"));
        assertViolations(() -> filter(Dimension.attribute("note"), Operator.EQUALS, "x".repeat(1_001)),
                tuple("values[0]", "value.too-long"));
        assertThat(filter(Dimension.attribute("note"), Operator.EQUALS, "ž".repeat(1_000)).values()).hasSize(1);
    }

    @Test
    void languagesAreComparedInTheCanonicalFormResponsesAreStoredIn() {
        // a response submitted in "en-gb" is stored as en-GB (LanguageTag); the filter must name it the same way
        DimensionFilter in = filter(Dimension.LANGUAGE, Operator.IN, "en-gb", "CS", "en-GB");
        DimensionFilter notIn = filter(Dimension.LANGUAGE, Operator.NOT_IN, "EN-gb");

        assertThat(in.values()).containsExactly("en-GB", "cs");
        assertThat(in.admits("en-GB")).isTrue();
        assertThat(in.admits("cs")).isTrue();
        assertThat(notIn.admits("en-GB")).isFalse();
        assertViolations(() -> filter(Dimension.LANGUAGE, Operator.IN, "cs", "česky", "en-12"),
                tuple("values[1]", "language.invalid"),
                tuple("values[2]", "language.invalid"));
    }

    @Test
    void surveyIdsAreComparedInTheFormSurveyGroupsCarry() {
        // survey ids are accepted in upper case (surveyId "0190A5E0-..."); groups and selection use the lower case form
        DimensionFilter in = filter(Dimension.SURVEY, Operator.IN, "0190A5E0-0000-7000-8000-0000000000B1", "no-uuid");

        assertThat(in.values()).containsExactly("0190a5e0-0000-7000-8000-0000000000b1", "no-uuid");
        assertThat(in.admits("0190a5e0-0000-7000-8000-0000000000b1")).isTrue();
    }

    @Test
    void journeyStageAndTouchpointIdsAreComparedInLowerCaseStaffRefsAsGiven() {
        for (Dimension ids : new Dimension[] {Dimension.JOURNEY, Dimension.STAGE, Dimension.TOUCHPOINT}) {
            DimensionFilter in = filter(ids, Operator.IN, "0190A5E0-0000-7000-8000-0000000000C1");
            assertThat(in.values()).as(ids.name()).containsExactly("0190a5e0-0000-7000-8000-0000000000c1");
        }
        // employee, team and location are the tenant's own references: compared exactly, case included
        DimensionFilter team = filter(Dimension.TEAM, Operator.EQUALS, "Tým Brno");
        assertThat(team.admits("Tým Brno")).isTrue();
        assertThat(team.admits("tým brno")).isFalse();
        assertThat(team.admits(null)).isFalse();
        assertThat(filter(Dimension.EMPLOYEE, Operator.NOT_IN, "agent-1").admits(null)).isTrue();
    }

    @Test
    void parsesOperatorsByTheirExactName() {
        assertThat(DimensionFilter.operator("NOT_IN")).isEqualTo(Operator.NOT_IN);
        for (String name : Arrays.asList("not_in", "CONTAINS", "", null)) {
            assertThatThrownBy(() -> DimensionFilter.operator(name)).isInstanceOfSatisfying(InvalidValue.class,
                    invalid -> assertThat(invalid.code()).isEqualTo("query.filter-operator-unknown"));
        }
    }

    private static void assertViolations(Runnable step, org.assertj.core.groups.Tuple... expected) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(InvalidValue.class, invalid ->
                assertThat(invalid.violations()).extracting("field", "code").containsExactly(expected));
    }
}
