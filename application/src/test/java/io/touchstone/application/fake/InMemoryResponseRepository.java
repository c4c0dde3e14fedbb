package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.port.out.ResponseRepository;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.summary.AnswerCounts;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Responses in a map keyed like the table, (tenant, id), with idempotency keys unique per tenant. Stores and hands
 * out copies; lists in id order; counts answers as the adapter's SQL does.
 */
public class InMemoryResponseRepository implements ResponseRepository, InMemoryStore {

    private record Key(TenantId tenantId, ResponseId id) {
    }

    private record IdempotencyKey(TenantId tenantId, String key) {
    }

    private record Stored(Response response, String idempotencyKey, String fingerprint) {
    }

    private final Map<Key, Stored> responses = new HashMap<>();
    private final Map<IdempotencyKey, ResponseId> byIdempotencyKey = new HashMap<>();

    @Override
    public Uni<Void> add(Response response, String idempotencyKey, String fingerprint) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(response.tenantId(), "a response");
                IdempotencyKey key = new IdempotencyKey(response.tenantId(), idempotencyKey);
                if (byIdempotencyKey.containsKey(key)) {
                    throw new DuplicateIdempotencyKey(null);
                }
                if (responses.containsKey(keyOf(response))) {
                    throw new IllegalStateException("response " + response.id() + " is stored already");
                }
                responses.put(keyOf(response), new Stored(copy(response), idempotencyKey, fingerprint));
                byIdempotencyKey.put(key, response.id());
                return null;
            }
        });
    }

    @Override
    public Uni<Optional<Keyed>> findByIdempotencyKey(TenantId tenantId, String idempotencyKey) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return Optional.<Keyed>empty();
                }
                return Optional.ofNullable(byIdempotencyKey.get(new IdempotencyKey(tenantId, idempotencyKey)))
                        .map(id -> new Keyed(id, responses.get(new Key(tenantId, id)).fingerprint()));
            }
        });
    }

    @Override
    public Uni<Optional<Response>> find(TenantId tenantId, ResponseId id) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return Optional.<Response>empty();
                }
                return Optional.ofNullable(responses.get(new Key(tenantId, id))).map(s -> copy(s.response()));
            }
        });
    }

    @Override
    public Uni<List<Response>> list(TenantId tenantId, SurveyId surveyId, KeysetPage page) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return List.<Response>of();
                }
                return responses.values().stream()
                        .map(Stored::response)
                        .filter(r -> r.tenantId().equals(tenantId) && r.surveyId().equals(surveyId))
                        .filter(r -> page.after()
                                .map(after -> UuidOrder.AS_STORED.compare(r.id().value(), after) > 0)
                                .orElse(true))
                        .sorted(Comparator.comparing(r -> r.id().value(), UuidOrder.AS_STORED))
                        .limit(page.limit())
                        .map(InMemoryResponseRepository::copy)
                        .toList();
            }
        });
    }

    @Override
    public Uni<Tally> tally(TenantId tenantId, SurveyId surveyId, int version) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return new Tally(0, new AnswerCounts());
                }
                List<Response> counted = responses.values().stream()
                        .map(Stored::response)
                        .filter(r -> r.tenantId().equals(tenantId) && r.surveyId().equals(surveyId)
                                && r.surveyVersion() == version)
                        .toList();
                AnswerCounts counts = new AnswerCounts();
                for (Response response : counted) {
                    for (Answer answer : response.answers()) {
                        switch (answer.value()) {
                            case AnswerValue.Score score -> counts.addScore(answer.questionId(), score.value(), 1);
                            case AnswerValue.Choice choice -> counts.addChoice(answer.questionId(), choice.optionId(), 1);
                            case AnswerValue.Text ignored -> counts.addTexts(answer.questionId(), 1);
                        }
                    }
                }
                return new Tally(counted.size(), counts);
            }
        });
    }

    /** Every stored response of every tenant, in id order. */
    public synchronized List<Response> all() {
        return responses.values().stream()
                .map(Stored::response)
                .sorted(Comparator.comparing(r -> r.id().value(), UuidOrder.AS_STORED))
                .map(InMemoryResponseRepository::copy)
                .toList();
    }

    public synchronized int size() {
        return responses.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<Key, Stored> savedResponses = new HashMap<>(responses);
        Map<IdempotencyKey, ResponseId> savedKeys = new HashMap<>(byIdempotencyKey);
        return () -> {
            synchronized (this) {
                responses.clear();
                responses.putAll(savedResponses);
                byIdempotencyKey.clear();
                byIdempotencyKey.putAll(savedKeys);
            }
        };
    }

    private static Key keyOf(Response response) {
        return new Key(response.tenantId(), response.id());
    }

    private static Response copy(Response response) {
        return Response.rehydrate(response.id(), response.tenantId(), response.surveyId(), response.surveyVersion(),
                response.language(), response.channel().orElse(null), response.respondentRef().orElse(null), response.metadata(), response.answers(),
                Timestamps.asStored(response.submittedAt()), response.interaction().orElse(null));
    }
}
