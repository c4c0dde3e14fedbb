package io.touchstone.adapter.identity;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.Unavailable;
import io.touchstone.application.port.out.TenantIdentities;
import io.touchstone.domain.tenant.TenantId;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The tenants' clients in a Keycloak realm, managed through the Keycloak Admin REST API with the Vert.x HTTP client
 * (nothing blocks an event loop). A tenant's client is named {@code tenant-<tenant id>}: confidential, client
 * credentials only, a service account holding the realm role {@code touchstone-service}, a hardcoded claim with the
 * tenant's id and an audience mapper. Touchstone chooses the secret (256 random bits) and hands it out once.
 *
 * <p>The admin calls use an access token of the configured admin client (client-credentials grant), kept until
 * shortly before it expires. Any failure to reach Keycloak, or an answer other than the expected one, is
 * {@link Unavailable} {@code identity.unavailable}. Neither secrets nor tokens are ever logged.
 */
public final class KeycloakTenantIdentities implements TenantIdentities {

    static final String CLIENT_PREFIX = "tenant-";
    static final String SERVICE_ROLE = "touchstone-service";

    private static final Logger LOG = Logger.getLogger(KeycloakTenantIdentities.class);
    private static final String UNAVAILABLE = "identity.unavailable";
    /** An admin token is renewed this long before Keycloak says it expires. */
    private static final long TOKEN_MARGIN_NANOS = 10_000_000_000L;

    private final KeycloakAdmin admin;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<AdminToken> token = new AtomicReference<>();

