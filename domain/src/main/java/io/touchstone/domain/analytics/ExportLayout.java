package io.touchstone.domain.analytics;

import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer columns of a survey's export: one per question id, those of the latest published version in its order
 * first, then those only earlier versions had (newest version first), so that every answer of every version has its
 * column. A draft takes no responses and adds no columns.
 */
public record ExportLayout(List<QuestionId> questions) {

    public ExportLayout {
        questions = List.copyOf(questions);
    }

    public static ExportLayout of(Survey survey) {
        Set<QuestionId> columns = new LinkedHashSet<>();
        List<SurveyVersion> versions = survey.versions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!versions.get(i).isPublished()) {
                continue;
            }
            for (Question question : versions.get(i).content().questions()) {
                columns.add(question.id());
            }
        }
        return new ExportLayout(List.copyOf(columns));
    }
}
