package io.touchstone.adapter.persistence;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.port.out.ResponseRepository;
import io.touchstone.domain.interaction.LocationRef;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.summary.AnswerCounts;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

@ApplicationScoped
public class HibernateResponseRepository implements ResponseRepository {

    private static final String TALLY = """
            select question_id, score, choice, count(*)
              from answer
             where tenant_id = :tenantId and survey_id = :surveyId and survey_version = :version
             group by question_id, score, choice
            """;

    private final Mutiny.SessionFactory sessions;

    @Inject
    public HibernateResponseRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Void> add(Response response, String idempotencyKey, String fingerprint) {
        ResponseEntity entity = new ResponseEntity();
        entity.tenantId = response.tenantId().value();
        entity.id = response.id().value();
        entity.surveyId = response.surveyId().value();
        entity.surveyVersion = response.surveyVersion();
        entity.language = response.language().value();
        entity.channel = response.channel().map(Enum::name).orElse(null);
        entity.respondentRef = response.respondentRef().orElse(null);
        entity.metadata = response.metadata();
        entity.submittedAt = response.submittedAt();
        entity.idempotencyKey = idempotencyKey;
        entity.fingerprint = fingerprint;
        response.interaction().ifPresent(link -> {
            entity.interactionId = link.interaction().value();
            entity.journeyId = link.journey().value();
            entity.stageId = link.stage().value();
            entity.touchpointId = link.touchpoint().value();
            entity.touchpointChannel = link.channel().name();
            entity.employee = link.employeeIfKnown().map(StaffRef::value).orElse(null);
            entity.team = link.teamIfKnown().map(StaffRef::value).orElse(null);
            entity.location = link.locationIfKnown().map(LocationRef::value).orElse(null);
        });
        List<AnswerEntity> answers = new ArrayList<>();
        for (int i = 0; i < response.answers().size(); i++) {
            answers.add(toEntity(response, i));
        }
        return sessions.withSession(session -> session.persist(entity)
                        .call(() -> session.persistAll(answers.toArray()))
                        .call(session::flush))
                .onFailure(UniqueViolation::isIdempotencyKey)
                .transform(ResponseRepository.DuplicateIdempotencyKey::new);
    }

    @Override
    public Uni<Optional<Keyed>> findByIdempotencyKey(TenantId tenantId, String idempotencyKey) {
        return sessions.withSession(session -> session
                        .createSelectionQuery("from ResponseEntity where tenantId = :tenantId"
                                + " and idempotencyKey = :key", ResponseEntity.class)
                        .setParameter("tenantId", tenantId.value())
                        .setParameter("key", idempotencyKey)
                        .getSingleResultOrNull())
                .map(entity -> Optional.ofNullable(entity)
                        .map(e -> new Keyed(new ResponseId(e.id), e.fingerprint)));
    }

    @Override
    public Uni<Optional<Response>> find(TenantId tenantId, ResponseId id) {
        return sessions.withSession(session -> session
                .find(ResponseEntity.class, new TenantScopedKey(tenantId.value(), id.value()))
                .flatMap(entity -> entity == null
                        ? Uni.createFrom().item(Optional.<Response>empty())
                        : withAnswers(session, tenantId.value(), List.of(entity))
                                .map(responses -> Optional.of(responses.getFirst()))));
    }

    @Override
    public Uni<List<Response>> list(TenantId tenantId, SurveyId surveyId, KeysetPage page) {
        // not "(:after is null or id > :after)": PostgreSQL cannot type a parameter first used in "is null"
        String afterClause = page.after().isPresent() ? " and id > :after" : "";
        return sessions.withSession(session -> afterParameter(session
                .createSelectionQuery("from ResponseEntity where tenantId = :tenantId and surveyId = :surveyId"
                        + afterClause + " order by id", ResponseEntity.class)
                .setParameter("tenantId", tenantId.value())
                .setParameter("surveyId", surveyId.value()), page)
                .setMaxResults(page.limit())
                .getResultList()
                .flatMap(entities -> entities.isEmpty()
                        ? Uni.createFrom().item(List.<Response>of())
                        : withAnswers(session, tenantId.value(), entities)));
    }

