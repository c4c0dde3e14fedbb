package io.touchstone.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.domain.shared.error.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DimensionTest {

    @Test
    void parsesEveryNameAndPrintsItBack() {
        for (String name : new String[] {"survey", "question", "scale", "language", "channel", "journey", "stage",
                "touchpoint", "employee", "team", "location", "attribute:store", "attribute:team.name-2_b"}) {
            assertThat(Dimension.parse(name).name()).isEqualTo(name);
        }
        assertThat(Dimension.parse("attribute:store")).isEqualTo(Dimension.attribute("store"));
        assertThat(Dimension.parse("channel")).isSameAs(Dimension.CHANNEL);
        assertThat(Dimension.parse("touchpoint")).isSameAs(Dimension.TOUCHPOINT);
        assertThat(Dimension.parse("team")).isSameAs(Dimension.TEAM);
    }

    @Test
    void surveyQuestionAndScaleAreOfTheQuestionTheOthersOfTheResponse() {
        assertThat(Dimension.SURVEY.ofQuestion()).isTrue();
        assertThat(Dimension.QUESTION.ofQuestion()).isTrue();
        assertThat(Dimension.SCALE.ofQuestion()).isTrue();
        assertThat(Dimension.LANGUAGE.ofQuestion()).isFalse();
        assertThat(Dimension.CHANNEL.ofQuestion()).isFalse();
        assertThat(Dimension.attribute("store").ofQuestion()).isFalse();
        for (Dimension inherited : new Dimension[] {Dimension.JOURNEY, Dimension.STAGE, Dimension.TOUCHPOINT,
                Dimension.EMPLOYEE, Dimension.TEAM, Dimension.LOCATION}) {
            assertThat(inherited.ofQuestion()).as(inherited.name()).isFalse();
        }
    }

    @Test
    void journeyStageTouchpointAndSurveyHaveIdsForValuesTheOthersDoNot() {
        assertThat(Dimension.JOURNEY.ofIds()).isTrue();
        assertThat(Dimension.STAGE.ofIds()).isTrue();
        assertThat(Dimension.TOUCHPOINT.ofIds()).isTrue();
        assertThat(Dimension.SURVEY.ofIds()).isTrue();
        assertThat(Dimension.EMPLOYEE.ofIds()).isFalse();
        assertThat(Dimension.LOCATION.ofIds()).isFalse();
        assertThat(Dimension.CHANNEL.ofIds()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Channel", "Team", "journeys", "touchpoint_id", "attribute:", "attribute:-x", "attribute:a b", "attribute:ä",
            "attribute:" + "k1234567890123456789012345678901234567890123456789012345678901234"})
    void refusesAnythingElseAsUnknown(String name) {
        assertThatThrownBy(() -> Dimension.parse(name)).isInstanceOfSatisfying(InvalidValue.class,
                invalid -> assertThat(invalid.code()).isEqualTo("query.dimension-unknown"));
    }

    @Test
    void attributeKeysUpTo64CharactersAreAccepted() {
        String key = "k" + "1".repeat(63);

        assertThat(Dimension.parse("attribute:" + key).attributeKey()).isEqualTo(key);
    }
}
