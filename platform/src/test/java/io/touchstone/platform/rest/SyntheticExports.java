package io.touchstone.platform.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The export use case replaced by {@link SyntheticExport}. */
public class SyntheticExports implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SyntheticExport.class);
    }
}
