package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.SURVEY;
import static io.touchstone.platform.rest.RestFixtures.asTenant;
import static io.touchstone.platform.rest.RestFixtures.createSurvey;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static io.touchstone.platform.rest.RestFixtures.publishedSurvey;
import static io.touchstone.platform.rest.RestFixtures.submit;
import static io.touchstone.platform.rest.RestFixtures.submitted;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SurveySummaryIT {

    private static final String SUMMARY = "/api/v1/surveys/{id}/summary";

    /**
     * Ten NPS answers: 5 promoters (9, 10), 3 passives (7, 8), 2 detractors (0-6). NPS = 100 × (5 − 2) / 10 = 30;
     * p = 0.5, d = 0.2, SE = √((0.5 + 0.2 − 0.3²) / 10) = √0.061, CI = 30 ± 196 × √0.061 ≈ 30 ± 48.4084.
     */
    private static final int[] NPS = {9, 10, 9, 10, 9, 7, 8, 7, 0, 6};
    /** CSAT 1-5, satisfied from 4: 5, 5, 4 satisfied of 6 → 50 %; mean 20 / 6. */
    private static final int[] CSAT = {5, 5, 4, 3, 1, 2};
    /** CES 1-7 higher is easier, midpoint 4: agree 7, 6, 5; neutral 4; disagree 2 → net 40; mean 24 / 5. */
    private static final int[] CES = {7, 6, 4, 2, 5};
    /** CES 1-5 higher is harder: 1, 2, 5 normalise to 5, 4, 1; midpoint 3 → agree 2, disagree 1; mean 10 / 3. */
    private static final int[] EFFORT = {1, 2, 5};

    @Test
    void figuresEqualTheHandComputedValues() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        for (int i = 0; i < NPS.length; i++) {
            StringBuilder answers = new StringBuilder("{\"questionId\": \"nps\", \"score\": " + NPS[i] + "}");
            if (i < CSAT.length) {
                answers.append(", {\"questionId\": \"csat\", \"score\": ").append(CSAT[i]).append('}');
            }
            if (i < CES.length) {
                answers.append(", {\"questionId\": \"ces\", \"score\": ").append(CES[i]).append('}');
            }
            if (i < EFFORT.length) {
                answers.append(", {\"questionId\": \"effort\", \"score\": ").append(EFFORT[i]).append('}');
            }
            if (i < 4) {
                answers.append(", {\"questionId\": \"channel\", \"choice\": \"").append(i < 3 ? "phone" : "web")
                        .append("\"}");
            }
            if (i < 2) {
                answers.append(", {\"questionId\": \"comment\", \"text\": \"díky\"}");
            }
            submitted(key, survey, "{\"language\": \"cs\", \"answers\": [" + answers + "]}");
        }

        double p = 5 / 10.0;
        double d = 2 / 10.0;
        double halfWidth = 1.96 * 100 * Math.sqrt((p + d - (p - d) * (p - d)) / 10);

        asTenant(key).get(SUMMARY, survey)
                .then()
                .statusCode(200)
                .body("surveyId", equalTo(survey))
                .body("version", equalTo(1))
                .body("responses", equalTo(10))
                .body("questions.questionId", equalTo(List.of("nps", "csat", "ces", "effort", "comment",
                        "channel")))
                .body("questions.type", equalTo(List.of("NPS", "CSAT", "CES", "CES", "FREE_TEXT",
                        "SINGLE_CHOICE")))
                .body("questions.n", equalTo(List.of(10, 6, 5, 3, 2, 4)))
                .body("questions.smallSample", equalTo(List.of(true, true, true, true, true, true)))
                // NPS
                .body("questions[0].histogram.score", equalTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
                .body("questions[0].histogram.count", equalTo(List.of(1, 0, 0, 0, 0, 0, 1, 2, 1, 3, 2)))
                .body("questions[0].nps.promoters", equalTo(5))
                .body("questions[0].nps.passives", equalTo(3))
                .body("questions[0].nps.detractors", equalTo(2))
                .body("questions[0].nps.promoterShare", equalTo(0.5))
                .body("questions[0].nps.passiveShare", equalTo(0.3))
                .body("questions[0].nps.detractorShare", equalTo(0.2))
                .body("questions[0].nps.score", equalTo(30.0))
                .body("questions[0].nps.confidenceInterval.lower", equalTo(30.0 - halfWidth))
                .body("questions[0].nps.confidenceInterval.upper", equalTo(30.0 + halfWidth))
                .body("questions[0].nps.confidenceInterval.lower", closeTo(-18.408429018095, 1e-9))
                .body("questions[0].nps.confidenceInterval.upper", closeTo(78.408429018095, 1e-9))
                .body("questions[0]", not(hasKey("csat")))
                .body("questions[0]", not(hasKey("options")))
                // CSAT
                .body("questions[1].histogram.count", equalTo(List.of(1, 1, 1, 1, 2)))
                .body("questions[1].csat.scale", equalTo(5))
                .body("questions[1].csat.satisfiedFrom", equalTo(4))
                .body("questions[1].csat.satisfied", equalTo(3))
                .body("questions[1].csat.percentSatisfied", equalTo(50.0))
                .body("questions[1].csat.mean", equalTo(20.0 / 6))
                // CES, higher is easier
                .body("questions[2].ces.scale", equalTo(7))
                .body("questions[2].ces.orientation", equalTo("HIGHER_IS_EASIER"))
                .body("questions[2].ces.mean", equalTo(4.8))
                .body("questions[2].ces.net", equalTo(40.0))
                .body("questions[2].ces.agree", equalTo(3))
                .body("questions[2].ces.neutral", equalTo(1))
                .body("questions[2].ces.disagree", equalTo(1))
                // CES, higher is harder: full precision, never rounded
                .body("questions[3].ces.scale", equalTo(5))
                .body("questions[3].ces.orientation", equalTo("HIGHER_IS_HARDER"))
                .body("questions[3].ces.mean", equalTo(10.0 / 3))
                .body("questions[3].ces.net", equalTo(100.0 / 3))
                .body("questions[3].ces.agree", equalTo(2))
                .body("questions[3].ces.neutral", equalTo(0))
                .body("questions[3].ces.disagree", equalTo(1))
                // free text and single choice
                .body("questions[4]", not(hasKey("histogram")))
                .body("questions[5].options.optionId", equalTo(List.of("web", "phone")))
                .body("questions[5].options.count", equalTo(List.of(1, 3)));
    }

    @Test
    void metricsOverNoAnswersAreAbsentNotZero() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        submitted(key, survey, """
                {"language": "en", "answers": [{"questionId": "comment", "text": "fine"}]}
                """);

        asTenant(key).get(SUMMARY, survey)
                .then()
                .statusCode(200)
                .body("responses", equalTo(1))
                .body("questions.n", equalTo(List.of(0, 0, 0, 0, 1, 0)))
                .body("questions[0]", not(hasKey("nps")))
                .body("questions[1]", not(hasKey("csat")))
                .body("questions[2]", not(hasKey("ces")))
                .body("questions[3]", not(hasKey("ces")))
                .body("questions[0].histogram.count", equalTo(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .body("questions[5].options.count", equalTo(List.of(0, 0)));
    }

    @Test
    void summarisesTheVersionAskedFor() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        submitted(key, survey, """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 10}]}
                """);
        json(asTenant(key), """
                {"defaultLanguage": "en", "title": {"en": "v2"},
                 "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Recommend us?"}}]}
                """).put("/api/v1/surveys/{id}", survey).then().statusCode(200);
        asTenant(key).post("/api/v1/surveys/{id}/publish", survey).then().statusCode(200);
        submitted(key, survey, """
                {"language": "en", "answers": [{"questionId": "nps", "score": 0}]}
                """);

        asTenant(key).get(SUMMARY, survey).then().statusCode(200)
                .body("version", equalTo(2))
                .body("responses", equalTo(1))
                .body("questions[0].nps.score", equalTo(-100.0));
        asTenant(key).queryParam("version", 1).get(SUMMARY, survey).then().statusCode(200)
                .body("version", equalTo(1))
                .body("responses", equalTo(1))
                .body("questions[0].nps.score", equalTo(100.0))
                .body("questions[0].nps.confidenceInterval", equalTo(Map.of("lower", 100.0, "upper", 100.0)));
        problem(asTenant(key).queryParam("version", 3).get(SUMMARY, survey).then(), 404,
                "survey.version-not-found", null);
        problem(asTenant(key).queryParam("version", "latest").get(SUMMARY, survey).then(), 400,
                "request.wrong-type", "version");
    }

    @Test
    void refusedSubmissionsLeaveTheFiguresUnchanged() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        submitted(key, survey, """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 9}]}
                """);
        submit(key, survey, "bad-1", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": 8}, {"questionId": "csat", "score": 6}]}
                """).statusCode(400);
        submit(key, survey, "bad-2", """
                {"language": "cs", "answers": [{"questionId": "nps", "score": "8"}]}
                """).statusCode(400);

        asTenant(key).get(SUMMARY, survey).then().statusCode(200)
                .body("responses", equalTo(1))
                .body("questions[0].n", equalTo(1))
                .body("questions[0].nps.promoters", equalTo(1))
                .body("questions[1].n", equalTo(0));
    }

    @Test
    void unpublishedOrUnknownSurveysHaveNoSummary() {
        String key = newTenant().adminKey();
        String draft = createSurvey(key, SURVEY);
        problem(asTenant(key).get(SUMMARY, draft).then(), 422, "survey.not-published", null);
        problem(asTenant(key).get(SUMMARY, UUID.randomUUID()).then(), 404, "survey.not-found", null);
        problem(asTenant(key).get(SUMMARY, "nope").then(), 404, "survey.not-found", null);
    }

    @Test
    void summaryNeedsTheMetricsScope() {
        String admin = newTenant().adminKey();
        String survey = publishedSurvey(admin);
        String reader = keyWith(admin, "surveys:read", "responses:read");
        problem(asTenant(reader).get(SUMMARY, survey).then(), 403, "auth.scope-missing", null);
        String analyst = keyWith(admin, "metrics:read");
        asTenant(analyst).get(SUMMARY, survey).then().statusCode(200).body("responses", equalTo(0));
    }
}
