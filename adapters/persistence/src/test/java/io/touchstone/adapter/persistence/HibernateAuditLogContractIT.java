package io.touchstone.adapter.persistence;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.touchstone.application.contract.AuditLogContract;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class HibernateAuditLogContractIT extends AuditLogContract {

    @Inject
    PersistencePorts adapters;

    @Override
    protected Ports ports() {
        return adapters.ports();
    }
}
