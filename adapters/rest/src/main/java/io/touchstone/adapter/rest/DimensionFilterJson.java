package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.QueryMetricsUseCase.FilterInput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A filter of a metrics query or an export: keeps what has (or, for NOT_IN, has not) one of the values. */
@Schema(name = "DimensionFilter", description = "A response without a value (no channel, no such attribute) never "
        + "equals and is never in a list, and is always NOT_IN one")
public record DimensionFilterJson(
        @Schema(description = "survey, question, scale, language, channel or attribute:<metadata key>",
                examples = "language") String dimension,
        @Schema(enumeration = {"EQUALS", "IN", "NOT_IN"}) String operator,
        @Schema(description = "EQUALS: exactly one value; IN, NOT_IN: 1 to 100 values. Channels: EMAIL, SMS, PHONE, "
                + "CHAT, WEB, IN_APP, IN_STORE, SOCIAL, OTHER; scales: 0-10, 1-5, 1-7, ...",
                examples = "[\"cs\",\"en\"]") List<String> values) {

    static List<FilterInput> inputs(List<DimensionFilterJson> filters) {
        return filters == null ? null
                : filters.stream().map(f -> f == null ? null : new FilterInput(f.dimension, f.operator, f.values))
                        .toList();
    }
}
