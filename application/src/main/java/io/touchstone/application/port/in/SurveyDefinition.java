package io.touchstone.application.port.in;

import java.util.List;
import java.util.Map;

/**
 * A survey as both APIs describe it, before it is checked: texts per language tag, questions with their type's
 * settings. Fields a type does not use are null.
 */
public record SurveyDefinition(String defaultLanguage, Map<String, String> title, List<QuestionDefinition> questions) {

    public record QuestionDefinition(String id, String type, Map<String, String> text, Integer scale,
            Integer satisfiedFrom, String orientation, Integer maxLength, List<OptionDefinition> options) {
    }

    public record OptionDefinition(String id, Map<String, String> label) {
    }
}
