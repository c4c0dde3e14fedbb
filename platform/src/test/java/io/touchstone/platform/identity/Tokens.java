package io.touchstone.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Real access tokens from the test Keycloak (client-credentials grant), the Keycloak admin calls the tests need, and
 * forged variants of real tokens. Tokens are never printed.
 */
final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A token of {@code client} (secret: {@code <client>-secret}) from the realm {@code touchstone}. */
    static String of(String client) {
        return of(KeycloakServer.REALM, client, client + "-secret");
    }

    static String of(String realm, String client, String secret) {
        KeycloakServer.awaitReady();
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(
                        KeycloakServer.issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(client, StandardCharsets.UTF_8) + "&client_secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                .build(), 200);
        return answer.get("access_token").asText();
    }

    /** The status with which the token endpoint of the realm {@code touchstone} answers a client-credentials grant. */
    static int grantStatus(String client, String secret) {
        KeycloakServer.awaitReady();
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(
                            KeycloakServer.issuer(KeycloakServer.REALM) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + URLEncoder.encode(client, StandardCharsets.UTF_8) + "&client_secret="
                            + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The clients of the realm {@code touchstone} with this client id, as the admin API shows them. */
    static JsonNode clients(String clientId) {
        KeycloakServer.awaitReady();
        String admin = of("master", KeycloakServer.ADMIN_CLIENT, KeycloakServer.ADMIN_SECRET);
        return send(HttpRequest.newBuilder(URI.create(KeycloakServer.base() + "/admin/realms/"
                        + KeycloakServer.REALM + "/clients?clientId=" + URLEncoder.encode(clientId,
                        StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + admin).build(), 200);
    }

    /** Points the {@code tenant_id} claim of {@code client}'s tokens at {@code tenantId} (Keycloak admin API). */
    static void setTenant(String client, String tenantId) {
        KeycloakServer.awaitReady();
        String admin = of("master", KeycloakServer.ADMIN_CLIENT, KeycloakServer.ADMIN_SECRET);
        String clients = KeycloakServer.base() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        JsonNode found = send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + client))
                .header("Authorization", "Bearer " + admin).build(), 200);
        String id = found.get(0).get("id").asText();
        String mappers = clients + "/" + id + "/protocol-mappers/models";
        for (JsonNode mapper : send(HttpRequest.newBuilder(URI.create(mappers))
                .header("Authorization", "Bearer " + admin).build(), 200)) {
            if ("tenant_id".equals(mapper.path("config").path("claim.name").asText())) {
                ((ObjectNode) mapper.get("config")).put("claim.value", tenantId);
                send(HttpRequest.newBuilder(URI.create(mappers + "/" + mapper.get("id").asText()))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(mapper.toString())).build(), 204);
                return;
            }
        }
        throw new IllegalStateException("client " + client + " has no tenant_id mapper");
    }

    /** The token with one claim of its payload changed; the signature stays that of the original. */
    static String withClaim(String token, String claim, String value) {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) parse(decode(parts[1]));
        payload.put(claim, value);
        return parts[0] + "." + encode(payload.toString()) + "." + parts[2];
    }

    /** The token with one byte of its payload flipped. */
    static String withFlippedByte(String token) {
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 0x01;
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
    }

    /** The token's claims under the header {@code {"alg":"none"}} and without a signature. */
    static String unsigned(String token) {
        String payload = token.split("\\.")[1];
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode());
            }
            return response.body().isEmpty() ? JSON.nullNode() : parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
