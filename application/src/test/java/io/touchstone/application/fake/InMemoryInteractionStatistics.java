package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.port.out.InteractionStatistics;
import io.touchstone.application.port.out.Touchpoints.TouchpointRef;
import io.touchstone.domain.analytics.ChurnCount;
import io.touchstone.domain.analytics.Dimension;
import io.touchstone.domain.analytics.GroupKey;
import io.touchstone.domain.analytics.InteractionCount;
import io.touchstone.domain.interaction.Interaction;
import io.touchstone.domain.interaction.InteractionContent;
import io.touchstone.domain.interaction.LifecycleEvent;
import io.touchstone.domain.interaction.LifecycleKind;
import io.touchstone.domain.interaction.Outcome;
import io.touchstone.domain.metric.Churn;
import io.touchstone.domain.tenant.TenantId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the fakes' stored interactions one by one, and churn with the domain's reference computation
 * ({@link Churn#countBySegment}) over the stored lifecycle events: the plain way, which the port contract holds the
 * database adapter to.
 */
public final class InMemoryInteractionStatistics implements InteractionStatistics {

    private final InMemoryTenantRepository tenants;
    private final InMemoryJourneys journeys;
    private final InMemoryInteractionRepository interactions;
    private final InMemoryLifecycleEventRepository lifecycleEvents;

    public InMemoryInteractionStatistics(InMemoryTenantRepository tenants, InMemoryJourneys journeys,
            InMemoryInteractionRepository interactions, InMemoryLifecycleEventRepository lifecycleEvents) {
        this.tenants = tenants;
        this.journeys = journeys;
        this.interactions = interactions;
        this.lifecycleEvents = lifecycleEvents;
    }

    private record Key(int period, GroupKey group) {
    }

    @Override
    public Uni<List<InteractionCount>> abandonment(TenantId tenant, Counting counting) {
        return Uni.createFrom().item(() -> {
            ZoneId zone = tenants.timeZone(tenant).orElse(null);
            Map<Key, long[]> counts = new LinkedHashMap<>();
            for (Interaction interaction : interactions.all()) {
                if (zone == null || !interaction.tenantId().equals(tenant)) {
                    continue;
                }
                InteractionContent content = interaction.content();
                int period = period(counting.boundaries(), content.occurredAt().atZone(zone).toLocalDate());
                Optional<TouchpointRef> touchpoint = journeys.touchpoint(tenant, content.touchpoint());
                if (period < 0 || touchpoint.isEmpty()) {
                    continue;
                }
                if (!counting.filters().stream().allMatch(
                        filter -> filter.admits(value(content, touchpoint.get(), filter.dimension())))) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                counting.groupBy().forEach(dimension -> values.add(value(content, touchpoint.get(), dimension)));
                long[] tally = counts.computeIfAbsent(new Key(period, new GroupKey(values)), key -> new long[2]);
                tally[0]++;
                if (content.outcome() == Outcome.ABANDONED) {
                    tally[1]++;
                }
            }
            List<InteractionCount> rows = new ArrayList<>();
            counts.forEach((key, tally) -> rows.add(new InteractionCount(key.period(), key.group(), tally[0],
                    tally[1])));
            return rows;
        });
    }

    @Override
    public Uni<List<ChurnCount>> churn(TenantId tenant, List<LocalDate> boundaries, Optional<String> segmentKey) {
        InteractionStatistics.checkBoundaries(boundaries);
        return Uni.createFrom().item(() -> {
            ZoneId zone = tenants.timeZone(tenant).orElse(null);
            if (zone == null) {
                return List.<ChurnCount>of();
            }
            List<Churn.Event> events = new ArrayList<>();
            for (LifecycleEvent event : lifecycleEvents.all()) {
                if (event.tenantId().equals(tenant)) {
                    events.add(new Churn.Event(event.content().customer().value(),
                            event.content().kind() == LifecycleKind.ACTIVATED ? Churn.Kind.ACTIVATED
                                    : Churn.Kind.CHURNED,
                            event.content().occurredAt(),
                            segmentKey.map(key -> event.content().attributes().get(key))));
                }
            }
            List<ChurnCount> rows = new ArrayList<>();
            for (int i = 0; i + 1 < boundaries.size(); i++) {
                Churn.Period period = new Churn.Period(boundaries.get(i).atStartOfDay(zone).toInstant(),
                        boundaries.get(i + 1).atStartOfDay(zone).toInstant());
                for (Churn.SegmentCounts segment : Churn.countBySegment(events, period)) {
                    rows.add(new ChurnCount(i, segment.segment(), segment.counts().activeAtStart(),
                            segment.counts().lost()));
                }
            }
            return rows;
        });
    }

    private static int period(List<LocalDate> boundaries, LocalDate day) {
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            if (!day.isBefore(boundaries.get(i)) && day.isBefore(boundaries.get(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    /** The interaction's value of an interaction-level dimension; null when it has none. */
    static String value(InteractionContent content, TouchpointRef touchpoint, Dimension dimension) {
        return switch (dimension.kind()) {
            case JOURNEY -> touchpoint.journey().value().toString();
            case STAGE -> touchpoint.stage().value().toString();
            case TOUCHPOINT -> content.touchpoint().value().toString();
            case CHANNEL -> touchpoint.channel().name();
            case EMPLOYEE -> content.employee() == null ? null : content.employee().value();
            case TEAM -> content.team() == null ? null : content.team().value();
            case LOCATION -> content.location() == null ? null : content.location().value();
            case ATTRIBUTE -> content.attributes().get(dimension.attributeKey());
            case SURVEY, QUESTION, SCALE, LANGUAGE -> throw new IllegalArgumentException(
                    dimension + " is not of an interaction");
        };
    }
}
