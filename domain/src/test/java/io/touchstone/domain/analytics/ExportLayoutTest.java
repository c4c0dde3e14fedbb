package io.touchstone.domain.analytics;

import static io.touchstone.domain.analytics.AnalyticsFixtures.A;
import static io.touchstone.domain.analytics.AnalyticsFixtures.csat;
import static io.touchstone.domain.analytics.AnalyticsFixtures.published;
import static io.touchstone.domain.analytics.AnalyticsFixtures.q;
import static io.touchstone.domain.analytics.AnalyticsFixtures.withDraft;
import static io.touchstone.domain.survey.SurveyFixtures.content;
import static io.touchstone.domain.survey.SurveyFixtures.freeText;
import static io.touchstone.domain.survey.SurveyFixtures.nps;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportLayoutTest {

    @Test
    void oneColumnPerQuestionOfTheLatestVersionInItsOrder() {
        var survey = published(A, content(csat("csat", 5, 4), nps("nps"), freeText("comment", 100)));

        assertThat(ExportLayout.of(survey).questions()).containsExactly(q("csat"), q("nps"), q("comment"));
    }

    @Test
    void questionsOnlyEarlierVersionsHadFollowNewestFirst() {
        // v1: a, b; v2: b, c; v3: d, b → d, b, then c (v2), then a (v1)
        var survey = published(A, content(nps("a"), nps("b")), content(nps("b"), nps("c")),
                content(nps("d"), nps("b")));

        assertThat(ExportLayout.of(survey).questions()).containsExactly(q("d"), q("b"), q("c"), q("a"));
    }

    @Test
    void aDraftHasNoAnswersAndSoNoColumns() {
        // v1 published: nps, comment; v2 draft: csat, nps — respondents only ever answered v1
        var survey = withDraft(A, content(nps("nps"), freeText("comment", 100)), content(csat("csat", 5, 4),
                nps("nps")));

        assertThat(ExportLayout.of(survey).questions()).containsExactly(q("nps"), q("comment"));
    }
}
