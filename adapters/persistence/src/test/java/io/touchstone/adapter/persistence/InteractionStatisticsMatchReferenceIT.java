package io.touchstone.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.touchstone.application.contract.ContractFixtures;
import io.touchstone.application.contract.JourneyFixtures;
import io.touchstone.application.fake.InMemoryInteractionRepository;
import io.touchstone.application.fake.InMemoryInteractionStatistics;
import io.touchstone.application.fake.InMemoryJourneys;
import io.touchstone.application.fake.InMemoryLifecycleEventRepository;
import io.touchstone.application.fake.InMemorySurveyRepository;
import io.touchstone.application.fake.InMemoryTenantRepository;
import io.touchstone.application.fake.InMemoryUnitOfWork;
import io.touchstone.application.port.out.InteractionStatistics.Counting;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.interaction.LifecycleEventContent;
import io.touchstone.domain.interaction.LifecycleEventId;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.Stage;
import io.touchstone.domain.journey.Touchpoint;
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
 * Random interactions and lifecycle events (fixed seeds) of a tenant in Europe/Prague and one in Asia/Tehran, around
 * the days their clocks changed in 2021, stored through the adapters; then many random countings must give exactly
 * what the in-memory fake counts: abandonment one interaction at a time, churn by the domain's reference computation
 * {@code Churn.countBySegment} over the same events (ties at one instant included). Abandonment is compared before the
 * interactions are rolled up, with a random part of them rolled up, and after all of them are; half of the countings
 * involve only the touchpoint's dimensions, which the roll-up answers.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class InteractionStatisticsMatchReferenceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int INTERACTIONS_PER_TENANT = 300;
    private static final int CUSTOMERS_PER_TENANT = 70;
    private static final int COUNTINGS = 40;

    private static final List<Instant> CLOCK_CHANGES = List.of(Instant.parse("2021-03-21T20:30:00Z"),
            Instant.parse("2021-03-28T01:00:00Z"), Instant.parse("2021-09-21T19:30:00Z"),
            Instant.parse("2021-10-31T01:00:00Z"));
    private static final List<String> EMPLOYEES = Collections.unmodifiableList(java.util.Arrays.asList(
            "agent-1", "agent-2", "جمشید", null));
    private static final List<String> TEAMS = Collections.unmodifiableList(java.util.Arrays.asList("Brno", null));
    private static final List<String> LOCATIONS = Collections.unmodifiableList(java.util.Arrays.asList(
            "Praha", "تهران", null));
    private static final List<String> QUEUES = Collections.unmodifiableList(java.util.Arrays.asList(
            "billing", "sales", null));
    private static final List<String> PLANS = Collections.unmodifiableList(java.util.Arrays.asList(
            "free", "pro", "Pro", null));

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateJourneyRepository journeys;

    @Inject
    HibernateInteractionRepository interactions;

    @Inject
    HibernateLifecycleEventRepository lifecycleEvents;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Inject
    SqlInteractionStatistics statistics;

    @Inject
    ResponseRollup rollup;

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2021, 20_260_601})
    void theAdapterCountsLikeTheReferenceComputations(long seed) {
        Random random = new Random(seed);
        InMemoryTenantRepository fakeTenants = new InMemoryTenantRepository();
        InMemoryJourneys fakeJourneys = new InMemoryJourneys(new InMemorySurveyRepository());
        InMemoryInteractionRepository fakeInteractions = new InMemoryInteractionRepository();
        InMemoryLifecycleEventRepository fakeEvents = new InMemoryLifecycleEventRepository();
        InMemoryUnitOfWork fakeUnitOfWork = new InMemoryUnitOfWork(fakeTenants, fakeJourneys, fakeInteractions,
                fakeEvents);
        InMemoryInteractionStatistics fake = new InMemoryInteractionStatistics(fakeTenants, fakeJourneys,
                fakeInteractions, fakeEvents);
        Map<TenantId, Map<Dimension, List<String>>> valuesOf = new LinkedHashMap<>();
        for (String zone : List.of("Europe/Prague", "Asia/Tehran")) {
            Tenant tenant = ContractFixtures.tenant("Tenant in " + zone, zone);
            Journey first = JourneyFixtures.orderToDelivery(tenant.id(), UUID.randomUUID());
            Journey second = JourneyFixtures.orderToDelivery(tenant.id(), UUID.randomUUID());
            transactionally(tenant.id(), () -> tenants.add(tenant).chain(() -> journeys.add(first))
                    .chain(() -> journeys.add(second)));
            fakeUnitOfWork.transactionally(tenant.id(), () -> fakeTenants.add(tenant)
                    .chain(() -> fakeJourneys.add(first)).chain(() -> fakeJourneys.add(second)))
                    .await().atMost(TIMEOUT);
            List<Touchpoint> touchpoints = new ArrayList<>();
            Map<Dimension, List<String>> values = new HashMap<>();
            values.put(Dimension.JOURNEY, new ArrayList<>());
            values.put(Dimension.STAGE, new ArrayList<>());
            values.put(Dimension.TOUCHPOINT, new ArrayList<>());
            for (Journey journey : List.of(first, second)) {
                values.get(Dimension.JOURNEY).add(journey.id().value().toString());
                for (Stage stage : journey.stages()) {
                    values.get(Dimension.STAGE).add(stage.id().value().toString());
                    for (Touchpoint touchpoint : stage.touchpoints()) {
                        touchpoints.add(touchpoint);
                        values.get(Dimension.TOUCHPOINT).add(touchpoint.id().value().toString());
                    }
                }
            }
            values.put(Dimension.CHANNEL, List.of("WEB", "PHONE", "SMS", "EMAIL"));
            values.put(Dimension.EMPLOYEE, List.of("agent-1", "agent-2", "جمشید"));
            values.put(Dimension.TEAM, List.of("Brno"));
            values.put(Dimension.LOCATION, List.of("Praha", "تهران"));
            values.put(Dimension.attribute("queue"), List.of("billing", "sales"));
            valuesOf.put(tenant.id(), values);

            List<Interaction> made = new ArrayList<>();
            for (int i = 0; i < INTERACTIONS_PER_TENANT; i++) {
                made.add(randomInteraction(random, tenant.id(), touchpoints));
            }
            List<LifecycleEvent> events = randomEvents(random, tenant.id());
            for (int from = 0; from < made.size(); from += 50) {
                List<Interaction> batch = made.subList(from, Math.min(made.size(), from + 50));
                transactionally(tenant.id(), () -> all(batch.stream().map(interactions::add).toList()));
                fakeUnitOfWork.transactionally(tenant.id(),
                        () -> all(batch.stream().map(fakeInteractions::add).toList())).await().atMost(TIMEOUT);
            }
            transactionally(tenant.id(), () -> all(events.stream().map(lifecycleEvents::add).toList()));
            fakeUnitOfWork.transactionally(tenant.id(), () -> all(events.stream().map(fakeEvents::add).toList()))
                    .await().atMost(TIMEOUT);
        }

        for (int i = 0; i < COUNTINGS; i++) {
            // a third of the countings before the roll-up, a third with part of it rolled up, a third after it
            if (i == COUNTINGS / 3 || i == 2 * COUNTINGS / 3) {
                for (TenantId tenant : valuesOf.keySet()) {
                    int batch = i == COUNTINGS / 3 ? 1 + random.nextInt(INTERACTIONS_PER_TENANT) : 100;
                    while (rollup.rollUpInteractions(tenant, batch).await().atMost(TIMEOUT) > 0
                            && i != COUNTINGS / 3) {
                        batch = 1 + random.nextInt(100);
                    }
                }
            }
            List<LocalDate> boundaries = randomBoundaries(random);
            for (Map.Entry<TenantId, Map<Dimension, List<String>>> entry : valuesOf.entrySet()) {
                TenantId tenant = entry.getKey();
                Counting counting = randomCounting(random, boundaries, entry.getValue());
                assertThat(statistics.abandonment(tenant, counting).await().atMost(TIMEOUT))
                        .as("abandonment %s", counting)
                        .containsExactlyInAnyOrderElementsOf(fake.abandonment(tenant, counting).await()
                                .atMost(TIMEOUT));
                Optional<String> segment = List.of(Optional.<String>empty(), Optional.of("plan"),
                        Optional.of("nobody-has-it")).get(random.nextInt(3));
                assertThat(statistics.churn(tenant, boundaries, segment).await().atMost(TIMEOUT))
                        .as("churn over %s by %s", boundaries, segment)
                        .containsExactlyInAnyOrderElementsOf(fake.churn(tenant, boundaries, segment).await()
                                .atMost(TIMEOUT));
            }
        }
    }

    private static Counting randomCounting(Random random, List<LocalDate> boundaries,
            Map<Dimension, List<String>> values) {
        List<Dimension> dimensions = new ArrayList<>(values.keySet());
        if (random.nextBoolean()) { // only dimensions of the touchpoint, which the roll-up can answer
            dimensions.removeIf(dimension -> !List.of(Dimension.Kind.JOURNEY, Dimension.Kind.STAGE,
                    Dimension.Kind.TOUCHPOINT, Dimension.Kind.CHANNEL).contains(dimension.kind()));
        }
        dimensions.sort(java.util.Comparator.comparing(Dimension::name));
        Collections.shuffle(dimensions, random);
        List<Dimension> groupBy = new ArrayList<>(dimensions.subList(0, random.nextInt(3)));
        List<DimensionFilter> filters = new ArrayList<>();
        for (int i = 0, count = random.nextInt(3); i < count; i++) {
            Dimension dimension = dimensions.get(random.nextInt(dimensions.size()));
            DimensionFilter.Operator operator = DimensionFilter.Operator.values()[random.nextInt(3)];
            List<String> pool = new ArrayList<>(values.get(dimension));
            Collections.shuffle(pool, random);
            int size = operator == DimensionFilter.Operator.EQUALS ? 1 : 1 + random.nextInt(Math.min(3, pool.size()));
            filters.add(new DimensionFilter(dimension, operator, pool.subList(0, size)));
        }
        return new Counting(boundaries, groupBy, filters);
    }

    private static Interaction randomInteraction(Random random, TenantId tenant, List<Touchpoint> touchpoints) {
        Map<String, String> attributes = new HashMap<>();
        String queue = pick(random, QUEUES);
        if (queue != null) {
            attributes.put("queue", queue);
        }
        return Interaction.rehydrate(new InteractionId(UUID.randomUUID()), tenant, InteractionContent.of(
                "i-" + UUID.randomUUID(), touchpoints.get(random.nextInt(touchpoints.size())).id().value(),
                "c-" + random.nextInt(50), randomInstant(random), random.nextInt(4) == 0 ? "ABANDONED" : "COMPLETED",
                null, pick(random, EMPLOYEES), pick(random, TEAMS), pick(random, LOCATIONS), attributes),
                ContractFixtures.T0);
    }

    /** 1–5 events per customer; now and then two at one instant (the reference orders them). */
    private static List<LifecycleEvent> randomEvents(Random random, TenantId tenant) {
        List<LifecycleEvent> events = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS_PER_TENANT; c++) {
            Instant previous = null;
            for (int e = 0, count = 1 + random.nextInt(5); e < count; e++) {
                Instant at = previous != null && random.nextInt(6) == 0 ? previous : randomInstant(random);
                previous = at;
                boolean activated = e == 0 || random.nextBoolean();
                Map<String, String> attributes = new HashMap<>();
                String plan = pick(random, PLANS);
                if (plan != null) {
                    attributes.put("plan", plan);
                }
                events.add(LifecycleEvent.rehydrate(new LifecycleEventId(UUID.randomUUID()), tenant,
                        LifecycleEventContent.of("e-" + UUID.randomUUID(), "customer-" + c,
                                activated ? "ACTIVATED" : "CHURNED", at, null, attributes),
                        ContractFixtures.T0));
            }
        }
        return events;
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

    /** Within three days of a clock change; half of them on a full or half hour (a day's first instant, too). */
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

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Uni<Void> all(List<Uni<Void>> adds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<Void> add : adds) {
            chain = chain.chain(() -> add);
        }
        return chain;
    }

    private <T> T transactionally(TenantId tenant, Supplier<Uni<T>> work) {
        return unitOfWork.transactionally(tenant, work).await().atMost(TIMEOUT);
    }
}