    @Override
    public Uni<Tally> tally(TenantId tenantId, SurveyId surveyId, int version) {
        return sessions.withSession(session -> session
                .createSelectionQuery("select count(*) from ResponseEntity where tenantId = :tenantId"
                        + " and surveyId = :surveyId and surveyVersion = :version", Long.class)
                .setParameter("tenantId", tenantId.value())
                .setParameter("surveyId", surveyId.value())
                .setParameter("version", version)
                .getSingleResult()
                .flatMap(responses -> session.createNativeQuery(TALLY, Object[].class)
                        .setParameter("tenantId", tenantId.value())
                        .setParameter("surveyId", surveyId.value())
                        .setParameter("version", version)
                        .getResultList()
                        .map(rows -> new Tally(responses, counts(rows)))));
    }

    private static <R> Mutiny.SelectionQuery<R> afterParameter(Mutiny.SelectionQuery<R> query, KeysetPage page) {
        return page.after().isPresent() ? query.setParameter("after", page.after().get()) : query;
    }

    private static AnswerCounts counts(List<Object[]> rows) {
        AnswerCounts counts = new AnswerCounts();
        for (Object[] row : rows) {
            QuestionId question = new QuestionId((String) row[0]);
            long count = ((Number) row[3]).longValue();
            if (row[1] != null) {
                counts.addScore(question, ((Number) row[1]).intValue(), count);
            } else if (row[2] != null) {
                counts.addChoice(question, (String) row[2], count);
            } else {
                counts.addTexts(question, count);
            }
        }
        return counts;
    }

    private static Uni<List<Response>> withAnswers(Mutiny.Session session, UUID tenantId,
            List<ResponseEntity> responses) {
        return session.createSelectionQuery("from AnswerEntity where tenantId = :tenantId"
                        + " and responseId in :responseIds", AnswerEntity.class)
                .setParameter("tenantId", tenantId)
                .setParameter("responseIds", responses.stream().map(r -> r.id).toList())
                .getResultList()
                .map(answers -> {
                    Map<UUID, List<AnswerEntity>> byResponse = answers.stream()
                            .collect(Collectors.groupingBy(answer -> answer.responseId));
                    return responses.stream()
                            .map(response -> toDomain(response, byResponse.getOrDefault(response.id, List.of())))
                            .toList();
                });
    }

    private static AnswerEntity toEntity(Response response, int position) {
        Answer answer = response.answers().get(position);
        AnswerEntity entity = new AnswerEntity();
        entity.tenantId = response.tenantId().value();
        entity.responseId = response.id().value();
        entity.questionId = answer.questionId().value();
        entity.position = position;
        entity.surveyId = response.surveyId().value();
        entity.surveyVersion = response.surveyVersion();
        switch (answer.value()) {
            case AnswerValue.Score score -> entity.score = score.value();
            case AnswerValue.Text text -> entity.textValue = text.value();
            case AnswerValue.Choice choice -> entity.choice = choice.optionId();
        }
        return entity;
    }

    private static Response toDomain(ResponseEntity entity, List<AnswerEntity> answers) {
        List<Answer> domainAnswers = answers.stream()
                .sorted(Comparator.comparingInt(answer -> answer.position))
                .map(answer -> new Answer(new QuestionId(answer.questionId), value(answer)))
                .toList();
        return Response.rehydrate(new ResponseId(entity.id), new TenantId(entity.tenantId),
                new SurveyId(entity.surveyId), entity.surveyVersion, LanguageTag.of(entity.language),
                entity.channel == null ? null : Channel.valueOf(entity.channel), entity.respondentRef,
                entity.metadata, domainAnswers, entity.submittedAt,
                ResponseLinks.of(entity.interactionId, entity.journeyId, entity.stageId, entity.touchpointId,
                        entity.touchpointChannel, entity.employee, entity.team, entity.location));
    }

    private static AnswerValue value(AnswerEntity answer) {
        if (answer.score != null) {
            return new AnswerValue.Score(answer.score);
        }
        if (answer.choice != null) {
            return new AnswerValue.Choice(answer.choice);
        }
        return new AnswerValue.Text(answer.textValue);
    }
}
