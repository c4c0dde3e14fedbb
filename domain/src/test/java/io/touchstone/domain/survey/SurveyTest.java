package io.touchstone.domain.survey;

import static io.touchstone.domain.survey.SurveyFixtures.CS;
import static io.touchstone.domain.survey.SurveyFixtures.SURVEY;
import static io.touchstone.domain.survey.SurveyFixtures.T0;
import static io.touchstone.domain.survey.SurveyFixtures.TENANT;
import static io.touchstone.domain.survey.SurveyFixtures.content;
import static io.touchstone.domain.survey.SurveyFixtures.csat;
import static io.touchstone.domain.survey.SurveyFixtures.nps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.RuleViolated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SurveyTest {

    private static final Instant PUBLISHED_AT = T0.plusSeconds(60);
    private static final Instant REVISED_AT = T0.plusSeconds(3_600);

    private final SurveyContent first = content(nps("nps"));
    private final SurveyContent second = content(nps("nps"), csat("csat", 5));

    @Test
    void aNewSurveyIsADraftVersionOne() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);

        assertThat(survey.id()).isEqualTo(SURVEY);
        assertThat(survey.tenantId()).isEqualTo(TENANT);
        assertThat(survey.createdAt()).isEqualTo(T0);
        assertThat(survey.versions()).containsExactly(
                new SurveyVersion(1, first, SurveyStatus.DRAFT, T0, Optional.empty()));
        assertThat(survey.latest().number()).isEqualTo(1);
        assertThat(survey.latestPublished()).isEmpty();
    }

    @Test
    void publishingTheDraftPublishesVersionOneAndKeepsItsCreationTime() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);

        SurveyVersion published = survey.publish(PUBLISHED_AT);

        assertThat(published).isEqualTo(
                new SurveyVersion(1, first, SurveyStatus.PUBLISHED, T0, Optional.of(PUBLISHED_AT)));
        assertThat(survey.versions()).containsExactly(published);
        assertThat(survey.latestPublished()).contains(published);
    }

    @Test
    void publishingTwiceIsRefusedAndChangesNothing() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);
        survey.publish(PUBLISHED_AT);

        assertThatThrownBy(() -> survey.publish(REVISED_AT))
                .isInstanceOfSatisfying(RuleViolated.class,
                        e -> assertThat(e.code()).isEqualTo("survey.already-published"));
        assertThat(survey.versions()).hasSize(1);
        assertThat(survey.latest().publishedAt()).contains(PUBLISHED_AT);
    }

    @Test
    void revisingADraftReplacesItsContentInPlace() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);

        SurveyVersion revised = survey.revise(second, REVISED_AT);

        assertThat(revised).isEqualTo(new SurveyVersion(1, second, SurveyStatus.DRAFT, T0, Optional.empty()));
        assertThat(survey.versions()).containsExactly(revised);
    }

    @Test
    void revisingAPublishedSurveyStartsVersionTwoAsADraftAndLeavesVersionOneAlone() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);
        SurveyVersion one = survey.publish(PUBLISHED_AT);

        SurveyVersion two = survey.revise(second, REVISED_AT);

        assertThat(two).isEqualTo(new SurveyVersion(2, second, SurveyStatus.DRAFT, REVISED_AT, Optional.empty()));
        assertThat(survey.versions()).containsExactly(one, two);
        assertThat(survey.version(1)).isEqualTo(
                new SurveyVersion(1, first, SurveyStatus.PUBLISHED, T0, Optional.of(PUBLISHED_AT)));
        assertThat(survey.latest()).isEqualTo(two);
        assertThat(survey.latestPublished()).contains(one);
    }

    @Test
    void revisingTheNewDraftAgainKeepsItVersionTwo() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);
        survey.publish(PUBLISHED_AT);
        survey.revise(second, REVISED_AT);

        SurveyVersion again = survey.revise(first, REVISED_AT.plusSeconds(5));

        assertThat(again).isEqualTo(new SurveyVersion(2, first, SurveyStatus.DRAFT, REVISED_AT, Optional.empty()));
        assertThat(survey.versions()).hasSize(2);
    }

    @Test
    void publishedVersionOneStaysAnswerableByExplicitVersionWhileVersionTwoIsADraft() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);
        survey.publish(PUBLISHED_AT);
        survey.revise(second, REVISED_AT);

        Response byNumber = respond(survey, Optional.of(1), new Answer(new QuestionId("nps"), new AnswerValue.Score(9)));
        Response byDefault = respond(survey, Optional.empty(), new Answer(new QuestionId("nps"), new AnswerValue.Score(9)));

        assertThat(byNumber.surveyVersion()).isEqualTo(1);
        assertThat(byDefault.surveyVersion()).isEqualTo(1);
        assertThatThrownBy(() -> respond(survey, Optional.of(2), new Answer(new QuestionId("nps"),
                new AnswerValue.Score(9))))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo("survey.not-published"));
    }

    @Test
    void versionOneKeepsTakingOnlyItsOwnQuestionsAfterVersionTwoIsPublished() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);
        survey.publish(PUBLISHED_AT);
        survey.revise(second, REVISED_AT);
        survey.publish(REVISED_AT.plusSeconds(1));
        Answer csatAnswer = new Answer(new QuestionId("csat"), new AnswerValue.Score(4));

        Response toLatest = respond(survey, Optional.empty(), csatAnswer);

        assertThat(toLatest.surveyVersion()).isEqualTo(2);
        assertThat(survey.latestPublished().map(SurveyVersion::number)).contains(2);
        assertThatThrownBy(() -> respond(survey, Optional.of(1), csatAnswer))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.code()).isEqualTo("answer.question-unknown");
                    assertThat(e.violations().getFirst().field()).isEqualTo("answers[0].questionId");
                });
    }

    @Test
    void aDraftTakesNoResponses() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);
        Answer answer = new Answer(new QuestionId("nps"), new AnswerValue.Score(9));

        assertThatThrownBy(() -> respond(survey, Optional.empty(), answer))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo("survey.not-published"));
        assertThatThrownBy(() -> respond(survey, Optional.of(1), answer))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo("survey.not-published"));
    }

    @Test
    void anUnknownVersionIsNotFound() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);
        survey.publish(PUBLISHED_AT);
        Answer answer = new Answer(new QuestionId("nps"), new AnswerValue.Score(9));

        for (int missing : new int[] {0, 2, -1}) {
            assertThatThrownBy(() -> respond(survey, Optional.of(missing), answer))
                    .isInstanceOfSatisfying(NotFound.class,
                            e -> assertThat(e.code()).isEqualTo("survey.version-not-found"));
            assertThatThrownBy(() -> survey.version(missing)).isInstanceOf(NotFound.class);
        }
    }

    @Test
    void versionsAreHandedOutAsACopy() {
        Survey survey = Survey.draft(SURVEY, TENANT, first, T0);

        assertThatThrownBy(() -> survey.versions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(survey.versions()).hasSize(1);
    }

    @Test
    void rehydratingKeepsEveryVersionAndRefusesGaps() {
        SurveyVersion one = new SurveyVersion(1, first, SurveyStatus.PUBLISHED, T0, Optional.of(PUBLISHED_AT));
        SurveyVersion two = new SurveyVersion(2, second, SurveyStatus.DRAFT, REVISED_AT, Optional.empty());
        SurveyVersion three = new SurveyVersion(3, second, SurveyStatus.DRAFT, REVISED_AT, Optional.empty());

        Survey survey = Survey.rehydrate(SURVEY, TENANT, T0, List.of(one, two));

        assertThat(survey.versions()).containsExactly(one, two);
        assertThatIllegalArgumentException().isThrownBy(() -> Survey.rehydrate(SURVEY, TENANT, T0, List.of(one, three)));
        assertThatIllegalArgumentException().isThrownBy(() -> Survey.rehydrate(SURVEY, TENANT, T0, List.of()));
    }

    @Test
    void aVersionHasAPublicationTimeExactlyWhenItIsPublished() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new SurveyVersion(1, first, SurveyStatus.PUBLISHED, T0, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new SurveyVersion(1, first, SurveyStatus.DRAFT, T0, Optional.of(T0)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new SurveyVersion(0, first, SurveyStatus.DRAFT, T0, Optional.empty()));
    }

    private static Response respond(Survey survey, Optional<Integer> version, Answer... answers) {
        return survey.respond(new ResponseId(UUID.randomUUID()), version, CS, null, null, Map.of(), List.of(answers),
                REVISED_AT.plusSeconds(10));
    }
}
