package io.touchstone.application.fake;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.ExportQuery;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.analytics.ResponseCount;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.analytics.ScoreRange;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the fake's stored responses one by one, the plain way: a response counts on the day its submission time
 * falls on in its tenant's time zone. The port contract holds the database adapter to the same numbers.
 */
public class InMemoryResponseStatistics implements ResponseStatistics {

    private final InMemoryTenantRepository tenants;
    private final InMemoryResponseRepository responses;

    public InMemoryResponseStatistics(InMemoryTenantRepository tenants, InMemoryResponseRepository responses) {
        this.tenants = tenants;
        this.responses = responses;
    }

    private record ScoreKey(int period, GroupKey group, SurveyId survey, int version, QuestionId question,
            int score) {
    }

    private record ResponseKey(int period, GroupKey group, SurveyId survey, int version) {
    }

    @Override
    public Uni<List<ScoreCount>> scores(TenantId tenant, List<SurveyQuestion> questions, Counting counting) {
        return Uni.createFrom().item(() -> {
            Set<SurveyQuestion> asked = new HashSet<>(questions);
            Map<ScoreKey, Long> counts = new LinkedHashMap<>();
            ZoneId zone = zone(tenant);
            for (Response response : responses.all()) {
                int period = period(tenant, zone, response, counting);
                if (period < 0 || !passes(response, counting.filters(), counting.scoreRanges())) {
                    continue;
                }
                GroupKey group = group(response, counting.groupBy());
                for (Answer answer : response.answers()) {
                    if (answer.value() instanceof AnswerValue.Score(int score)
                            && asked.contains(new SurveyQuestion(response.surveyId(), answer.questionId()))) {
                        counts.merge(new ScoreKey(period, group, response.surveyId(), response.surveyVersion(),
                                answer.questionId(), score), 1L, Long::sum);
                    }
                }
            }
            List<ScoreCount> rows = new ArrayList<>();
            counts.forEach((key, count) -> rows.add(new ScoreCount(key.period(), key.group(), key.survey(),
                    key.version(), key.question(), key.score(), count)));
            return rows;
        });
    }

    @Override
    public Uni<List<ResponseCount>> responses(TenantId tenant, List<SurveyId> surveys, Counting counting) {
        return Uni.createFrom().item(() -> {
            Set<SurveyId> asked = new HashSet<>(surveys);
            Map<ResponseKey, Long> counts = new LinkedHashMap<>();
            ZoneId zone = zone(tenant);
            for (Response response : responses.all()) {
                int period = period(tenant, zone, response, counting);
                if (period < 0 || !asked.contains(response.surveyId())
                        || !passes(response, counting.filters(), counting.scoreRanges())) {
                    continue;
                }
                counts.merge(new ResponseKey(period, group(response, counting.groupBy()), response.surveyId(),
                        response.surveyVersion()), 1L, Long::sum);
            }
            List<ResponseCount> rows = new ArrayList<>();
            counts.forEach((key, count) -> rows.add(new ResponseCount(key.period(), key.group(), key.survey(),
                    key.version(), count)));
            return rows;
        });
    }

    @Override
    public Multi<Response> export(TenantId tenant, ExportQuery query) {
        return Multi.createFrom().deferred(() -> {
            ZoneId zone = zone(tenant);
            List<Response> selected = responses.all().stream()
                    .filter(response -> response.tenantId().equals(tenant)
                            && response.surveyId().equals(query.survey())
                            && query.range().contains(localDay(zone, response))
                            && passes(response, query.filters(), query.scoreRanges()))
                    .sorted(Comparator.comparing(Response::submittedAt)
                            .thenComparing(response -> response.id().value(), UuidOrder.AS_STORED))
                    .toList();
            return Multi.createFrom().iterable(selected);
        });
    }

    /** The fake counts from the responses themselves every time: there is nothing to catch up on. */
    @Override
    public Uni<Integer> catchUp(int maxPerTenant) {
        return Uni.createFrom().item(0);
    }

    private ZoneId zone(TenantId tenant) {
        return tenants.timeZone(tenant).orElse(null);
    }

    private static LocalDate localDay(ZoneId zone, Response response) {
        return response.submittedAt().atZone(zone).toLocalDate();
    }

    /** The period the response falls in, or −1 (not the tenant's, or outside every period). */
    private static int period(TenantId tenant, ZoneId zone, Response response, Counting counting) {
        if (zone == null || !response.tenantId().equals(tenant)) {
            return -1;
        }
        LocalDate day = localDay(zone, response);
        List<LocalDate> boundaries = counting.boundaries();
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            if (!day.isBefore(boundaries.get(i)) && day.isBefore(boundaries.get(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean passes(Response response, List<DimensionFilter> filters, List<ScoreRange> scoreRanges) {
        for (DimensionFilter filter : filters) {
            if (!filter.admits(value(response, filter.dimension()))) {
                return false;
            }
        }
        for (ScoreRange range : scoreRanges) {
            boolean inRange = response.answers().stream().anyMatch(answer -> answer.questionId().equals(range.question())
                    && answer.value() instanceof AnswerValue.Score(int score) && range.contains(score));
            if (!inRange) {
                return false;
            }
        }
        return true;
    }

    private static GroupKey group(Response response, List<Dimension> groupBy) {
        List<String> values = new ArrayList<>();
        for (Dimension dimension : groupBy) {
            values.add(value(response, dimension));
        }
        return new GroupKey(values);
    }

    /** The response's value of a response-level dimension; null when it has none. */
    static String value(Response response, Dimension dimension) {
        return switch (dimension.kind()) {
            case LANGUAGE -> response.language().value();
            case CHANNEL -> response.channel().map(Enum::name).orElse(null);
            case JOURNEY -> response.interaction().map(link -> link.journey().toString()).orElse(null);
            case STAGE -> response.interaction().map(link -> link.stage().toString()).orElse(null);
            case TOUCHPOINT -> response.interaction().map(link -> link.touchpoint().toString()).orElse(null);
            case EMPLOYEE -> response.interaction().flatMap(link -> link.employeeIfKnown()).map(Object::toString)
                    .orElse(null);
            case TEAM -> response.interaction().flatMap(link -> link.teamIfKnown()).map(Object::toString).orElse(null);
            case LOCATION -> response.interaction().flatMap(link -> link.locationIfKnown()).map(Object::toString)
                    .orElse(null);
            case ATTRIBUTE -> response.metadata().get(dimension.attributeKey());
            case SURVEY, QUESTION, SCALE -> throw new IllegalArgumentException(dimension + " is not of the response");
        };
    }
}
