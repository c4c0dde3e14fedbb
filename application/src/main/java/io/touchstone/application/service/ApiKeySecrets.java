package io.touchstone.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of API keys: {@code tsk_<lookup id>_<secret>}, with a 96-bit public lookup id (hex) and a 256-bit secret
 * (base64url). Storage keeps the lookup id and the SHA-256 of the whole key; a key of this entropy needs no slow hash.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "tsk_";
    private static final Pattern FORM = Pattern.compile("tsk_([0-9a-f]{24})_([A-Za-z0-9_-]{43})");

    private final SecureRandom random = new SecureRandom();

    /** A new key: the text handed to the client once, its lookup id and the hash to store. */
    public record Generated(String presentable, String lookupId, byte[] hash) {
        @Override
        public String toString() {
            return "Generated[lookupId=" + lookupId + "]";
        }
    }

    /** A presented key, split: the lookup id to find it by and the hash to compare. */
    public record Presented(String lookupId, byte[] hash) {
    }

    public Generated generate() {
        byte[] lookup = new byte[12];
        byte[] secret = new byte[32];
        random.nextBytes(lookup);
        random.nextBytes(secret);
        String lookupId = HexFormat.of().formatHex(lookup);
        String presentable = PREFIX + lookupId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(presentable, lookupId, sha256(presentable));
    }

    /** Empty when the text does not have the form of a key at all. */
    public Optional<Presented> parse(String presented) {
        var matcher = FORM.matcher(presented.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Presented(matcher.group(1), sha256(matcher.group())));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
