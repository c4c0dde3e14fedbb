package io.touchstone.application.port.in;

import io.touchstone.application.error.Forbidden;
import io.touchstone.domain.tenant.Scope;
import io.touchstone.domain.tenant.TenantId;
import java.util.Objects;
import java.util.Set;

/** Who is asking, whatever credential it presented. Every use case takes one and checks it first. */
public sealed interface Caller {

    /** For logs and audit: the key id or token subject, never a secret. */
    String principal();

    /** The tenant this caller acts for, if it holds {@code scope}; otherwise {@link Forbidden}. */
    TenantId tenantWith(Scope scope);

    /** Succeeds for operators only. */
    void requireOperator();

    /**
     * The client's network address as the inbound adapter saw it (for the audit log); null when the adapter does not
     * know it. It plays no part in what the caller may do.
     */
    default String remoteAddress() {
        return null;
    }

    /** This caller, seen coming from {@code remoteAddress}. */
    default Caller from(String remoteAddress) {
        return this;
    }

    /** An integration of one tenant, e.g. holding an API key. */
    record Tenant(TenantId tenantId, Set<Scope> scopes, String principal, String remoteAddress) implements Caller {

        public Tenant {
            Objects.requireNonNull(tenantId, "tenantId");
            scopes = Set.copyOf(scopes);
            Objects.requireNonNull(principal, "principal");
        }

        /** A caller whose address is not known. */
        public Tenant(TenantId tenantId, Set<Scope> scopes, String principal) {
            this(tenantId, scopes, principal, null);
        }

        @Override
        public Tenant from(String remoteAddress) {
            return new Tenant(tenantId, scopes, principal, remoteAddress);
        }

        @Override
        public TenantId tenantWith(Scope scope) {
            if (!scopes.contains(scope)) {
                throw new Forbidden("auth.scope-missing", "this operation needs the scope '" + scope.wireName() + "'");
            }
            return tenantId;
        }

        @Override
        public void requireOperator() {
            throw new Forbidden("auth.operator-required", "this operation is for operators of the service");
        }
    }

    /** The operator of the whole service: manages tenants, sees no tenant's data. */
    record Operator(String principal, String remoteAddress) implements Caller {

        /** An operator whose address is not known. */
        public Operator(String principal) {
            this(principal, null);
        }

        @Override
        public Operator from(String remoteAddress) {
            return new Operator(principal, remoteAddress);
        }

        @Override
        public TenantId tenantWith(Scope scope) {
            throw new Forbidden("auth.tenant-required", "operators act on tenants, not within one");
        }

        @Override
        public void requireOperator() {
            // granted
        }
    }
}
