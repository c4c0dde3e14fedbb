package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.SubmitResponseUseCase;
import io.touchstone.application.port.out.InteractionLinks;
import io.touchstone.application.port.out.ResponseRepository;
import io.touchstone.application.port.out.ResponseRepository.DuplicateIdempotencyKey;
import io.touchstone.application.port.out.ResponseRepository.Keyed;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.shared.error.Conflict;
import io.touchstone.domain.shared.error.InvalidValue;
import io.touchstone.domain.shared.error.NotFound;
import io.touchstone.domain.shared.error.Violations;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public final class ResponseSubmissionService implements SubmitResponseUseCase {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final SurveyRepository surveys;
    private final ResponseRepository responses;
    private final InteractionLinks interactions;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ResponseSubmissionService(SurveyRepository surveys, ResponseRepository responses,
            InteractionLinks interactions, UnitOfWork unitOfWork, Clock clock) {
        this.surveys = surveys;
        this.responses = responses;
        this.interactions = interactions;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** A submission after its form was checked, before the survey was asked. */
    private record Checked(TenantId tenant, String key, SurveyId surveyId, LanguageTag language, Channel channel,
            List<Answer> answers, EventId interactionEventId, String fingerprint) {
    }

    @Override
    public Uni<Submission> submit(Caller caller, SubmitResponseCommand command) {
        return Uni.createFrom().item(() -> check(caller.tenantWith(Scope.RESPONSES_WRITE), command))
                .flatMap(checked -> unitOfWork.transactionally(checked.tenant(), () -> replayOrStore(checked, command))
                        .onFailure(DuplicateIdempotencyKey.class)
                        .recoverWithUni(() -> unitOfWork.transactionally(checked.tenant(), () -> replay(checked))));
    }

    private Uni<Submission> replayOrStore(Checked checked, SubmitResponseCommand command) {
        return responses.findByIdempotencyKey(checked.tenant(), checked.key()).flatMap(existing -> existing.isPresent()
                ? replayed(checked, existing.get())
                : store(checked, command));
    }

    private Uni<Submission> store(Checked checked, SubmitResponseCommand command) {
        return surveys.find(checked.tenant(), checked.surveyId())
                .map(found -> found.orElseThrow(() -> SurveyService.notFound(checked.surveyId().value())))
                .flatMap(survey -> linked(checked).map(interaction -> survey.respond(new ResponseId(Ids.next(clock)),
                        Optional.ofNullable(command.version()), checked.language(), checked.channel(),
                        command.respondentRef(), command.metadata(), checked.answers(), clock.instant(),
                        interaction.orElse(null))))
                .flatMap(response -> responses.add(response, checked.key(), checked.fingerprint())
                        .replaceWith(new Submission(response, false)));
    }

    /** The interaction the submission names, if it names one; {@code interaction.not-found} when the tenant has none. */
    private Uni<Optional<LinkedInteraction>> linked(Checked checked) {
        if (checked.interactionEventId() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        String eventId = checked.interactionEventId().value();
        return interactions.find(checked.tenant(), eventId).map(found -> {
            if (found.isEmpty()) {
                throw new NotFound("interaction.not-found", "no interaction with event id '" + eventId + "'",
                        "interactionEventId");
            }
            return found;
        });
    }

    private Uni<Submission> replay(Checked checked) {
        return responses.findByIdempotencyKey(checked.tenant(), checked.key())
                .flatMap(existing -> replayed(checked, existing.orElseThrow(
                        () -> new IllegalStateException("idempotency key reported taken but not found"))));
    }

    private Uni<Submission> replayed(Checked checked, Keyed existing) {
        if (!existing.fingerprint().equals(checked.fingerprint())) {
            return Uni.createFrom().failure(new Conflict("idempotency.key-reused",
                    "this idempotency key was used for a different submission"));
        }
        return responses.find(checked.tenant(), existing.responseId())
                .map(found -> new Submission(found.orElseThrow(), true));
    }

    private static Checked check(TenantId tenant, SubmitResponseCommand command) {
        Violations violations = new Violations();
        String key = command.idempotencyKey();
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            violations.add("idempotencyKey", "idempotency.key-invalid",
                    "every submission needs an idempotency key of 1-255 visible ASCII characters");
        }
        if (command.surveyId() == null) {
            violations.add("surveyId", "value.required", "must not be empty");
        }
        if (command.version() != null && command.version() < 1) {
            violations.add("version", "survey.version-invalid", "versions start at 1");
        }
        LanguageTag language = violations.at("language", () -> {
            if (command.language() == null) {
                throw new InvalidValue("", "value.required", "must not be empty");
            }
            return LanguageTag.of(command.language());
        });
        Channel channel = command.channel() == null ? null
                : violations.at("channel", () -> Channel.parse(command.channel()));
        List<Answer> answers = answers(violations, command.answers());
        EventId interactionEventId = command.interactionEventId() == null ? null
                : violations.at("interactionEventId", () -> new EventId(command.interactionEventId()));
        violations.throwIfAny();
        SurveyId surveyId = new SurveyId(command.surveyId());
        return new Checked(tenant, key, surveyId, language, channel, answers, interactionEventId,
                fingerprint(command, language));
    }

    private static List<Answer> answers(Violations violations, List<AnswerInput> inputs) {
        List<Answer> answers = new ArrayList<>();
        List<AnswerInput> given = Objects.requireNonNullElse(inputs, List.of());
        for (int i = 0; i < given.size(); i++) {
            AnswerInput input = given.get(i);
            Answer answer = violations.at("answers[" + i + "]", () -> answer(input));
            if (answer != null) {
                answers.add(answer);
            }
        }
        return answers;
    }

    private static Answer answer(AnswerInput input) {
        if (input == null) {
            throw new InvalidValue("", "value.required", "must not be null");
        }
        QuestionId question;
        try {
            question = new QuestionId(input.questionId());
        } catch (InvalidValue invalid) {
            throw invalid.under("questionId");
        }
        List<AnswerValue> values = Stream.of(
                        Optional.ofNullable(input.score()).<AnswerValue>map(AnswerValue.Score::new),
                        Optional.ofNullable(input.text()).<AnswerValue>map(AnswerValue.Text::new),
                        Optional.ofNullable(input.choice()).<AnswerValue>map(AnswerValue.Choice::new))
                .flatMap(Optional::stream)
                .toList();
        if (values.size() != 1) {
            throw new InvalidValue("", "answer.value-count",
                    "an answer has exactly one of score, text and choice, not " + values.size());
        }
        return new Answer(question, values.getFirst());
    }

    /** Identifies the content of a submission, so that a retry can be told from a different one under the same key. */
    private static String fingerprint(SubmitResponseCommand command, LanguageTag language) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, command.surveyId().toString());
        field(canonical, String.valueOf(command.version()));
        field(canonical, language.value());
        field(canonical, String.valueOf(command.respondentRef()));
        if (command.channel() != null) {
            // only when given, so that submissions without a channel keep the fingerprint they always had; no
            // metadata key or question id contains '=', so this field cannot be mistaken for one of theirs
            field(canonical, "channel=" + command.channel());
        }
        if (command.interactionEventId() != null) {
            // as the channel: only when given, so that earlier submissions keep their fingerprints
            field(canonical, "interactionEventId=" + command.interactionEventId());
        }
        Map<String, String> metadata = new TreeMap<>(Objects.requireNonNullElse(command.metadata(), Map.of()));
        metadata.forEach((k, v) -> {
            field(canonical, k);
            field(canonical, String.valueOf(v));
        });
        for (AnswerInput answer : Objects.requireNonNullElse(command.answers(), List.<AnswerInput>of())) {
            field(canonical, answer.questionId());
            field(canonical, String.valueOf(answer.score()));
            field(canonical, String.valueOf(answer.text()));
            field(canonical, String.valueOf(answer.choice()));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }
}
