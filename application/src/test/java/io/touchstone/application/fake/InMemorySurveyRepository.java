package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.KeysetPage;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyVersion;
import io.touchstone.domain.tenant.TenantId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Surveys in a map keyed like the table, (tenant, id). Stores and hands out copies; lists in id order. */
public class InMemorySurveyRepository implements SurveyRepository, InMemoryStore {

    private record Key(TenantId tenantId, SurveyId id) {
    }

    private final Map<Key, Survey> surveys = new HashMap<>();

    @Override
    public Uni<Void> add(Survey survey) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(survey.tenantId(), "a survey");
                if (surveys.containsKey(keyOf(survey))) {
                    throw new IllegalStateException("survey " + survey.id() + " is stored already");
                }
                surveys.put(keyOf(survey), copy(survey));
                return null;
            }
        });
    }

    @Override
    public Uni<Void> update(Survey survey) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                RowSecurity.checkWrite(survey.tenantId(), "a survey");
                if (!surveys.containsKey(keyOf(survey))) {
                    throw new IllegalStateException("no stored survey " + survey.id());
                }
                surveys.put(keyOf(survey), copy(survey));
                return null;
            }
        });
    }

    @Override
    public Uni<Optional<Survey>> find(TenantId tenantId, SurveyId id) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return Optional.<Survey>empty();
                }
                return Optional.ofNullable(surveys.get(new Key(tenantId, id))).map(InMemorySurveyRepository::copy);
            }
        });
    }

    @Override
    public Uni<List<Survey>> list(TenantId tenantId, KeysetPage page) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!RowSecurity.visible(tenantId)) {
                    return List.<Survey>of();
                }
                return surveys.values().stream()
                        .filter(survey -> survey.tenantId().equals(tenantId))
                        .filter(survey -> page.after()
                                .map(after -> UuidOrder.AS_STORED.compare(survey.id().value(), after) > 0)
                                .orElse(true))
                        .sorted(Comparator.comparing(survey -> survey.id().value(), UuidOrder.AS_STORED))
                        .limit(page.limit())
                        .map(InMemorySurveyRepository::copy)
                        .toList();
            }
        });
    }

    public synchronized int size() {
        return surveys.size();
    }

    /** Whether the tenant has the survey, as a foreign key would check it (row-level security aside). */
    public synchronized boolean contains(TenantId tenantId, SurveyId id) {
        return surveys.containsKey(new Key(tenantId, id));
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<Key, Survey> saved = new HashMap<>(surveys);
        return () -> {
            synchronized (this) {
                surveys.clear();
                surveys.putAll(saved);
            }
        };
    }

    private static Key keyOf(Survey survey) {
        return new Key(survey.tenantId(), survey.id());
    }

    private static Survey copy(Survey survey) {
        List<SurveyVersion> versions = survey.versions().stream()
                .map(v -> new SurveyVersion(v.number(), v.content(), v.status(), Timestamps.asStored(v.createdAt()),
                        v.publishedAt().map(Timestamps::asStored)))
                .toList();
        return Survey.rehydrate(survey.id(), survey.tenantId(), Timestamps.asStored(survey.createdAt()), versions);
    }
}
