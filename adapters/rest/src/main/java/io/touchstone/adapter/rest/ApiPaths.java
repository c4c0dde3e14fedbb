package io.touchstone.adapter.rest;

/** Where the REST API lives and the names of the headers it reads. */
final class ApiPaths {

    static final String ROOT = "/api/v1";
    static final String ADMIN = ROOT + "/admin";

    static final String API_KEY_HEADER = "X-API-Key";
    /** Where a cross-tenant service names the tenant it acts for. */
    static final String TENANT_HEADER = "X-Tenant-Id";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** OpenAPI security scheme names. */
    static final String API_KEY_SCHEME = "ApiKey";
    static final String OPERATOR_SCHEME = "OperatorToken";
    static final String SERVICE_TOKEN_SCHEME = "ServiceToken";

    private ApiPaths() {
    }

    static boolean isApi(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    static boolean isAdmin(String path) {
        return path.equals(ADMIN) || path.startsWith(ADMIN + "/");
    }
}
