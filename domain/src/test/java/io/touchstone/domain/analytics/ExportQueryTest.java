package io.touchstone.domain.analytics;

import static io.touchstone.domain.analytics.AnalyticsFixtures.A;
import static io.touchstone.domain.analytics.AnalyticsFixtures.q;
import static io.touchstone.domain.analytics.AnalyticsFixtures.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.touchstone.domain.analytics.DimensionFilter.Operator;
import io.touchstone.domain.shared.error.InvalidValue;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportQueryTest {

    private static DimensionFilter filter(Dimension dimension, String value) {
        return new DimensionFilter(dimension, Operator.EQUALS, List.of(value));
    }

    @Test
    void filtersByTheResponsesOwnDimensionsOnly() {
        assertThatThrownBy(() -> new ExportQuery(A, range("2026-01-05", "2026-01-12"), List.of(
                filter(Dimension.LANGUAGE, "cs"), filter(Dimension.SURVEY, A.toString()),
                filter(Dimension.QUESTION, "nps"), filter(Dimension.SCALE, "0-10")), List.of()))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "code").containsExactly(
                                tuple("filters[1].dimension", "query.dimension-not-applicable"),
                                tuple("filters[2].dimension", "query.dimension-not-applicable"),
                                tuple("filters[3].dimension", "query.dimension-not-applicable")));
    }

    @Test
    void takesAtMostTwentyFiltersAndTenScoreRanges() {
        var range = range("2026-01-05", "2026-01-12");
        var score = new ScoreRange(q("nps"), 0, 6);

        var most = new ExportQuery(A, range, Collections.nCopies(20, filter(Dimension.CHANNEL, "WEB")),
                Collections.nCopies(10, score));

        assertThat(most.filters()).hasSize(20);
        assertThat(most.scoreRanges()).hasSize(10);
        assertThatThrownBy(() -> new ExportQuery(A, range, Collections.nCopies(21, filter(Dimension.CHANNEL, "WEB")),
                Collections.nCopies(11, score))).isInstanceOfSatisfying(InvalidValue.class, invalid ->
                assertThat(invalid.violations()).extracting("field", "code").containsExactly(
                        tuple("filters", "query.too-many-filters"),
                        tuple("scoreRanges", "query.too-many-score-ranges")));
    }
}
