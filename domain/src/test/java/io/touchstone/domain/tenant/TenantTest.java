package io.touchstone.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchstone.domain.shared.error.InvalidValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantTest {

    private static final TenantId ID = new TenantId(UUID.fromString("0190a5e0-0000-7000-8000-00000000000a"));
    private static final Instant NOW = Instant.parse("2026-05-04T10:15:30Z");

    @ParameterizedTest
    @CsvSource({
        "Europe/Prague, Europe/Prague",
        "'  Asia/Tehran ', Asia/Tehran",
        "America/Argentina/Buenos_Aires, America/Argentina/Buenos_Aires",
        "Etc/GMT+1, Etc/GMT+1",
        "UTC, UTC"
    })
    void takesAnIanaTimeZone(String given, String zone) {
        Tenant tenant = Tenant.create(ID, "Acme", given, NOW);

        assertThat(tenant.timeZone()).isEqualTo(ZoneId.of(zone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z", "+01:00", "GMT", "UTC+2", "CET", "Europe/Atlantis", "Praha", "europe prague"})
    void refusesWhatIsNotAnIanaRegionOrUtc(String given) {
        assertThatThrownBy(() -> Tenant.create(ID, "Acme", given, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> {
                    assertThat(invalid.code()).isEqualTo("tenant.time-zone-invalid");
                    assertThat(invalid.violations()).singleElement().extracting("field").isEqualTo("timeZone");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void needsATimeZone(String given) {
        assertThatThrownBy(() -> Tenant.create(ID, "Acme", given, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, invalid -> {
                    assertThat(invalid.code()).isEqualTo("value.required");
                    assertThat(invalid.violations()).singleElement().extracting("field").isEqualTo("timeZone");
                });
    }

    @Test
    void needsANameOfAtMostTwoHundredCharacters() {
        assertThat(Tenant.create(ID, " Acme s.r.o. ", "UTC", NOW).name()).isEqualTo("Acme s.r.o.");
        assertThat(Tenant.create(ID, "ش".repeat(200), "UTC", NOW).name()).hasSize(200);
        assertThatThrownBy(() -> Tenant.create(ID, "n".repeat(201), "UTC", NOW))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo("value.too-long"));
        assertThatThrownBy(() -> Tenant.create(ID, "", "UTC", NOW))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo("value.required"));
    }

    @Test
    void keepsIdAndCreationTime() {
        Tenant tenant = Tenant.create(ID, "Acme", "Europe/Prague", NOW);

        assertThat(tenant.id()).isEqualTo(ID);
        assertThat(tenant.createdAt()).isEqualTo(NOW);
        assertThat(Tenant.rehydrate(ID, "Acme", "Europe/Prague", NOW).timeZone()).isEqualTo(ZoneId.of("Europe/Prague"));
    }
}
