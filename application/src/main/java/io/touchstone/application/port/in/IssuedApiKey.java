package io.touchstone.application.port.in;

import io.touchstone.domain.tenant.ApiKey;

/** A freshly created key together with its secret, which is shown this one time and never stored. */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + "]";
    }
}
