package io.touchstone.adapter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.touchstone.application.error.Unauthenticated;
import io.touchstone.application.port.out.TokenVerifier.VerifiedToken;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier against keys served over HTTP by a local server standing in for the issuer. */
class JwksTokenVerifierTest {

    private static final String ISSUER = "http://issuer.test/realms/touchstone";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final AtomicReference<String> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;
    private RsaJsonWebKey key;
    private JwksTokenVerifier verifier;

    @BeforeEach
    void issuer() throws JoseException {
        key = rsaKey("key-1");
        published.set(new JsonWebKeySet(key).toJson());
        server = vertx.createHttpServer()
                .requestHandler(request -> {
                    fetches.incrementAndGet();
                    request.response().putHeader("Content-Type", "application/json").endAndForget(published.get());
                })
                .listen(0, "127.0.0.1").await().atMost(WAIT);
        verifier = verifierRefetchingAfter(Duration.ofMinutes(10));
    }

    private JwksTokenVerifier verifierRefetchingAfter(Duration interval) {
        return new JwksTokenVerifier(vertx, new IdentityProvider(ISSUER,
                URI.create("http://127.0.0.1:" + server.actualPort() + "/certs"), "touchstone", Duration.ZERO,
                "tenant_id", interval));
    }

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void aValidTokenYieldsSubjectRolesAndTenant() throws JoseException {
        VerifiedToken verified = verify(sign(key, claims()));

        assertThat(verified).isEqualTo(new VerifiedToken("service-1",
                Set.of("touchstone-service", "touchstone-tenant-admin"), Optional.of("tenant-1")));
    }

    @Test
    void keysAreFetchedOnceForManyTokens() throws JoseException {
        for (int i = 0; i < 5; i++) {
            verify(sign(key, claims()));
        }

        assertThat(fetches).hasValue(1);
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() throws JoseException {
        JwksTokenVerifier eager = verifierRefetchingAfter(Duration.ZERO);
        eager.verify(sign(key, claims())).await().atMost(WAIT);
        RsaJsonWebKey rotated = rsaKey("key-2");
        published.set(new JsonWebKeySet(rotated).toJson());

        assertThat(eager.verify(sign(rotated, claims())).await().atMost(WAIT).subject()).isEqualTo("service-1");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void unknownKeyIdsFetchTheKeysAtMostOncePerInterval() throws JoseException {
        verify(sign(key, claims()));
        RsaJsonWebKey unknown = rsaKey("key-9");

        for (int i = 0; i < 3; i++) {
            assertThat(failure(verifier, sign(unknown, claims()))).isEqualTo("auth.token-invalid");
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void expiredTokensAreExpired() throws JoseException {
        JwtClaims claims = claims();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 5));

        assertThat(failure(verifier, sign(key, claims))).isEqualTo("auth.token-expired");
    }

    @Test
    void wrongIssuerAudienceOrTypeAreInvalid() throws JoseException {
        JwtClaims otherIssuer = claims();
        otherIssuer.setIssuer("http://issuer.test/realms/other");
        JwtClaims otherAudience = claims();
        otherAudience.setAudience("account");
        JwtClaims idToken = claims();
        idToken.setClaim("typ", "ID");

        assertThat(failure(verifier, sign(key, otherIssuer))).isEqualTo("auth.token-invalid");
        assertThat(failure(verifier, sign(key, otherAudience))).isEqualTo("auth.token-invalid");
        assertThat(failure(verifier, sign(key, idToken))).isEqualTo("auth.token-invalid");
    }

    @Test
    void unsignedHmacAndForeignlySignedTokensAreInvalid() throws JoseException {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims().toJson().getBytes(StandardCharsets.UTF_8));
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";

        JsonWebSignature hmac = new JsonWebSignature();
        hmac.setPayload(claims().toJson());
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hmac.setKeyIdHeaderValue("key-1");
        hmac.setKey(new HmacKey(key.getRsaPublicKey().getEncoded()));

        RsaJsonWebKey stranger = rsaKey("key-1");

        assertThat(failure(verifier, none)).isEqualTo("auth.token-invalid");
        assertThat(failure(verifier, hmac.getCompactSerialization())).isEqualTo("auth.token-invalid");
        assertThat(failure(verifier, sign(stranger, claims()))).isEqualTo("auth.token-invalid");
        assertThat(failure(verifier, "a.b.c")).isEqualTo("auth.token-invalid");
    }

    @Test
    void tokensWithoutRolesOrTenantHaveNone() throws JoseException {
        JwtClaims claims = claims();
        claims.unsetClaim("realm_access");
        claims.unsetClaim("tenant_id");

        assertThat(verify(sign(key, claims))).isEqualTo(new VerifiedToken("service-1", Set.of(), Optional.empty()));
    }

    private VerifiedToken verify(String token) {
        return verifier.verify(token).await().atMost(WAIT);
    }

    private static String failure(JwksTokenVerifier verifier, String token) {
        Throwable failure = catchThrowable(() -> verifier.verify(token).await().atMost(WAIT));
        assertThat(failure).isInstanceOf(Unauthenticated.class);
        return ((Unauthenticated) failure).code();
    }

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience("touchstone");
        claims.setSubject("service-1");
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        claims.setClaim("typ", "Bearer");
        claims.setClaim("tenant_id", "tenant-1");
        claims.setClaim("realm_access", Map.of("roles", List.of("touchstone-service", "touchstone-tenant-admin")));
        return claims;
    }

    private static String sign(RsaJsonWebKey signer, JwtClaims claims) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivateKey());
        jws.setKeyIdHeaderValue(signer.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static RsaJsonWebKey rsaKey(String keyId) throws JoseException {
        RsaJsonWebKey generated = RsaJwkGenerator.generateJwk(2048);
        generated.setKeyId(keyId);
        return generated;
    }
}
