package io.touchstone.application.fake;

import io.touchstone.application.contract.PortContract;

/** One set of in-memory outbound adapters sharing a unit of work, as the real ones share a database. */
public final class InMemoryAdapters {

    public final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    public final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    public final InMemorySurveyRepository surveys = new InMemorySurveyRepository();
    public final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    /** Journeys, and the touchpoint lookup ({@code Touchpoints}) over them. */
    public final InMemoryJourneys journeys = new InMemoryJourneys(surveys);
    public final InMemoryInteractionRepository interactions = new InMemoryInteractionRepository();
    public final InMemoryLifecycleEventRepository lifecycleEvents = new InMemoryLifecycleEventRepository();
    public final InMemoryInteractionStatistics interactionStatistics = new InMemoryInteractionStatistics(tenants,
            journeys, interactions, lifecycleEvents);
    /** The interactions responses name, with their touchpoints from {@link #journeys}. */
    public final InMemoryInteractionLinks interactionLinks = new InMemoryInteractionLinks(interactions, journeys);
    public final InMemoryResponseRepository responses;
    public final InMemoryResponseStatistics statistics;
    public final InMemoryUnitOfWork unitOfWork;

    public InMemoryAdapters() {
        this(new InMemoryResponseRepository());
    }

    /** With a response repository of the test's making, e.g. one that simulates a concurrent submission. */
    public InMemoryAdapters(InMemoryResponseRepository responses) {
        this.responses = responses;
        this.statistics = new InMemoryResponseStatistics(tenants, responses);
        this.unitOfWork = new InMemoryUnitOfWork(tenants, keys, surveys, responses, auditLog, journeys,
                interactions, lifecycleEvents);
    }

    /** The fakes as the port contracts take them. */
    public PortContract.Ports ports() {
        return new PortContract.Ports(tenants, keys, surveys, responses, statistics, auditLog, unitOfWork, journeys,
                journeys, interactions);
    }
}
