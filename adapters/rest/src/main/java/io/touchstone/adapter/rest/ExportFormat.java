package io.touchstone.adapter.rest;

import io.touchstone.domain.shared.error.InvalidValue;

/** How an export is written: its media type and the extension of the file name it is offered under. */
enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    JSON_LINES("application/x-ndjson", "ndjson");

    static final String UNKNOWN = "export.format-unknown";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** The format called {@code name}; CSV when absent. */
    static ExportFormat parse(String name) {
        if (name == null) {
            return CSV;
        }
        for (ExportFormat format : values()) {
            if (format.name().equals(name)) {
                return format;
            }
        }
        throw new InvalidValue("format", UNKNOWN, "'" + name + "' is not an export format; one of CSV, JSON_LINES");
    }
}
