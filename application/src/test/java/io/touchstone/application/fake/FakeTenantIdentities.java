package io.touchstone.application.fake;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.Unavailable;
import io.touchstone.application.port.out.TenantIdentities;
import io.touchstone.domain.tenant.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The identity provider's tenant clients in a map; it can be made unreachable. */
public class FakeTenantIdentities implements TenantIdentities {

    /** A client as the provider holds it. */
    public record Client(String clientId, String secret, boolean enabled) {
    }

    private final Map<TenantId, Client> clients = new HashMap<>();
    private int created;
    private boolean unreachable;

    public synchronized void unreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    public synchronized Optional<Client> client(TenantId tenant) {
        return Optional.ofNullable(clients.get(tenant));
    }

    public synchronized int size() {
        return clients.size();
    }

    @Override
    public Uni<Optional<ClientCredentials>> create(TenantId tenant) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                refuseWhenUnreachable();
                Client client = new Client("tenant-" + tenant.value(), "secret-" + ++created, true);
                if (clients.putIfAbsent(tenant, client) != null) {
                    throw new Unavailable("identity.unavailable", "the tenant's client exists already");
                }
                return Optional.of(new ClientCredentials(client.clientId(), client.secret()));
            }
        });
    }

    @Override
    public Uni<Void> disable(TenantId tenant) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                refuseWhenUnreachable();
                clients.computeIfPresent(tenant, (id, client) -> new Client(client.clientId(), client.secret(), false));
                return null;
            }
        });
    }

    @Override
    public Uni<Void> delete(TenantId tenant) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                refuseWhenUnreachable();
                clients.remove(tenant);
                return null;
            }
        });
    }

    private void refuseWhenUnreachable() {
        if (unreachable) {
            throw new Unavailable("identity.unavailable", "the identity provider cannot be reached");
        }
    }
}
