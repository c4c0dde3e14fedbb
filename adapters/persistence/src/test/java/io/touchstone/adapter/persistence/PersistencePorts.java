package io.touchstone.adapter.persistence;

import io.touchstone.application.contract.PortContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The Hibernate Reactive adapters, as the port contracts take them. */
@ApplicationScoped
class PersistencePorts {

    @Inject
    HibernateTenantRepository tenants;

    @Inject
    HibernateApiKeyRepository keys;

    @Inject
    HibernateSurveyRepository surveys;

    @Inject
    HibernateResponseRepository responses;

    @Inject
    SqlResponseStatistics statistics;

    @Inject
    HibernateAuditLog auditLog;

    @Inject
    HibernateUnitOfWork unitOfWork;

    @Inject
    HibernateJourneyRepository journeys;

    @Inject
    HibernateInteractionRepository interactions;

    PortContract.Ports ports() {
        return new PortContract.Ports(tenants, keys, surveys, responses, statistics, auditLog, unitOfWork, journeys,
                journeys, interactions);
    }
}
