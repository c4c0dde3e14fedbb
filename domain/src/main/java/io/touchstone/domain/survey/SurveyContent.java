package io.touchstone.domain.survey;

import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one version of a survey asks: the title and the questions, in a default language and optionally others.
 * The title's languages are the languages the survey is offered in; every text must exist in the default language,
 * and no text may be in a language the survey does not offer.
 */
public record SurveyContent(LanguageTag defaultLanguage, LocalizedText title, List<Question> questions) {

    public static final int MAX_QUESTIONS = 200;

    public SurveyContent {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(title, "title");
        questions = List.copyOf(questions);
        Violations violations = new Violations();
        if (!title.has(defaultLanguage)) {
            violations.add("title." + defaultLanguage, "text.default-language-missing",
                    "no text in the default language '" + defaultLanguage + "'");
        }
        if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            violations.add("questions", "survey.questions-count", "a survey has 1.." + MAX_QUESTIONS + " questions");
        }
        Set<QuestionId> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String path = "questions[" + i + "]";
            if (!ids.add(question.id())) {
                violations.add(path + ".id", "question.id-duplicate", "question '" + question.id() + "' is given twice");
            }
            checkLanguages(violations, path + ".text", question.text(), defaultLanguage, title.languages());
            if (question instanceof Question.SingleChoice choice) {
                for (int o = 0; o < choice.options().size(); o++) {
                    checkLanguages(violations, path + ".options[" + o + "].label", choice.options().get(o).label(),
                            defaultLanguage, title.languages());
                }
            }
        }
        violations.throwIfAny();
    }

    private static void checkLanguages(Violations violations, String path, LocalizedText text,
            LanguageTag defaultLanguage, Set<LanguageTag> offered) {
        if (!text.has(defaultLanguage)) {
            violations.add(path + "." + defaultLanguage, "text.default-language-missing",
                    "no text in the default language '" + defaultLanguage + "'");
        }
        for (LanguageTag language : text.languages()) {
            if (!offered.contains(language)) {
                violations.add(path + "." + language, "text.language-not-offered",
                        "'" + language + "' is not among the survey's languages (those of its title)");
            }
        }
    }

    public Set<LanguageTag> languages() {
        return title.languages();
    }

    public Optional<Question> question(QuestionId id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** Refuses a language the survey is not offered in. */
    public void checkOffered(String field, LanguageTag language) {
        if (!languages().contains(language)) {
            throw new InvalidValue(field, "response.language-not-offered",
                    "the survey is offered in " + languages() + ", not in '" + language + "'");
        }
    }
}
