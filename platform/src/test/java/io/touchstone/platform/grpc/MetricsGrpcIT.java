package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.proto.v1.Answer;
import io.touchstone.proto.v1.CesOrientation;
import io.touchstone.proto.v1.GetSurveySummaryRequest;
import io.touchstone.proto.v1.GetSurveySummaryResponse;
import io.touchstone.proto.v1.OptionCount;
import io.touchstone.proto.v1.PublishSurveyRequest;
import io.touchstone.proto.v1.QuestionSummary;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.ReviseSurveyRequest;
import io.touchstone.proto.v1.ScoreCount;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsGrpcIT extends GrpcTestSupport {

    private static final int[] NPS = {10, 9, 9, 10, 9, 8, 7, 7, 3, 0};
    private static final int[] CSAT = {5, 4, 3, 5, 1, 4};
    private static final int[] CES = {7, 4, 2, 6};
    private static final String[] CHANNEL = {"web", "phone", "web"};

    private String key;
    private String surveyId;

    @BeforeEach
    void publishedSurvey() {
        key = tenant().adminKey();
        surveyId = publishedSurvey(key);
    }

    /** Ten responses: NPS to all, CSAT to the first six, CES to the first four, texts and choices to a few. */
    private void submitTheTenResponses() {
        for (int i = 0; i < NPS.length; i++) {
            List<Answer> answers = new ArrayList<>();
            answers.add(score("nps", NPS[i]));
            if (i < CSAT.length) {
                answers.add(score("csat", CSAT[i]));
            }
            if (i < CES.length) {
                answers.add(score("ces", CES[i]));
            }
            if (i < 2) {
                answers.add(text("why", i == 0 ? "Rychlé vyřízení" : "خیلی خوب بود"));
            }
            if (i < CHANNEL.length) {
                answers.add(choice("channel", CHANNEL[i]));
            }
            responses(key).submitResponse(submission(surveyId, answers.toArray(Answer[]::new)));
        }
    }

    private GetSurveySummaryResponse summary(Integer version) {
        GetSurveySummaryRequest.Builder request = GetSurveySummaryRequest.newBuilder().setSurveyId(surveyId);
        if (version != null) {
            request.setVersion(version);
        }
        return metrics(key).getSurveySummary(request.build());
    }

    @Test
    void figuresEqualTheHandComputedValues() {
        submitTheTenResponses();

        GetSurveySummaryResponse summary = summary(null);

        assertThat(summary.getSurveyId()).isEqualTo(surveyId);
        assertThat(summary.getVersion()).isEqualTo(1);
        assertThat(summary.getResponses()).isEqualTo(10);
        assertThat(summary.getQuestionsList()).extracting(QuestionSummary::getQuestionId)
                .containsExactly("nps", "csat", "ces", "why", "channel");

        // NPS: 5 promoters (9-10), 3 passives (7-8), 2 detractors (0-6) of 10
        QuestionSummary nps = summary.getQuestions(0);
        assertThat(nps.getType()).isEqualTo(QuestionType.QUESTION_TYPE_NPS);
        assertThat(nps.getN()).isEqualTo(10);
        assertThat(nps.getSmallSample()).isTrue();
        assertThat(nps.getHistogramList()).extracting(ScoreCount::getCount)
                .containsExactly(1L, 0L, 0L, 1L, 0L, 0L, 0L, 2L, 1L, 3L, 2L);
        assertThat(nps.getNps().getPromoters()).isEqualTo(5);
        assertThat(nps.getNps().getPassives()).isEqualTo(3);
        assertThat(nps.getNps().getDetractors()).isEqualTo(2);
        assertThat(nps.getNps().getPromoterShare()).isEqualTo(0.5);
        assertThat(nps.getNps().getPassiveShare()).isEqualTo(0.3);
        assertThat(nps.getNps().getDetractorShare()).isEqualTo(0.2);
        assertThat(nps.getNps().getScore()).isEqualTo(30.0);
        // SE = sqrt((p + d - (p - d)^2) / n) = sqrt((0.5 + 0.2 - 0.09) / 10) = sqrt(0.061); CI = 30 ± 1.96 × 100 × SE
        double halfWidth = 1.96 * 100 * Math.sqrt(0.061);
        assertThat(nps.getNps().getConfidenceInterval().getLower()).isCloseTo(30.0 - halfWidth, within(1e-9));
        assertThat(nps.getNps().getConfidenceInterval().getUpper()).isCloseTo(30.0 + halfWidth, within(1e-9));
        assertThat(nps.getNps().getConfidenceInterval().getLower()).isCloseTo(-18.408429018, within(1e-8));
        assertThat(nps.hasCsat()).isFalse();
        assertThat(nps.hasCes()).isFalse();

        // CSAT 1-5, satisfied 4-5: 5, 4, 5, 4 of 6; mean 22 / 6
        QuestionSummary csat = summary.getQuestions(1);
        assertThat(csat.getN()).isEqualTo(6);
        assertThat(csat.getCsat().getScale()).isEqualTo(5);
        assertThat(csat.getCsat().getSatisfiedFrom()).isEqualTo(4);
        assertThat(csat.getCsat().getSatisfied()).isEqualTo(4);
        assertThat(csat.getCsat().getPercentSatisfied()).isCloseTo(200.0 / 3, within(1e-12));
        assertThat(csat.getCsat().getMean()).isCloseTo(22.0 / 6, within(1e-12));
        assertThat(csat.getHistogramList()).extracting(ScoreCount::getScore).containsExactly(1, 2, 3, 4, 5);
        assertThat(csat.getHistogramList()).extracting(ScoreCount::getCount).containsExactly(1L, 0L, 1L, 2L, 2L);

        // CES 1-7, higher is easier, midpoint 4: agree 7 and 6, neutral 4, disagree 2
        QuestionSummary ces = summary.getQuestions(2);
        assertThat(ces.getN()).isEqualTo(4);
        assertThat(ces.getCes().getScale()).isEqualTo(7);
        assertThat(ces.getCes().getOrientation()).isEqualTo(CesOrientation.CES_ORIENTATION_HIGHER_IS_EASIER);
        assertThat(ces.getCes().getAgree()).isEqualTo(2);
        assertThat(ces.getCes().getNeutral()).isEqualTo(1);
        assertThat(ces.getCes().getDisagree()).isEqualTo(1);
        assertThat(ces.getCes().getNet()).isEqualTo(25.0);
        assertThat(ces.getCes().getMean()).isEqualTo(4.75);

        QuestionSummary why = summary.getQuestions(3);
        assertThat(why.getType()).isEqualTo(QuestionType.QUESTION_TYPE_FREE_TEXT);
        assertThat(why.getN()).isEqualTo(2);
        assertThat(why.hasNps() || why.hasCsat() || why.hasCes()).isFalse();

        QuestionSummary channel = summary.getQuestions(4);
        assertThat(channel.getType()).isEqualTo(QuestionType.QUESTION_TYPE_SINGLE_CHOICE);
        assertThat(channel.getN()).isEqualTo(3);
        assertThat(channel.getOptionsList()).extracting(OptionCount::getOptionId, OptionCount::getCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web", 2L),
                        org.assertj.core.groups.Tuple.tuple("phone", 1L));
    }

    @Test
    void figuresWithoutAnswersAreAbsentNotZero() {
        GetSurveySummaryResponse summary = summary(null);

        assertThat(summary.getResponses()).isZero();
        assertThat(summary.getQuestionsList()).hasSize(5).allSatisfy(question -> {
            assertThat(question.getN()).isZero();
            assertThat(question.getSmallSample()).isTrue();
            assertThat(question.hasNps()).isFalse();
            assertThat(question.hasCsat()).isFalse();
            assertThat(question.hasCes()).isFalse();
            assertThat(question.getHistogramList()).allSatisfy(count -> assertThat(count.getCount()).isZero());
        });
        assertThat(summary.getQuestions(0).getHistogramCount()).isEqualTo(11);
    }

    @Test
    void summarisesTheAskedVersionOrTheLatestPublishedOne() {
        submitTheTenResponses();
        surveys(key).reviseSurvey(ReviseSurveyRequest.newBuilder().setSurveyId(surveyId)
                .setContent(standardContent()).build());
        surveys(key).publishSurvey(PublishSurveyRequest.newBuilder().setSurveyId(surveyId).build());

        assertThat(summary(1).getResponses()).isEqualTo(10);
        assertThat(summary(1).getQuestions(0).getNps().getScore()).isEqualTo(30.0);
        assertThat(summary(null).getVersion()).isEqualTo(2);
        assertThat(summary(null).getResponses()).isZero();
        assertThat(summary(null).getQuestions(0).hasNps()).isFalse();
    }

    @Test
    void refusesAVersionThatDoesNotExist() {
        assertFails(Status.Code.NOT_FOUND, "survey.version-not-found", () -> summary(2));
    }

    @Test
    void aSurveyWithoutPublishedVersionHasNoSummary() {
        surveyId = draftSurvey(key);

        assertFails(Status.Code.FAILED_PRECONDITION, "survey.not-published", () -> summary(null));
    }

    @Test
    void unknownSurveysAndIdsThatAreNoUuidAreNotFound() {
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> metrics(key).getSurveySummary(GetSurveySummaryRequest.newBuilder()
                        .setSurveyId(UUID.randomUUID().toString()).build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> metrics(key).getSurveySummary(GetSurveySummaryRequest.newBuilder()
                        .setSurveyId("nps-survey").build()));
    }
}
