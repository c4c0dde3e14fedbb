package io.touchstone.adapter.identity;

import io.smallrye.mutiny.Uni;
import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.port.out.TokenVerifier;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies access tokens against the signing keys the identity provider publishes (JWKS): signature (asymmetric
 * algorithms only, so {@code alg: none} and HMAC tokens are refused), issuer, audience, expiry.
 *
 * <p>The keys are fetched without blocking (Vert.x HTTP client) on first use and kept; a token signed with a key id
 * that is not among them triggers one new fetch, at most every {@link IdentityProvider#keysRefetchAfter()}. A request
 * therefore costs no network call once the keys are known. Neither tokens nor their claims are ever logged.
 */
public final class JwksTokenVerifier implements TokenVerifier {

    private static final Logger LOG = Logger.getLogger(JwksTokenVerifier.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    private static final AlgorithmConstraints SIGNATURES = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512, AlgorithmIdentifiers.EDDSA);

    /** Reads a token's header and claims without checking anything: the first of two passes. */
    private static final JwtConsumer STRUCTURE = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .setJwsAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS)
            .build();

    private final IdentityProvider provider;
    private final HttpClient http;
    private final AtomicReference<Keys> keys = new AtomicReference<>();
    private final AtomicReference<Uni<Keys>> fetching = new AtomicReference<>();

    public JwksTokenVerifier(Vertx vertx, IdentityProvider provider) {
        this.provider = provider;
        this.http = vertx.createHttpClient();
    }

    @Override
    public Uni<VerifiedToken> verify(String token) {
        JwtContext parsed;
        try {
            parsed = STRUCTURE.process(token);
        } catch (InvalidJwtException malformed) {
            return Uni.createFrom().failure(invalid());
        }
        String keyId = parsed.getJoseObjects().getFirst().getKeyIdHeaderValue();
        Keys known = keys.get();
        if (known != null && known.has(keyId)) {
            return Uni.createFrom().item(() -> known.verify(parsed));
        }
        return refetch(known).map(fresh -> fresh.verify(parsed));
    }

    private Uni<Keys> refetch(Keys known) {
        if (known != null && System.nanoTime() - known.fetchedAt() < provider.keysRefetchAfter().toNanos()) {
            return Uni.createFrom().item(known);
        }
        Uni<Keys> fetch = fetchKeys()
                .invoke(keys::set)
                .eventually(() -> fetching.set(null))
                .memoize().indefinitely();
        if (fetching.compareAndSet(null, fetch)) {
            return fetch;
        }
        Uni<Keys> running = fetching.get();
        return running != null ? running : Uni.createFrom().item(keys::get);
    }

    private Uni<Keys> fetchKeys() {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(provider.jwksUrl().toString())
                .putHeader("Accept", "application/json");
        return http.request(request)
                .flatMap(HttpClientRequest::send)
                .flatMap(this::body)
                .map(body -> new Keys(parseKeys(body.toString(StandardCharsets.UTF_8)), System.nanoTime()))
                .ifNoItem().after(FETCH_TIMEOUT).failWith(() -> new IllegalStateException(
                        "the identity provider's keys did not arrive within " + FETCH_TIMEOUT.toSeconds() + " s"))
                .onFailure().invoke(failure -> LOG.warnf("cannot fetch the signing keys from %s: %s",
                        provider.jwksUrl(), failure.getMessage()));
    }

    private Uni<Buffer> body(HttpClientResponse response) {
        if (response.statusCode() != 200) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "the identity provider answered " + response.statusCode() + " for its keys"));
        }
        return response.body();
    }

    private List<PublicJsonWebKey> parseKeys(String json) {
        try {
            return new JsonWebKeySet(json).getJsonWebKeys().stream()
                    .filter(key -> key.getUse() == null || "sig".equals(key.getUse()))
                    .filter(PublicJsonWebKey.class::isInstance)
                    .map(PublicJsonWebKey.class::cast)
                    .toList();
        } catch (JoseException notAKeySet) {
            throw new IllegalStateException("the identity provider's keys are not a JSON Web Key Set", notAKeySet);
        }
    }

    private static Unauthenticated invalid() {
        return new Unauthenticated("auth.token-invalid", "the access token is not valid");
    }

    /** The issuer's signing keys as fetched at {@code fetchedAt} ({@link System#nanoTime()}). */
    private final class Keys {

        private final List<PublicJsonWebKey> keys;
        private final long fetchedAt;
        private final JwtConsumer consumer;

        Keys(List<PublicJsonWebKey> keys, long fetchedAt) {
            this.keys = keys;
            this.fetchedAt = fetchedAt;
            this.consumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds((int) provider.clockSkew().toSeconds())
                    .setExpectedIssuer(true, provider.issuer())
                    .setExpectedAudience(true, provider.audience())
                    .setJwsAlgorithmConstraints(SIGNATURES)
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(List.copyOf(keys)))
                    .build();
        }

        long fetchedAt() {
            return fetchedAt;
        }

        boolean has(String keyId) {
            return keyId == null ? !keys.isEmpty() : keys.stream().anyMatch(key -> keyId.equals(key.getKeyId()));
        }

        VerifiedToken verify(JwtContext parsed) {
            try {
                consumer.processContext(parsed);
                return claimsOf(parsed.getJwtClaims());
            } catch (InvalidJwtException refused) {
                if (refused.hasExpired()) {
                    throw new Unauthenticated("auth.token-expired", "the access token has expired");
                }
                throw invalid();
            }
        }
    }

    private VerifiedToken claimsOf(JwtClaims claims) {
        Object subject = claims.getClaimValue("sub");
        Object type = claims.getClaimValue("typ");
        if (!(subject instanceof String sub) || (type != null && !"Bearer".equalsIgnoreCase(type.toString()))) {
            // Keycloak marks access tokens "typ": "Bearer"; ID and refresh tokens are no credentials here
            throw invalid();
        }
        Object tenant = claims.getClaimValue(provider.tenantClaim());
        Optional<String> tenantId = tenant instanceof String named ? Optional.of(named) : Optional.empty();
        return new VerifiedToken(sub, realmRoles(claims), tenantId);
    }

    /** Keycloak puts realm roles in {@code realm_access.roles}. */
    private static Set<String> realmRoles(JwtClaims claims) {
        Set<String> roles = new HashSet<>();
        if (claims.getClaimValue("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof List<?> names) {
            names.stream().filter(String.class::isInstance).map(String.class::cast).forEach(roles::add);
        }
        return roles;
    }
}
