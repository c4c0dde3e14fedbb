package io.touchstone.domain.survey;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** A BCP 47 language tag such as {@code cs}, {@code fa}, {@code en-GB}, kept in its canonical form. */
public record LanguageTag(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public LanguageTag {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValue("", "language.invalid", "must be a BCP 47 language tag such as cs, fa or en-GB");
        }
        String canonical = Locale.forLanguageTag(value).toLanguageTag();
        if (canonical.split("-").length != value.split("-").length) {
            // Locale drops subtags it cannot place (e.g. "en-12"); refuse rather than store another language
            throw new InvalidValue("", "language.invalid", "'" + value + "' is not a well-formed BCP 47 tag");
        }
        value = canonical;
    }

    public static LanguageTag of(String value) {
        return new LanguageTag(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
