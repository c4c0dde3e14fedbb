package io.touchstone.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.proto.v1.CesOrientation;
import io.touchstone.proto.v1.CreateSurveyRequest;
import io.touchstone.proto.v1.GetSurveyRequest;
import io.touchstone.proto.v1.ListSurveysRequest;
import io.touchstone.proto.v1.ListSurveysResponse;
import io.touchstone.proto.v1.PageRequest;
import io.touchstone.proto.v1.PublishSurveyRequest;
import io.touchstone.proto.v1.Question;
import io.touchstone.proto.v1.QuestionType;
import io.touchstone.proto.v1.ReviseSurveyRequest;
import io.touchstone.proto.v1.Survey;
import io.touchstone.proto.v1.SurveyContent;
import io.touchstone.proto.v1.SurveyStatus;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SurveyGrpcIT extends GrpcTestSupport {

    private String key;

    @BeforeEach
    void tenantOfItsOwn() {
        key = tenant().adminKey();
    }

    private Survey create(SurveyContent content) {
        return surveys(key).createSurvey(CreateSurveyRequest.newBuilder().setContent(content).build()).getSurvey();
    }

    @Test
    void createsADraftAsVersionOneWithTheContentAsGiven() {
        Survey survey = create(standardContent());

        assertThat(UUID.fromString(survey.getId())).isNotNull();
        assertThat(survey.hasCreatedAt()).isTrue();
        assertThat(survey.getLatestPublishedVersion()).isZero();
        assertThat(survey.getLatest().getNumber()).isEqualTo(1);
        assertThat(survey.getLatest().getStatus()).isEqualTo(SurveyStatus.SURVEY_STATUS_DRAFT);
        assertThat(survey.getLatest().hasPublishedAt()).isFalse();
        SurveyContent content = survey.getLatest().getContent();
        assertThat(content.getDefaultLanguage()).isEqualTo("cs");
        assertThat(content.getTitle().getTextsMap()).containsEntry("fa", TITLE_FA);
        assertThat(content.getQuestionsList()).extracting(Question::getId)
                .containsExactly("nps", "csat", "ces", "why", "channel");
        assertThat(content.getQuestions(0).getText().getTextsMap())
                .containsExactly(entry("cs", NPS_CS), entry("fa", NPS_FA));
        Question csat = content.getQuestions(1);
        assertThat(csat.getType()).isEqualTo(QuestionType.QUESTION_TYPE_CSAT);
        assertThat(csat.getScale()).isEqualTo(5);
        assertThat(csat.getSatisfiedFrom()).as("default threshold of a 5-point scale").isEqualTo(4);
        Question ces = content.getQuestions(2);
        assertThat(ces.getScale()).isEqualTo(7);
        assertThat(ces.getOrientation()).isEqualTo(CesOrientation.CES_ORIENTATION_HIGHER_IS_EASIER);
        assertThat(content.getQuestions(3).getMaxLength()).as("default maximum length").isEqualTo(5000);
        assertThat(content.getQuestions(4).getOptionsList()).extracting(o -> o.getId())
                .containsExactly("web", "phone");

        Survey read = surveys(key).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(survey.getId()).build())
                .getSurvey();
        assertThat(read).isEqualTo(survey);
    }

    @Test
    void persianTextsRoundTripExactly() {
        Survey survey = create(standardContent());

        Survey read = surveys(key).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(survey.getId()).build())
                .getSurvey();

        assertThat(read.getLatest().getContent().getTitle().getTextsMap().get("fa")).isEqualTo(TITLE_FA);
        assertThat(read.getLatest().getContent().getQuestions(2).getText().getTextsMap().get("fa"))
                .isEqualTo(CES_FA);
    }

    @Test
    void publishingFreezesTheVersionAndRevisingStartsANewDraft() {
        Survey draft = create(standardContent());

        Survey published = surveys(key).publishSurvey(PublishSurveyRequest.newBuilder()
                .setSurveyId(draft.getId()).build()).getSurvey();
        assertThat(published.getLatest().getStatus()).isEqualTo(SurveyStatus.SURVEY_STATUS_PUBLISHED);
        assertThat(published.getLatest().hasPublishedAt()).isTrue();
        assertThat(published.getLatestPublishedVersion()).isEqualTo(1);

        SurveyContent changed = standardContent().toBuilder()
                .setQuestions(0, standardContent().getQuestions(0).toBuilder()
                        .setText(localized("cs", "Doporučili byste nás?", "fa", NPS_FA)))
                .build();
        Survey revised = surveys(key).reviseSurvey(ReviseSurveyRequest.newBuilder()
                .setSurveyId(draft.getId()).setContent(changed).build()).getSurvey();

        assertThat(revised.getLatest().getNumber()).isEqualTo(2);
        assertThat(revised.getLatest().getStatus()).isEqualTo(SurveyStatus.SURVEY_STATUS_DRAFT);
        assertThat(revised.getLatestPublishedVersion()).isEqualTo(1);
        assertThat(revised.getLatest().getContent().getQuestions(0).getText().getTextsMap())
                .containsEntry("cs", "Doporučili byste nás?");
    }

    @Test
    void revisingADraftReplacesItsContent() {
        Survey draft = create(standardContent());
        SurveyContent shorter = standardContent().toBuilder().clearQuestions()
                .addQuestions(standardContent().getQuestions(0)).build();

        Survey revised = surveys(key).reviseSurvey(ReviseSurveyRequest.newBuilder()
                .setSurveyId(draft.getId()).setContent(shorter).build()).getSurvey();

        assertThat(revised.getLatest().getNumber()).isEqualTo(1);
        assertThat(revised.getLatest().getContent().getQuestionsList()).extracting(Question::getId)
                .containsExactly("nps");
    }

    @Test
    void publishingAPublishedVersionAgainIsRefused() {
        String id = publishedSurvey(key);

        assertFails(Status.Code.FAILED_PRECONDITION, "survey.already-published",
                () -> surveys(key).publishSurvey(PublishSurveyRequest.newBuilder().setSurveyId(id).build()));
    }

    @Test
    void listsTheTenantsSurveysOldestFirstPageByPage() {
        String first = create(standardContent()).getId();
        String second = create(standardContent()).getId();
        String third = create(standardContent()).getId();

        ListSurveysResponse page1 = surveys(key).listSurveys(ListSurveysRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(2)).build());
        ListSurveysResponse page2 = surveys(key).listSurveys(ListSurveysRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(page1.getNextPageToken())).build());

        assertThat(page1.getSurveysList()).extracting(Survey::getId).containsExactly(first, second);
        assertThat(page2.getSurveysList()).extracting(Survey::getId).containsExactly(third);
        assertThat(page2.getNextPageToken()).isEmpty();
    }

    @Test
    void refusesAQuestionWithoutTextInTheDefaultLanguageAndStoresNothing() {
        SurveyContent content = standardContent().toBuilder()
                .setQuestions(2, standardContent().getQuestions(2).toBuilder().setText(localized("fa", CES_FA)))
                .build();

        var status = assertFails(Status.Code.INVALID_ARGUMENT, "text.default-language-missing",
                () -> create(content));

        assertField(status, "content.questions[2].text.cs", "text.default-language-missing");
        assertThat(surveys(key).listSurveys(ListSurveysRequest.getDefaultInstance()).getSurveysList()).isEmpty();
    }

    @Test
    void namesEveryBadFieldOfTheContent() {
        SurveyContent content = SurveyContent.newBuilder()
                .setDefaultLanguage("cs")
                .setTitle(localized("cs", "Test"))
                .addQuestions(Question.newBuilder().setId("csat").setType(QuestionType.QUESTION_TYPE_CSAT)
                        .setText(localized("cs", CSAT_CS)).setScale(4))
                .addQuestions(Question.newBuilder().setId("what").setText(localized("cs", "?")))
                .build();

        var status = assertFails(Status.Code.INVALID_ARGUMENT, "question.scale-unsupported",
                () -> create(content));

        assertThat(badRequest(status).getFieldViolationsList())
                .extracting(v -> v.getField() + " " + v.getReason())
                .containsExactly("content.questions[0].scale question.scale-unsupported",
                        "content.questions[1].type value.required");
    }

    @Test
    void refusesAnEmptyContent() {
        var status = assertFails(Status.Code.INVALID_ARGUMENT, "value.required",
                () -> surveys(key).createSurvey(CreateSurveyRequest.getDefaultInstance()));
        assertField(status, "content.defaultLanguage", "value.required");
    }

    @Test
    void refusesABadRevisionAndKeepsTheDraft() {
        Survey draft = create(standardContent());
        SurveyContent bad = standardContent().toBuilder().setDefaultLanguage("en").build();

        var status = assertFails(Status.Code.INVALID_ARGUMENT, "text.default-language-missing",
                () -> surveys(key).reviseSurvey(ReviseSurveyRequest.newBuilder()
                        .setSurveyId(draft.getId()).setContent(bad).build()));
        assertField(status, "content.title.en", "text.default-language-missing");

        Survey read = surveys(key).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(draft.getId()).build())
                .getSurvey();
        assertThat(read).isEqualTo(draft);
    }

    @Test
    void unknownSurveysAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(key).getSurvey(GetSurveyRequest.newBuilder().setSurveyId(unknown).build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(key).publishSurvey(PublishSurveyRequest.newBuilder().setSurveyId(unknown).build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(key).reviseSurvey(ReviseSurveyRequest.newBuilder().setSurveyId(unknown)
                        .setContent(standardContent()).build()));
    }

    @Test
    void idsThatAreNoUuidAreNotFound() {
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(key).getSurvey(GetSurveyRequest.newBuilder().setSurveyId("my-survey").build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(key).getSurvey(GetSurveyRequest.getDefaultInstance()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(key).publishSurvey(PublishSurveyRequest.newBuilder()
                        .setSurveyId("1-2-3-4-5").build()));
        assertFails(Status.Code.NOT_FOUND, "survey.not-found",
                () -> surveys(key).reviseSurvey(ReviseSurveyRequest.newBuilder().setSurveyId("' or 1=1 --")
                        .setContent(standardContent()).build()));
    }
}
