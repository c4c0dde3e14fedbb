package io.touchstone.domain.interaction;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.regex.Pattern;

/**
 * The id the reporting system gave an event (an interaction or a lifecycle event): 1-128 visible ASCII characters,
 * unique per tenant and kind of event. A second report under the same id is the same event (idempotency).
 */
public record EventId(String value) {

    public static final int MAX_LENGTH = 128;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public EventId {
        if (value == null || !VISIBLE_ASCII.matcher(value).matches()) {
            throw new InvalidValue("", "event.id-invalid",
                    "an event id has 1-" + MAX_LENGTH + " visible ASCII characters (no spaces)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
