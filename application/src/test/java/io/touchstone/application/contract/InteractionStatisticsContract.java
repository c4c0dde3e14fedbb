package io.touchstone.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.application.port.out.InteractionRepository;
import io.touchstone.application.port.out.InteractionStatistics;
import io.touchstone.application.port.out.InteractionStatistics.Counting;
import io.touchstone.application.port.out.LifecycleEventRepository;
import io.touchstone.domain.analytics.ChurnCount;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.DimensionFilter;
import io.touchstone.domain.analytics.DimensionFilter.Operator;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.InteractionCount;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.interaction.LifecycleEventContent;
import io.touchstone.domain.interaction.LifecycleEventId;
import io.touchstone.domain.journey.Journey;
import io.touchstone.domain.journey.Touchpoint;
import io.touchstone.domain.tenant.Tenant;
import io.touchstone.domain.tenant.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InteractionStatistics} counts, the in-memory fake and the database adapter alike, every expected
 * row written out by hand. The tenants are in Europe/Prague (CEST, +2, in June 2026); both have a journey
 * "Objednávka až po doručení" ({@link JourneyFixtures#orderToDelivery}).
 */
public abstract class InteractionStatisticsContract extends PortContract {

    protected abstract InteractionRepository interactions();

    protected abstract LifecycleEventRepository lifecycleEvents();

    protected abstract InteractionStatistics interactionStatistics();

    private static final AtomicInteger EVENTS = new AtomicInteger();

    private TenantId tenant;
    private TenantId otherTenant;
    private Journey journey;
    private Touchpoint web;
    private Touchpoint phone;
    private Touchpoint sms;

    @BeforeEach
    public void storeTenantsAndJourneys() {
        Tenant one = ContractFixtures.tenant();
        Tenant two = ContractFixtures.tenant();
        tenant = one.id();
        otherTenant = two.id();
        transactionally(tenant, () -> tenants().add(one));
        transactionally(otherTenant, () -> tenants().add(two));
        journey = JourneyFixtures.orderToDelivery(tenant, UUID.randomUUID());
        transactionally(tenant, () -> journeys().add(journey));
        web = journey.stages().get(0).touchpoints().get(0);
        phone = journey.stages().get(0).touchpoints().get(1);
        sms = journey.stages().get(1).touchpoints().get(0);
    }

    // --- abandonment ----------------------------------------------------------------------------------------------

    @Test
    public void countsStartedAndAbandonedInteractionsOnTheTenantsLocalDay() {
        interaction(tenant, phone, "2026-06-07T21:59:59Z", "ABANDONED", null);  // 7 June 23:59:59 local: before
        interaction(tenant, phone, "2026-06-07T22:00:00Z", "ABANDONED", null);  // 8 June 00:00
        interaction(tenant, phone, "2026-06-08T10:00:00Z", "COMPLETED", null);
        interaction(tenant, phone, "2026-06-09T21:59:59Z", "COMPLETED", null);  // 9 June 23:59:59
        interaction(tenant, phone, "2026-06-09T22:00:00Z", "COMPLETED", null);  // 10 June
        interaction(tenant, web, "2026-06-10T12:00:00Z", "ABANDONED", null);
        interaction(tenant, web, "2026-06-10T22:00:00Z", "COMPLETED", null);   // 11 June: after
        Journey theirs = JourneyFixtures.orderToDelivery(otherTenant, UUID.randomUUID());
        transactionally(otherTenant, () -> journeys().add(theirs));
        interaction(otherTenant, theirs.stages().get(0).touchpoints().get(1), "2026-06-08T10:00:00Z", "ABANDONED",
                null);

        List<InteractionCount> counted = abandonment(tenant, counting(days("2026-06-08", "2026-06-10",
                "2026-06-11")));

        assertThat(counted).containsExactlyInAnyOrder(new InteractionCount(0, GroupKey.NONE, 3, 1),
                new InteractionCount(1, GroupKey.NONE, 2, 1));
    }

    @Test
    public void groupsByTheTouchpointsJourneyStageAndChannelAndByTheInteractionsOwnValues() {
        interaction(tenant, phone, "2026-06-08T10:00:00Z", "ABANDONED", "agent-1");
        interaction(tenant, phone, "2026-06-08T11:00:00Z", "COMPLETED", "agent-1");
        interaction(tenant, phone, "2026-06-08T12:00:00Z", "COMPLETED", null);
        interaction(tenant, sms, "2026-06-08T13:00:00Z", "ABANDONED", "agent-2");
        interaction(tenant, web, "2026-06-08T14:00:00Z", "COMPLETED", null);
        Counting week = counting(days("2026-06-08", "2026-06-15"));

        assertThat(abandonment(tenant, grouped(week, Dimension.CHANNEL, Dimension.EMPLOYEE))).containsExactlyInAnyOrder(
                new InteractionCount(0, GroupKey.of("PHONE", "agent-1"), 2, 1),
                new InteractionCount(0, GroupKey.of("PHONE", null), 1, 0),
                new InteractionCount(0, GroupKey.of("SMS", "agent-2"), 1, 1),
                new InteractionCount(0, GroupKey.of("WEB", null), 1, 0));
        String first = journey.stages().get(0).id().value().toString();
        String second = journey.stages().get(1).id().value().toString();
        assertThat(abandonment(tenant, grouped(week, Dimension.JOURNEY, Dimension.STAGE))).containsExactlyInAnyOrder(
                new InteractionCount(0, GroupKey.of(journey.id().value().toString(), first), 4, 1),
                new InteractionCount(0, GroupKey.of(journey.id().value().toString(), second), 1, 1));
        assertThat(abandonment(tenant, grouped(week, Dimension.TOUCHPOINT, Dimension.attribute("queue"))))
                .containsExactlyInAnyOrder(
                        new InteractionCount(0, GroupKey.of(phone.id().value().toString(), "billing"), 3, 1),
                        new InteractionCount(0, GroupKey.of(sms.id().value().toString(), "billing"), 1, 1),
                        new InteractionCount(0, GroupKey.of(web.id().value().toString(), "billing"), 1, 0));
        assertThat(abandonment(tenant, grouped(week, Dimension.TEAM, Dimension.LOCATION))).containsExactlyInAnyOrder(
                new InteractionCount(0, GroupKey.of("Tým Brno", "Brno"), 5, 2));
    }

    @Test
    public void filtersOnEveryDimensionNoValueNeverInAlwaysNotIn() {
        interaction(tenant, phone, "2026-06-08T10:00:00Z", "ABANDONED", "agent-1");
        interaction(tenant, phone, "2026-06-08T11:00:00Z", "COMPLETED", null);
        interaction(tenant, sms, "2026-06-08T13:00:00Z", "ABANDONED", "agent-2");
        Counting week = counting(days("2026-06-08", "2026-06-15"));

        assertThat(abandonment(tenant, filtered(week, filter(Dimension.EMPLOYEE, Operator.IN, "agent-1", "agent-2"))))
                .containsExactly(new InteractionCount(0, GroupKey.NONE, 2, 2));
        assertThat(abandonment(tenant, filtered(week, filter(Dimension.EMPLOYEE, Operator.NOT_IN, "agent-2"))))
                .containsExactly(new InteractionCount(0, GroupKey.NONE, 2, 1));
        assertThat(abandonment(tenant, filtered(week, filter(Dimension.CHANNEL, Operator.EQUALS, "SMS"))))
                .containsExactly(new InteractionCount(0, GroupKey.NONE, 1, 1));
        assertThat(abandonment(tenant, grouped(filtered(week, filter(Dimension.TOUCHPOINT, Operator.EQUALS,
                phone.id().value().toString().toUpperCase())), Dimension.STAGE)))
                .containsExactly(new InteractionCount(0, GroupKey.of(journey.stages().get(0).id().value().toString()),
                        2, 1));
        assertThat(abandonment(tenant, filtered(week, filter(Dimension.attribute("queue"), Operator.EQUALS, "sales"))))
                .isEmpty();
    }

    @Test
    public void anotherTenantSeesNoneOfTheInteractions() {
        interaction(tenant, phone, "2026-06-08T10:00:00Z", "ABANDONED", "agent-1");

        assertThat(abandonment(otherTenant, counting(days("2026-06-08", "2026-06-15")))).isEmpty();
    }

    // --- churn ----------------------------------------------------------------------------------------------------

    @Test
    public void churnCountsTheCustomersActiveAtEachPeriodsStartAndThoseOfThemLost() {
        // periods: 8-15 June and 15-22 June, local days; 8 June 00:00 local is 7 June 22:00 UTC
        event(tenant, "anna", "ACTIVATED", "2026-06-01T10:00:00Z", "pro");
        event(tenant, "anna", "CHURNED", "2026-06-09T10:00:00Z", null);       // lost in the first
        event(tenant, "anna", "ACTIVATED", "2026-06-10T10:00:00Z", "pro");    // back: active at the second's start
        event(tenant, "bob", "ACTIVATED", "2026-06-07T21:59:59Z", "free");    // 7 June 23:59:59 local: active
        event(tenant, "bob", "CHURNED", "2026-06-14T21:59:59Z", null);        // 14 June 23:59:59: lost in the first
        event(tenant, "cyril", "ACTIVATED", "2026-06-07T22:00:00Z", "free");  // 8 June 00:00: joins during the first
        event(tenant, "cyril", "CHURNED", "2026-06-14T22:00:00Z", null);      // 15 June 00:00: lost in the second
        event(tenant, "dana", "ACTIVATED", "2026-06-02T10:00:00Z", null);     // no segment, stays
        event(tenant, "emil", "CHURNED", "2026-06-03T10:00:00Z", null);       // never active
        event(tenant, "emil", "CHURNED", "2026-06-09T10:00:00Z", null);
        event(otherTenant, "anna", "ACTIVATED", "2026-06-01T10:00:00Z", "pro");
        List<LocalDate> weeks = days("2026-06-08", "2026-06-15", "2026-06-22");

        assertThat(churn(tenant, weeks, Optional.of("plan"))).containsExactlyInAnyOrder(
                new ChurnCount(0, Optional.of("pro"), 1, 1),
                new ChurnCount(0, Optional.of("free"), 1, 1),
                new ChurnCount(0, Optional.empty(), 1, 0),
                new ChurnCount(1, Optional.of("pro"), 1, 0),
                new ChurnCount(1, Optional.of("free"), 1, 1),
                new ChurnCount(1, Optional.empty(), 1, 0));
        assertThat(churn(tenant, weeks, Optional.empty())).containsExactlyInAnyOrder(
                new ChurnCount(0, Optional.empty(), 3, 2), new ChurnCount(1, Optional.empty(), 3, 1));
        assertThat(churn(otherTenant, weeks, Optional.empty())).containsExactlyInAnyOrder(
                new ChurnCount(0, Optional.empty(), 1, 0), new ChurnCount(1, Optional.empty(), 1, 0));
    }

    @Test
    public void atOneInstantChurnedFollowsActivatedAndTheGreatestSegmentWins() {
        event(tenant, "anna", "ACTIVATED", "2026-06-01T10:00:00Z", null);
        event(tenant, "anna", "CHURNED", "2026-06-01T10:00:00Z", null);      // not active after the instant
        event(tenant, "bob", "ACTIVATED", "2026-06-01T10:00:00Z", "basic");
        event(tenant, "bob", "ACTIVATED", "2026-06-01T10:00:00Z", "pro");    // the greatest of one instant
        event(tenant, "bob", "ACTIVATED", "2026-06-01T10:00:00Z", null);

        assertThat(churn(tenant, days("2026-06-08", "2026-06-15"), Optional.of("plan")))
                .containsExactly(new ChurnCount(0, Optional.of("pro"), 1, 0));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private void interaction(TenantId owner, Touchpoint at, String occurredAt, String outcome, String employee) {
        Interaction interaction = Interaction.rehydrate(new InteractionId(UUID.randomUUID()), owner,
                InteractionContent.of("i-" + EVENTS.incrementAndGet(), at.id().value(), "zákazník-" + EVENTS.get(),
                        Instant.parse(occurredAt), outcome, null, employee, "Tým Brno", "Brno",
                        Map.of("queue", "billing")),
                ContractFixtures.T0);
        transactionally(owner, () -> interactions().add(interaction));
    }

    private void event(TenantId owner, String customer, String kind, String at, String plan) {
        Map<String, String> attributes = new HashMap<>();
        if (plan != null) {
            attributes.put("plan", plan);
        }
        LifecycleEvent event = LifecycleEvent.rehydrate(new LifecycleEventId(UUID.randomUUID()), owner,
                LifecycleEventContent.of("e-" + EVENTS.incrementAndGet(), customer, kind, Instant.parse(at),
                        null, attributes),
                ContractFixtures.T0);
        transactionally(owner, () -> lifecycleEvents().add(event));
    }

    private List<InteractionCount> abandonment(TenantId owner, Counting counting) {
        return interactionStatistics().abandonment(owner, counting).await().atMost(TIMEOUT);
    }

    private List<ChurnCount> churn(TenantId owner, List<LocalDate> boundaries, Optional<String> segment) {
        return interactionStatistics().churn(owner, boundaries, segment).await().atMost(TIMEOUT);
    }

    private static List<LocalDate> days(String... days) {
        return Arrays.stream(days).map(LocalDate::parse).toList();
    }

    private static DimensionFilter filter(Dimension dimension, Operator operator, String... values) {
        return new DimensionFilter(dimension, operator, List.of(values));
    }

    private static Counting counting(List<LocalDate> boundaries) {
        return new Counting(boundaries, List.of(), List.of());
    }

    private static Counting grouped(Counting counting, Dimension... groupBy) {
        return new Counting(counting.boundaries(), List.of(groupBy), counting.filters());
    }

    private static Counting filtered(Counting counting, DimensionFilter filter) {
        return new Counting(counting.boundaries(), counting.groupBy(), List.of(filter));
    }
}
