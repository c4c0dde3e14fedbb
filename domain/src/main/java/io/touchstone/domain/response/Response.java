package io.touchstone.domain.response;

import io.touchstone.domain.shared.Text;
import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyVersion;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A respondent's answers to one published survey version. Partial responses are allowed; a response never changes. */
public final class Response {

    public static final int MAX_RESPONDENT_REF_LENGTH = 200;
    public static final int MAX_METADATA_ENTRIES = 50;
    public static final int MAX_METADATA_VALUE_LENGTH = 1_000;
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final ResponseId id;
    private final TenantId tenantId;
    private final SurveyId surveyId;
    private final int surveyVersion;
    private final LanguageTag language;
    private final Channel channel;
    private final String respondentRef;
    private final Map<String, String> metadata;
    private final List<Answer> answers;
    private final Instant submittedAt;
    private final LinkedInteraction interaction;

    private Response(ResponseId id, TenantId tenantId, SurveyId surveyId, int surveyVersion, LanguageTag language,
            Channel channel, String respondentRef, Map<String, String> metadata, List<Answer> answers,
            Instant submittedAt, LinkedInteraction interaction) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.surveyId = Objects.requireNonNull(surveyId, "surveyId");
        this.surveyVersion = surveyVersion;
        this.language = Objects.requireNonNull(language, "language");
        this.channel = channel;
        this.respondentRef = respondentRef;
        this.metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.answers = List.copyOf(answers);
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        this.interaction = interaction;
    }

    /**
     * Checks a response against the published version it answers and reports every problem at once. Use
     * {@code Survey.respond}, which first picks the version and makes sure it is published. The channel (where the
     * respondent was asked) is optional.
     */
    public static Response accept(ResponseId id, TenantId tenantId, SurveyId surveyId, SurveyVersion version,
            LanguageTag language, Channel channel, String respondentRef, Map<String, String> metadata,
            List<Answer> answers, Instant now) {
        return accept(id, tenantId, surveyId, version, language, channel, respondentRef, metadata, answers, now, null);
    }

    /**
     * As {@link #accept(ResponseId, TenantId, SurveyId, SurveyVersion, LanguageTag, Channel, String, Map, List,
     * Instant)}, about a recorded {@code interaction} (null: none). The response keeps a copy of what it inherits from
     * the interaction, and its channel is its own when it names one (where the respondent was asked), else the
     * interaction's touchpoint's.
     */
    public static Response accept(ResponseId id, TenantId tenantId, SurveyId surveyId, SurveyVersion version,
            LanguageTag language, Channel channel, String respondentRef, Map<String, String> metadata,
            List<Answer> answers, Instant now, LinkedInteraction interaction) {
        Violations violations = new Violations();
        violations.at("", () -> {
            version.content().checkOffered("language", language);
            return null;
        });
        String ref = violations.at("respondentRef",
                () -> Text.optional("", respondentRef, MAX_RESPONDENT_REF_LENGTH));
        Map<String, String> meta = metadata == null ? Map.of() : metadata;
        checkMetadata(violations, meta);
        if (answers == null || answers.isEmpty()) {
            violations.add("answers", "response.answers-required", "a response needs at least one answer");
        } else {
            checkAnswers(violations, version, answers);
        }
        violations.throwIfAny();
        Channel effective = channel != null || interaction == null ? channel : interaction.channel();
        return new Response(id, tenantId, surveyId, version.number(), language, effective, ref, meta, answers, now,
                interaction);
    }

    public static Response rehydrate(ResponseId id, TenantId tenantId, SurveyId surveyId, int surveyVersion,
            LanguageTag language, Channel channel, String respondentRef, Map<String, String> metadata,
            List<Answer> answers, Instant submittedAt) {
        return rehydrate(id, tenantId, surveyId, surveyVersion, language, channel, respondentRef, metadata, answers,
                submittedAt, null);
    }

    /** A stored response; {@code channel} is the one it was stored with (its own or inherited). */
    public static Response rehydrate(ResponseId id, TenantId tenantId, SurveyId surveyId, int surveyVersion,
            LanguageTag language, Channel channel, String respondentRef, Map<String, String> metadata,
            List<Answer> answers, Instant submittedAt, LinkedInteraction interaction) {
        return new Response(id, tenantId, surveyId, surveyVersion, language, channel, respondentRef, metadata,
                answers, submittedAt, interaction);
    }

    private static void checkMetadata(Violations violations, Map<String, String> metadata) {
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            violations.add("metadata", "response.metadata-too-large",
                    "at most " + MAX_METADATA_ENTRIES + " metadata entries");
            return;
        }
        metadata.forEach((key, value) -> {
            if (key == null || !METADATA_KEY.matcher(key).matches()) {
                violations.add("metadata", "response.metadata-key-invalid",
                        "key '" + key + "' must be 1-64 letters, digits, '_', '-' or '.'");
            } else if (value == null) {
                violations.add("metadata." + key, "value.required", "must not be null");
            } else {
                violations.at("metadata." + key, () -> Text.bounded("", value, MAX_METADATA_VALUE_LENGTH));
            }
        });
    }

    private static void checkAnswers(Violations violations, SurveyVersion version, List<Answer> answers) {
        Set<QuestionId> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String path = "answers[" + i + "]";
            Optional<Question> question = version.content().question(answer.questionId());
            if (question.isEmpty()) {
                violations.add(path + ".questionId", "answer.question-unknown", "version " + version.number()
                        + " has no question '" + answer.questionId() + "'");
            } else if (!answered.add(answer.questionId())) {
                violations.add(path + ".questionId", "answer.duplicate",
                        "question '" + answer.questionId() + "' is answered twice");
            } else {
                violations.at(path, () -> {
                    question.get().check(answer.value());
                    return null;
                });
            }
        }
    }

    public ResponseId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public SurveyId surveyId() {
        return surveyId;
    }

    public int surveyVersion() {
        return surveyVersion;
    }

    public LanguageTag language() {
        return language;
    }

    public Optional<Channel> channel() {
        return Optional.ofNullable(channel);
    }

    public Optional<String> respondentRef() {
        return Optional.ofNullable(respondentRef);
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public List<Answer> answers() {
        return answers;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** The recorded interaction this response is about, with the copies it inherited; empty when it named none. */
    public Optional<LinkedInteraction> interaction() {
        return Optional.ofNullable(interaction);
    }
}
