package io.touchstone.application.port.in;

import io.smallrye.mutiny.Uni;
import io.touchstone.domain.survey.Survey;
import java.util.UUID;

/** Surveys of the caller's tenant: define, revise, publish ({@code surveys:write}); read ({@code surveys:read}). */
public interface ManageSurveysUseCase {

    Uni<Survey> create(Caller caller, SurveyDefinition definition);

    Uni<Survey> revise(Caller caller, UUID surveyId, SurveyDefinition definition);

    Uni<Survey> publish(Caller caller, UUID surveyId);

    Uni<Survey> get(Caller caller, UUID surveyId);

    Uni<Page<Survey>> list(Caller caller, PageRequest page);
}
