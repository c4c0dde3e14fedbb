package io.touchstone.application.service;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.in.Caller;
import io.touchstone.application.port.in.JourneyMapUseCase;
import io.touchstone.application.port.out.InteractionStatistics;
import io.touchstone.application.port.out.JourneyRepository;
import io.touchstone.application.port.out.ResponseStatistics;
import io.touchstone.application.port.out.SurveyRepository;
import io.touchstone.application.port.out.UnitOfWork;
import io.touchstone.domain.analytics.DateRange;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.InteractionCount;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.analytics.ResponseCount;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.journeymap.HeadlineMetric;
import io.touchstone.domain.journeymap.JourneyMap;
import io.touchstone.domain.metric.ScoreHistogram;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyVersion;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the journey and the surveys attached to its touchpoints, asks storage for the interactions, responses and
 * headline answers of the period and the one before it, per touchpoint of the journey, and lets the domain assemble
 * the map ({@link JourneyMap#assemble}). A touchpoint's responses are those about its interactions (the response's
 * inherited touchpoint), of any survey; its headline is computed over the answers of those responses to its attached
 * survey's headline question, on the scale of the survey's latest published version (answers of versions that ask
 * the question on another scale are left out, as scales are never mixed).
 */
public final class JourneyMapService implements JourneyMapUseCase {

    private final JourneyRepository journeys;
    private final SurveyRepository surveys;
    private final ResponseStatistics statistics;
    private final InteractionStatistics interactions;
    private final UnitOfWork unitOfWork;

    public JourneyMapService(JourneyRepository journeys, SurveyRepository surveys, ResponseStatistics statistics,
            InteractionStatistics interactions, UnitOfWork unitOfWork) {
        this.journeys = journeys;
        this.surveys = surveys;
        this.statistics = statistics;
        this.interactions = interactions;
        this.unitOfWork = unitOfWork;
    }

    /** The journey and the tenant's surveys by id. */
    private record Loaded(Journey journey, Map<SurveyId, Survey> surveys) {
    }

    @Override
    public Uni<JourneyMapReport> map(Caller caller, JourneyMapQuery query) {
        return Uni.createFrom().item(() -> caller.tenantWith(Scope.METRICS_READ)).flatMap(tenant -> {
            DateRange period = MetricsQueries.period(query.from(), query.to());
            DateRange previous = period.previous();
            JourneyId id = new JourneyId(query.journeyId());
            return unitOfWork.transactionally(tenant, () -> load(tenant, id))
                    .flatMap(loaded -> assemble(tenant, loaded, period, previous));
        });
    }

    /** The journey, and every survey of the tenant (responses at a touchpoint may be to any of them). */
    private Uni<Loaded> load(TenantId tenant, JourneyId id) {
        return journeys.find(tenant, id).flatMap(found -> {
            Journey journey = found.orElseThrow(() -> JourneyService.notFound(id.value()));
            return MetricsQueryService.allSurveys(surveys, tenant).map(all -> {
                Map<SurveyId, Survey> byId = new LinkedHashMap<>();
                all.forEach(survey -> byId.put(survey.id(), survey));
                return new Loaded(journey, byId);
            });
        });
    }

    private Uni<JourneyMapReport> assemble(TenantId tenant, Loaded loaded, DateRange period, DateRange previous) {
        Journey journey = loaded.journey();
        List<LocalDate> boundaries = List.of(previous.from(), period.from(), period.to());
        List<Dimension> byTouchpoint = List.of(Dimension.TOUCHPOINT);
        List<DimensionFilter> ofJourney = List.of(new DimensionFilter(Dimension.JOURNEY,
                DimensionFilter.Operator.EQUALS, List.of(journey.id().value().toString())));

        Map<String, HeadlineMetric> headlines = new LinkedHashMap<>();
        Map<String, SurveyId> surveyOf = new HashMap<>();
        List<SurveyQuestion> asked = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            for (Touchpoint touchpoint : stage.touchpoints()) {
                Optional<Survey> survey = touchpoint.survey().map(loaded.surveys()::get);
                Optional<HeadlineMetric> headline = survey.flatMap(HeadlineMetric::of);
                if (headline.isPresent()) {
                    String key = touchpoint.id().value().toString();
                    headlines.put(key, headline.get());
                    surveyOf.put(key, survey.get().id());
                    asked.add(new SurveyQuestion(survey.get().id(), headline.get().question()));
                }
            }
        }
        Uni<List<InteractionCount>> counted = interactions.abandonment(tenant,
                new InteractionStatistics.Counting(boundaries, byTouchpoint, ofJourney));
        // Responses are counted by touchpoint alone, without the journey filter: a touchpoint belongs to one journey
        // for good, so the journey's touchpoints pick exactly its responses below, and one dimension lets storage
        // answer from the roll-up instead of the raw rows (the journey filter would be a second dimension).
        ResponseStatistics.Counting responses = new ResponseStatistics.Counting(boundaries, byTouchpoint, List.of(),
                List.of());
        List<SurveyId> allSurveys = List.copyOf(loaded.surveys().keySet());
        Uni<List<ResponseCount>> answered = allSurveys.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Uni.createFrom().deferred(() -> statistics.responses(tenant, allSurveys, responses));
        Uni<List<ScoreCount>> scores = asked.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Uni.createFrom().deferred(() -> statistics.scores(tenant, asked, responses));
        return counted.flatMap(volume -> answered.flatMap(responseCounts -> scores.map(scoreCounts -> {
            Map<String, long[]> perTouchpoint = new HashMap<>();
            for (InteractionCount row : volume) {
                if (row.period() == 1) {
                    perTouchpoint.put(row.group().value(0), new long[] {row.started(), row.abandoned()});
                }
            }
            Map<String, Long> responsesAt = new HashMap<>();
            for (ResponseCount row : responseCounts) {
                if (row.period() == 1 && row.group().value(0) != null) {
                    responsesAt.merge(row.group().value(0), row.count(), Long::sum);
                }
            }
            Map<String, ScoreHistogram[]> answers = new HashMap<>();
            for (ScoreCount row : scoreCounts) {
                String touchpoint = row.group().value(0);
                HeadlineMetric headline = touchpoint == null ? null : headlines.get(touchpoint);
                if (headline == null || !row.survey().equals(surveyOf.get(touchpoint))
                        || !row.question().equals(headline.question())
                        || !onHeadlineScale(loaded.surveys().get(row.survey()), row.version(), headline)) {
                    continue;
                }
                ScoreHistogram[] pair = answers.computeIfAbsent(touchpoint,
                        t -> new ScoreHistogram[] {headline.emptyAnswers(), headline.emptyAnswers()});
                pair[row.period() == 1 ? 0 : 1] = pair[row.period() == 1 ? 0 : 1].plus(row.score(), row.count());
            }
            List<JourneyMap.StageInput> stages = new ArrayList<>();
            List<JourneyMap.TouchpointInput> touchpoints = new ArrayList<>();
            List<Stage> ordered = journey.stages();
            for (int s = 0; s < ordered.size(); s++) {
                Stage stage = ordered.get(s);
                stages.add(new JourneyMap.StageInput(stage.id(), stage.name(), s));
                for (Touchpoint touchpoint : stage.touchpoints()) {
                    String key = touchpoint.id().value().toString();
                    long[] count = perTouchpoint.getOrDefault(key, new long[2]);
                    HeadlineMetric headline = headlines.get(key);
                    Optional<JourneyMap.HeadlineInput> input = Optional.ofNullable(headline).map(metric -> {
                        ScoreHistogram[] pair = answers.getOrDefault(key,
                                new ScoreHistogram[] {metric.emptyAnswers(), metric.emptyAnswers()});
                        return new JourneyMap.HeadlineInput(metric, pair[0], pair[1]);
                    });
                    touchpoints.add(new JourneyMap.TouchpointInput(touchpoint.id(), stage.id(), touchpoint.name(),
                            touchpoint.channel(), touchpoint.status(), count[0], count[1],
                            responsesAt.getOrDefault(key, 0L), input));
                }
            }
            return new JourneyMapReport(journey.id(), journey.name(), period, previous,
                    JourneyMap.assemble(stages, touchpoints));
        })));
    }

    /** Whether version {@code version} of {@code survey} asks the headline question on the headline's own scale. */
    private static boolean onHeadlineScale(Survey survey, int version, HeadlineMetric headline) {
        if (survey == null) {
            return false;
        }
        for (SurveyVersion candidate : survey.versions()) {
            if (candidate.number() == version) {
                Optional<Question> question = candidate.content().question(headline.question());
                return question.isPresent() && HeadlineMetric.sameScale(headline, question.get());
            }
        }
        return false;
    }
}
