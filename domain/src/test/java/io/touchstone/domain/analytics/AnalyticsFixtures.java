package io.touchstone.domain.analytics;

import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyContent;
import io.touchstone.domain.survey.SurveyFixtures;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyStatus;
import io.touchstone.domain.survey.SurveyVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Surveys with several versions and metrics queries for the plan and report tests. */
final class AnalyticsFixtures {

    /** Two surveys whose ids sort A before B, both as UUIDs and as strings. */
    static final SurveyId A = new SurveyId(UUID.fromString("0190a5e0-0000-7000-8000-0000000000a1"));
    static final SurveyId B = new SurveyId(UUID.fromString("0190a5e0-0000-7000-8000-0000000000b2"));

    static final Instant T0 = SurveyFixtures.T0;

    private AnalyticsFixtures() {
    }

    static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    static QuestionId q(String id) {
        return new QuestionId(id);
    }

    static Question.Csat csat(String id, int points, int satisfiedFrom) {
        return new Question.Csat(q(id), SurveyFixtures.text("cs", SurveyFixtures.CSAT_CS), points, satisfiedFrom);
    }

    /** A survey whose versions are published, one per content, numbered from 1. */
    static Survey published(SurveyId id, SurveyContent... versions) {
        return survey(id, false, versions);
    }

    /** Like {@link #published}, but the last version is still a draft. */
    static Survey withDraft(SurveyId id, SurveyContent... versions) {
        return survey(id, true, versions);
    }

    private static Survey survey(SurveyId id, boolean lastIsDraft, SurveyContent... contents) {
        List<SurveyVersion> versions = new ArrayList<>();
        for (int i = 0; i < contents.length; i++) {
            boolean draft = lastIsDraft && i == contents.length - 1;
            Instant created = T0.plusSeconds(3_600L * i);
            versions.add(new SurveyVersion(i + 1, contents[i], draft ? SurveyStatus.DRAFT : SurveyStatus.PUBLISHED,
                    created, draft ? Optional.empty() : Optional.of(created.plusSeconds(60))));
        }
        return Survey.rehydrate(id, SurveyFixtures.TENANT, T0, versions);
    }

    /** A metrics query built step by step; everything not set is "none". */
    record Query(List<Metric> metrics, Optional<SurveyId> survey, Optional<QuestionId> question, DateRange range,
            Optional<BucketUnit> bucket, List<Dimension> groupBy, List<DimensionFilter> filters,
            Optional<Baseline> baseline, boolean distribution) {

        static Query of(Metric... metrics) {
            return new Query(List.of(metrics), Optional.empty(), Optional.empty(),
                    AnalyticsFixtures.range("2026-01-05", "2026-01-12"), Optional.empty(), List.of(), List.of(),
                    Optional.empty(), false);
        }

        Query survey(SurveyId id) {
            return new Query(metrics, Optional.of(id), question, range, bucket, groupBy, filters, baseline,
                    distribution);
        }

        Query question(String id) {
            return new Query(metrics, survey, Optional.of(q(id)), range, bucket, groupBy, filters, baseline,
                    distribution);
        }

        Query range(String from, String to) {
            return new Query(metrics, survey, question, AnalyticsFixtures.range(from, to), bucket, groupBy, filters,
                    baseline, distribution);
        }

        Query bucket(BucketUnit unit) {
            return new Query(metrics, survey, question, range, Optional.of(unit), groupBy, filters, baseline,
                    distribution);
        }

        Query groupBy(Dimension... dimensions) {
            return new Query(metrics, survey, question, range, bucket, List.of(dimensions), filters, baseline,
                    distribution);
        }

        Query filter(Dimension dimension, DimensionFilter.Operator operator, String... values) {
            List<DimensionFilter> more = new ArrayList<>(filters);
            more.add(new DimensionFilter(dimension, operator, List.of(values)));
            return new Query(metrics, survey, question, range, bucket, groupBy, more, baseline, distribution);
        }

        Query previousPeriod() {
            return new Query(metrics, survey, question, range, bucket, groupBy, filters,
                    Optional.of(new Baseline.PreviousPeriod()), distribution);
        }

        Query fixed(String from, String to) {
            return new Query(metrics, survey, question, range, bucket, groupBy, filters,
                    Optional.of(new Baseline.Fixed(AnalyticsFixtures.range(from, to))), distribution);
        }

        Query withDistribution() {
            return new Query(metrics, survey, question, range, bucket, groupBy, filters, baseline, true);
        }

        MetricsQuery build() {
            return new MetricsQuery(metrics, survey, question, range, bucket, groupBy, filters, List.of(), baseline,
                    distribution);
        }

        MetricsPlan plan(Survey... surveys) {
            return MetricsPlan.of(build(), List.of(surveys));
        }
    }
}
