package io.touchstone.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.contract.ContractFixtures;
import io.touchstone.application.fake.InMemoryResponseRepository;
import io.touchstone.application.fake.InMemoryResponseStatistics;
import io.touchstone.application.fake.InMemoryTenantRepository;
import io.touchstone.application.port.out.ResponseStatistics.Counting;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.MetricsPlan.SurveyQuestion;
import io.touchstone.domain.analytics.ResponseCount;
import io.touchstone.domain.analytics.ScoreCount;
import io.touchstone.domain.analytics.ScoreRange;
import io.touchstone.application.contract.JourneyFixtures;
import io.touchstone.domain.interaction.CustomerRef;
import io.touchstone.domain.interaction.EventId;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LocationRef;
import io.touchstone.domain.interaction.Outcome;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.survey.Question;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.Survey;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.survey.SurveyVersion;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random responses (fixed seeds) of a tenant in Europe/Prague and one in Asia/Tehran, submitted around the days their
 * clocks changed in 2021 (Tehran still had daylight saving time then) and under the same survey ids, are stored
 * through the adapters; then many random countings (boundaries, up to two group-bys, filters, score ranges) must give
 * exactly what the in-memory fake counts one response at a time — before any roll-up (everything pending), after a
 * partial roll-up (rolled-up and pending responses in one answer) and after a full one. So both the roll-up path and
 * the raw path, and the union of roll-up and pending rows, are held to counting in memory. Most responses are about
 * one of their tenant's recorded interactions (journey, stage, touchpoint, employee, team, location inherited); the
 * filters name values of both tenants.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class StatisticsMatchInMemoryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int RESPONSES_PER_TENANT = 220;
    private static final int COUNTINGS_PER_PHASE = 40;

    /** When clocks changed in 2021: Prague in March and October, Tehran in March and September. */
    private static final List<Instant> CLOCK_CHANGES = List.of(Instant.parse("2021-03-21T20:30:00Z"),
            Instant.parse("2021-03-28T01:00:00Z"), Instant.parse("2021-09-21T19:30:00Z"),
            Instant.parse("2021-10-31T01:00:00Z"));
    private static final List<Dimension> DIMENSIONS = List.of(Dimension.LANGUAGE, Dimension.CHANNEL,
            Dimension.attribute("store"), Dimension.attribute("tier"), Dimension.attribute("nobody-has-it"),
            Dimension.JOURNEY, Dimension.STAGE, Dimension.TOUCHPOINT, Dimension.EMPLOYEE, Dimension.TEAM,
            Dimension.LOCATION);
    private static final List<String> EMPLOYEES = List.of("agent-1", "agent-2", "جمشید");
    private static final List<String> TEAMS = List.of("Tým Brno", "Support");
    private static final List<String> LOCATIONS = List.of("Brno", "تهران");
    private static final Map<Dimension, List<String>> VALUES = Map.of(
            Dimension.LANGUAGE, List.of("cs", "fa", "en"),
            Dimension.CHANNEL, List.of("WEB", "EMAIL", "SMS", "PHONE", "SOCIAL"),
            Dimension.attribute("store"), List.of("praha-1", "brno", "تهران", "ostrava"),
            Dimension.attribute("tier"), List.of("gold", "silver", "bronze"),
            Dimension.attribute("nobody-has-it"), List.of("x"),
            Dimension.EMPLOYEE, List.of("agent-1", "agent-2", "جمشید", "agent-9"),
            Dimension.TEAM, List.of("Tým Brno", "Support", "tým brno"),
            Dimension.LOCATION, List.of("Brno", "تهران", "Praha"));
    private static final List<Channel> CHANNELS = List.of(Channel.WEB, Channel.EMAIL, Channel.SMS, Channel.PHONE);
    private static final String[] COMMENTS = {"díky", "عالی بود", "👍"};

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateSurveyRepository surveys;

    @Inject
    HibernateResponseRepository responses;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Inject
    SqlResponseStatistics statistics;

    @Inject
    ResponseRollup rollup;

    @Inject
    HibernateJourneyRepository journeys;

    @Inject
    HibernateInteractionRepository interactions;

    private final Map<String, Integer> countingsByPath = new HashMap<>();
    /** Values the filters pick from: {@link #VALUES}, and the journey, stage and touchpoint ids of both tenants. */
    private final Map<Dimension, List<String>> values = new HashMap<>(VALUES);

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2021, 20_260_601})
    void theAdapterCountsLikeTheFakeBeforeDuringAndAfterTheRollUp(long seed) {
        Random random = new Random(seed);
        InMemoryTenantRepository fakeTenants = new InMemoryTenantRepository();
        InMemoryResponseRepository fakeResponses = new InMemoryResponseRepository();
        InMemoryResponseStatistics fake = new InMemoryResponseStatistics(fakeTenants, fakeResponses);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Map<TenantId, List<Survey>> surveysOf = new LinkedHashMap<>();
        Map<TenantId, List<LinkedInteraction>> interactionsOf = new HashMap<>();
        for (Dimension ids : List.of(Dimension.JOURNEY, Dimension.STAGE, Dimension.TOUCHPOINT)) {
            values.put(ids, new ArrayList<>(List.of(UUID.randomUUID().toString())));
        }
        for (String zone : List.of("Europe/Prague", "Asia/Tehran")) {
            Tenant tenant = ContractFixtures.tenant("Tenant in " + zone, zone);
            Survey revised = ContractFixtures.published(tenant.id(), first);
            revised.revise(ContractFixtures.npsOnly(), ContractFixtures.T0.plusSeconds(120));
            revised.publish(ContractFixtures.T0.plusSeconds(121));
            Survey plain = ContractFixtures.published(tenant.id(), second);
            transactionally(tenant.id(), () -> tenants.add(tenant)
                    .chain(() -> surveys.add(revised))
                    .chain(() -> surveys.add(plain)));
            fakeTenants.add(tenant).await().atMost(TIMEOUT);
            surveysOf.put(tenant.id(), List.of(revised, plain));
            interactionsOf.put(tenant.id(), recordInteractions(random, tenant.id()));
        }
        for (Map.Entry<TenantId, List<Survey>> entry : surveysOf.entrySet()) {
            List<Response> made = randomResponses(random, entry.getValue(), interactionsOf.get(entry.getKey()),
                    RESPONSES_PER_TENANT);
            for (int from = 0; from < made.size(); from += 40) {
                List<Response> batch = made.subList(from, Math.min(made.size(), from + 40));
                transactionally(entry.getKey(), () -> addAll(batch, responses));
                addAll(batch, fakeResponses).await().atMost(TIMEOUT);
            }
        }

        compareMany(random, fake, surveysOf, "before any roll-up");
        for (TenantId tenant : surveysOf.keySet()) {
            int part = 1 + random.nextInt(RESPONSES_PER_TENANT - 1);
            assertThat(rollup.rollUp(tenant, part).await().atMost(TIMEOUT)).isEqualTo(part);
        }
        compareMany(random, fake, surveysOf, "after a partial roll-up");
        for (TenantId tenant : surveysOf.keySet()) {
            while (rollup.rollUp(tenant, 1 + random.nextInt(100)).await().atMost(TIMEOUT) > 0) {
                // until nothing is pending
            }
        }
        compareMany(random, fake, surveysOf, "after a full roll-up");

        assertThat(countingsByPath.getOrDefault("roll-up", 0)).as("countings on the roll-up path")
                .isGreaterThan(COUNTINGS_PER_PHASE);
        assertThat(countingsByPath.getOrDefault("raw", 0)).as("countings on the raw path")
                .isGreaterThan(COUNTINGS_PER_PHASE);
    }

    private void compareMany(Random random, InMemoryResponseStatistics fake, Map<TenantId, List<Survey>> surveysOf,
            String phase) {
        for (int i = 0; i < COUNTINGS_PER_PHASE; i++) {
            Counting counting = randomCounting(random);
            countingsByPath.merge(StatisticsSql.viaRollup(counting) ? "roll-up" : "raw", 1, Integer::sum);
            for (Map.Entry<TenantId, List<Survey>> entry : surveysOf.entrySet()) {
                TenantId tenant = entry.getKey();
                List<SurveyQuestion> questions = randomQuestions(random, entry.getValue());
                List<SurveyId> asked = randomSurveys(random, entry.getValue());
                List<ScoreCount> expectedScores = fake.scores(tenant, questions, counting).await().atMost(TIMEOUT);
                List<ResponseCount> expectedResponses = fake.responses(tenant, asked, counting).await()
                        .atMost(TIMEOUT);

                assertThat(statistics.scores(tenant, questions, counting).await().atMost(TIMEOUT))
                        .as("scores of %s %s, %s", questions, counting, phase)
                        .containsExactlyInAnyOrderElementsOf(expectedScores);
                assertThat(statistics.responses(tenant, asked, counting).await().atMost(TIMEOUT))
                        .as("responses to %s %s, %s", asked, counting, phase)
                        .containsExactlyInAnyOrderElementsOf(expectedResponses);
            }
        }
    }

    /**
     * Half of them take the roll-up path (at most one response-level dimension, no score range), the other half the
     * raw path (two dimensions, or a score range).
     */
    private Counting randomCounting(Random random) {
        boolean rollupPath = random.nextBoolean();
        List<Dimension> dimensions = new ArrayList<>(DIMENSIONS);
        Collections.shuffle(dimensions, random);
        List<Dimension> groupBy = new ArrayList<>();
        List<DimensionFilter> filters = new ArrayList<>();
        List<ScoreRange> scoreRanges = new ArrayList<>();
        if (rollupPath) {
            Dimension dimension = dimensions.getFirst();
            int shape = random.nextInt(4);
            if (shape == 1 || shape == 3) {
                groupBy.add(dimension);
            }
            if (shape >= 2) {
                for (int i = 0, filtersOnIt = 1 + random.nextInt(2); i < filtersOnIt; i++) {
                    filters.add(randomFilter(random, dimension));
                }
            }
        } else {
            int groups = random.nextInt(3);
            groupBy.addAll(dimensions.subList(0, groups));
            for (int i = 0, count = random.nextInt(3); i < count; i++) {
                filters.add(randomFilter(random, DIMENSIONS.get(random.nextInt(DIMENSIONS.size()))));
            }
            boolean oneDimensionAtMost = StatisticsSql.responseDimensions(
                    new Counting(List.of(LocalDate.EPOCH, LocalDate.EPOCH.plusDays(1)), groupBy, filters, List.of()))
                    .size() <= 1;
            if (oneDimensionAtMost || random.nextBoolean()) {
                String[] questions = {"nps", "csat", "ces", "comment"};
                int min = random.nextInt(11);
                scoreRanges.add(new ScoreRange(new QuestionId(questions[random.nextInt(questions.length)]), min,
                        min + random.nextInt(11 - min)));
            }
        }
        return new Counting(randomBoundaries(random), groupBy, filters, scoreRanges);
    }

    private DimensionFilter randomFilter(Random random, Dimension dimension) {
        DimensionFilter.Operator operator = DimensionFilter.Operator.values()[random.nextInt(3)];
        List<String> pool = new ArrayList<>(values.get(dimension));
        Collections.shuffle(pool, random);
        int count = operator == DimensionFilter.Operator.EQUALS ? 1 : 1 + random.nextInt(Math.min(3, pool.size()));
        return new DimensionFilter(dimension, operator, pool.subList(0, count));
    }

    /** 1–4 periods of 1–9 days from near a clock change, now and then one of half a year. */
    private static List<LocalDate> randomBoundaries(Random random) {
        Instant change = CLOCK_CHANGES.get(random.nextInt(CLOCK_CHANGES.size()));
        LocalDate day = LocalDate.ofInstant(change, java.time.ZoneOffset.UTC).plusDays(random.nextInt(9) - 5);
        List<LocalDate> boundaries = new ArrayList<>(List.of(day));
        for (int i = 0, periods = 1 + random.nextInt(4); i < periods; i++) {
            day = day.plusDays(random.nextInt(10) == 0 ? 180 : 1 + random.nextInt(9));
            boundaries.add(day);
        }
        return boundaries;
    }

    private static List<SurveyQuestion> randomQuestions(Random random, List<Survey> surveys) {
        List<SurveyQuestion> all = new ArrayList<>();
        for (Survey survey : surveys) {
            for (String question : List.of("nps", "csat", "ces", "comment")) {
                all.add(new SurveyQuestion(survey.id(), new QuestionId(question)));
            }
        }
        Collections.shuffle(all, random);
        return all.subList(0, 1 + random.nextInt(all.size()));
    }

    private static List<SurveyId> randomSurveys(Random random, List<Survey> surveys) {
        return switch (random.nextInt(3)) {
            case 0 -> List.of(surveys.get(0).id());
            case 1 -> List.of(surveys.get(1).id());
            default -> List.of(surveys.get(0).id(), surveys.get(1).id());
        };
    }

    /**
     * A journey of the tenant (three touchpoints in two stages) and eight interactions at random touchpoints with
     * random staff (each of employee, team and location absent now and then); their ids join the filters' values.
     */
    private List<LinkedInteraction> recordInteractions(Random random, TenantId tenant) {
        Journey journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys.add(journey));
        values.get(Dimension.JOURNEY).add(journey.id().toString());
        List<LinkedInteraction> links = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Stage stage = journey.stages().get(random.nextInt(2));
            Touchpoint touchpoint = stage.touchpoints().get(random.nextInt(stage.touchpoints().size()));
            values.get(Dimension.STAGE).add(stage.id().toString());
            values.get(Dimension.TOUCHPOINT).add(touchpoint.id().toString());
            StaffRef employee = random.nextInt(4) == 0 ? null : new StaffRef(EMPLOYEES.get(random.nextInt(3)));
            StaffRef team = random.nextInt(4) == 0 ? null : new StaffRef(TEAMS.get(random.nextInt(2)));
            LocationRef location = random.nextInt(3) == 0 ? null : new LocationRef(LOCATIONS.get(random.nextInt(2)));
            Interaction interaction = Interaction.rehydrate(new InteractionId(UUID.randomUUID()), tenant,
                    new InteractionContent(new EventId("event-" + i), touchpoint.id(), new CustomerRef("c-" + i),
                            ContractFixtures.T0, Outcome.COMPLETED, null, employee, team, location, Map.of()),
                    ContractFixtures.T0);
            transactionally(tenant, () -> interactions.add(interaction));
            links.add(new LinkedInteraction(interaction.id(), journey.id(), stage.id(), touchpoint.id(),
                    touchpoint.channel(), employee, team, location));
        }
        return links;
    }

    private static List<Response> randomResponses(Random random, List<Survey> surveys,
            List<LinkedInteraction> interactions, int count) {
        List<Response> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Survey survey = surveys.get(random.nextInt(surveys.size()));
            SurveyVersion version = survey.version(1 + random.nextInt(survey.versions().size()));
            List<Answer> answers = new ArrayList<>();
            for (Question question : version.content().questions()) {
                if (random.nextInt(10) < 7) {
                    answers.add(new Answer(question.id(), randomValue(random, question)));
                }
            }
            if (answers.isEmpty()) {
                Question only = version.content().questions().getFirst();
                answers.add(new Answer(only.id(), randomValue(random, only)));
            }
            Collections.shuffle(answers, random);
            made.add(survey.respond(new ResponseId(new UUID(random.nextLong(), random.nextLong())),
                    Optional.of(version.number()), random.nextBoolean() ? ContractFixtures.CS : ContractFixtures.FA,
                    random.nextInt(10) < 3 ? null : CHANNELS.get(random.nextInt(CHANNELS.size())), null,
                    randomMetadata(random), answers, randomInstant(random),
                    random.nextInt(10) < 3 ? null : interactions.get(random.nextInt(interactions.size()))));
        }
        return made;
    }

    private static Map<String, String> randomMetadata(Random random) {
        Map<String, String> metadata = new HashMap<>();
        if (random.nextInt(4) > 0) {
            metadata.put("store", VALUES.get(Dimension.attribute("store")).get(random.nextInt(4)));
        }
        if (random.nextBoolean()) {
            metadata.put("tier", random.nextBoolean() ? "gold" : "silver");
        }
        if (random.nextInt(5) == 0) {
            metadata.put("order", Long.toString(random.nextLong()));
        }
        return metadata;
    }

    /**
     * Within three days of a clock change, on the hour or half hour (where local midnights of both zones fall) half
     * of the time, and then often a microsecond before it.
     */
    private static Instant randomInstant(Random random) {
        Instant change = CLOCK_CHANGES.get(random.nextInt(CLOCK_CHANGES.size()));
        Instant instant = change.plus(random.nextInt(6 * 24 * 60) - 3 * 24 * 60, ChronoUnit.MINUTES);
        if (random.nextBoolean()) {
            instant = instant.truncatedTo(ChronoUnit.HOURS).plus(30L * random.nextInt(2), ChronoUnit.MINUTES);
            if (random.nextBoolean()) {
                instant = instant.minus(1, ChronoUnit.MICROS);
            }
        } else {
            instant = instant.plusSeconds(random.nextInt(60)).plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
        }
        return instant;
    }

    private static AnswerValue randomValue(Random random, Question question) {
        return switch (question) {
            case Question.Nps ignored -> new AnswerValue.Score(random.nextInt(11));
            case Question.Csat csat -> new AnswerValue.Score(1 + random.nextInt(csat.points()));
            case Question.Ces ces -> new AnswerValue.Score(1 + random.nextInt(ces.points()));
            case Question.SingleChoice choice -> new AnswerValue.Choice(
                    choice.options().get(random.nextInt(choice.options().size())).id());
            case Question.FreeText ignored -> new AnswerValue.Text(COMMENTS[random.nextInt(COMMENTS.length)]);
        };
    }

    private static Uni<Void> addAll(List<Response> batch, io.touchstone.application.port.out.ResponseRepository to) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Response response : batch) {
            chain = chain.chain(() -> to.add(response, "key-" + response.id(), "f"));
        }
        return chain;
    }

    private <T> T transactionally(TenantId tenant, Supplier<Uni<T>> work) {
        return unitOfWork.transactionally(tenant, work).await().atMost(TIMEOUT);
    }
}
