package io.touchstone.domain.response;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Where the customer met the company: the channel of an interaction or of the survey invitation it answered. */
public enum Channel {
    EMAIL, SMS, PHONE, CHAT, WEB, IN_APP, IN_STORE, SOCIAL, OTHER;

    /** The channel named {@code name} (e.g. {@code WEB}); {@code channel.unknown} otherwise. */
    public static Channel parse(String name) {
        for (Channel channel : values()) {
            if (channel.name().equals(name)) {
                return channel;
            }
        }
        throw new InvalidValue("", "channel.unknown", "'" + name + "' is not a channel; one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