    public KeycloakTenantIdentities(Vertx vertx, KeycloakAdmin admin) {
        this.admin = admin;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, admin.timeout().toMillis())));
    }

    static String clientId(TenantId tenant) {
        return CLIENT_PREFIX + tenant.value();
    }

    @Override
    public Uni<Optional<ClientCredentials>> create(TenantId tenant) {
        String clientId = clientId(tenant);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return send(HttpMethod.POST, "/clients", representation(tenant, clientId, secret).encode(), 201)
                .map(created -> created.location().substring(created.location().lastIndexOf('/') + 1))
                .flatMap(this::grantServiceRole)
                .onFailure(failure -> !(failure instanceof Refused refused && refused.status() == 409))
                .call(failure -> removeClient(clientId).onFailure().recoverWithNull())
                .onFailure().transform(KeycloakTenantIdentities::unavailable)
                .replaceWith(Optional.of(new ClientCredentials(clientId, secret)));
    }

    @Override
    public Uni<Void> disable(TenantId tenant) {
        return find(clientId(tenant))
                .flatMap(found -> found.map(client -> send(HttpMethod.PUT, "/clients/" + client.getString("id"),
                                client.put("enabled", false).encode(), 204).replaceWithVoid())
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .onFailure().transform(KeycloakTenantIdentities::unavailable);
    }

    @Override
    public Uni<Void> delete(TenantId tenant) {
        return removeClient(clientId(tenant)).onFailure().transform(KeycloakTenantIdentities::unavailable);
    }

    private Uni<Void> removeClient(String clientId) {
        return find(clientId).flatMap(found -> found
                .map(client -> send(HttpMethod.DELETE, "/clients/" + client.getString("id"), null, 204)
                        .replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    private Uni<Optional<JsonObject>> find(String clientId) {
        return send(HttpMethod.GET, "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8),
                null, 200)
                .map(answer -> answer.body().toJsonArray().stream()
                        .filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                        .filter(client -> clientId.equals(client.getString("clientId")))
                        .findFirst());
    }

    /** Gives the client's service account the realm role that makes its tokens act for one tenant. */
    private Uni<Void> grantServiceRole(String clientUuid) {
        Uni<String> user = send(HttpMethod.GET, "/clients/" + clientUuid + "/service-account-user", null, 200)
                .map(answer -> answer.body().toJsonObject().getString("id"));
        Uni<JsonObject> role = send(HttpMethod.GET, "/roles/" + SERVICE_ROLE, null, 200)
                .map(answer -> answer.body().toJsonObject());
        return Uni.combine().all().unis(user, role).asTuple()
                .flatMap(both -> send(HttpMethod.POST, "/users/" + both.getItem1() + "/role-mappings/realm",
                        new JsonArray().add(both.getItem2()).encode(), 204))
                .replaceWithVoid();
    }

    private JsonObject representation(TenantId tenant, String clientId, String secret) {
        JsonObject tenantClaim = new JsonObject()
                .put("name", admin.tenantClaim())
                .put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-hardcoded-claim-mapper")
                .put("config", new JsonObject()
                        .put("claim.name", admin.tenantClaim())
                        .put("claim.value", tenant.value().toString())
                        .put("jsonType.label", "String")
                        .put("access.token.claim", "true")
                        .put("id.token.claim", "false")
                        .put("introspection.token.claim", "true")
                        .put("userinfo.token.claim", "false"));
        JsonObject audience = new JsonObject()
                .put("name", "audience " + admin.audience())
                .put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper")
                .put("config", new JsonObject()
                        .put("included.custom.audience", admin.audience())
                        .put("access.token.claim", "true")
                        .put("id.token.claim", "false")
                        .put("introspection.token.claim", "true"));
        return new JsonObject()
                .put("clientId", clientId)
                .put("name", "Touchstone tenant " + tenant.value())
                .put("description", "Server-side integrations of the Touchstone tenant " + tenant.value())
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret")
                .put("secret", secret)
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("implicitFlowEnabled", false)
                .put("directAccessGrantsEnabled", false)
                .put("protocolMappers", new JsonArray().add(tenantClaim).add(audience));
    }

    /** One admin call; any status but {@code expected} fails with {@link Refused}. */
    private Uni<Answer> send(HttpMethod method, String path, String body, int expected) {
        return adminToken().flatMap(bearer -> exchange(new RequestOptions().setMethod(method)
                        .setAbsoluteURI(admin.adminUrl() + path)
                        .putHeader("Authorization", "Bearer " + bearer)
                        .putHeader("Accept", "application/json")
                        .putHeader("Content-Type", "application/json"), body))
                .flatMap(answer -> {
                    if (answer.status() == 401) {
                        token.set(null); // revoked or expired early: the next call fetches a new one
                    }
                    if (answer.status() != expected) {
                        return Uni.createFrom().failure(new Refused(method + " " + path, answer.status()));
                    }
                    return Uni.createFrom().item(answer);
                });
    }

    private Uni<String> adminToken() {
        AdminToken known = token.get();
        if (known != null && System.nanoTime() < known.validUntil()) {
            return Uni.createFrom().item(known.value());
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(admin.clientId(),
                StandardCharsets.UTF_8) + "&client_secret=" + URLEncoder.encode(admin.clientSecret(),
                StandardCharsets.UTF_8);
        long askedAt = System.nanoTime();
        return exchange(new RequestOptions().setMethod(HttpMethod.POST)
                        .setAbsoluteURI(admin.realmUrl() + "/protocol/openid-connect/token")
                        .putHeader("Content-Type", "application/x-www-form-urlencoded")
                        .putHeader("Accept", "application/json"), form)
                .map(answer -> {
                    if (answer.status() != 200) {
                        throw new Refused("the admin client's token request", answer.status());
                    }
                    JsonObject json = answer.body().toJsonObject();
                    long lifetime = json.getLong("expires_in", 60L) * 1_000_000_000L;
                    AdminToken fresh = new AdminToken(json.getString("access_token"),
                            askedAt + Math.max(0, lifetime - TOKEN_MARGIN_NANOS));
                    token.set(fresh);
                    return fresh.value();
                });
    }

    private Uni<Answer> exchange(RequestOptions request, String body) {
        return http.request(request)
                .flatMap(sent -> body == null ? sent.send() : sent.send(body))
                .flatMap(response -> response.body().map(read -> new Answer(response.statusCode(),
                        Optional.ofNullable(response.getHeader("Location")).orElse(""), read)))
                .ifNoItem().after(admin.timeout()).failWith(() -> new IllegalStateException(
                        "no answer within " + admin.timeout().toMillis() + " ms"));
    }

    private static Unavailable unavailable(Throwable failure) {
        if (failure instanceof Unavailable known) {
            return known;
        }
        LOG.warnf("the identity provider's admin API failed: %s", failure.getMessage());
        return new Unavailable(UNAVAILABLE, "the identity provider cannot be reached or refused the request; "
                + "nothing was changed, try again later");
    }

    private record AdminToken(String value, long validUntil) {
    }

    private record Answer(int status, String location, Buffer body) {
    }

    /** Keycloak answered, but not as expected (the body is not repeated: it may hold secrets). */
    private static final class Refused extends RuntimeException {

        private final int status;

        Refused(String what, int status) {
            super(what + " answered " + status, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
