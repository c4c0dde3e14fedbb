package io.touchstone.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchstone.domain.analytics.ExportLayout;
import io.touchstone.domain.interaction.LocationRef;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.survey.QuestionId;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes exported responses as bytes, UTF-8 without a byte order mark: a start (the CSV header row; nothing for JSON
 * Lines), then one record per response.
 */
sealed interface ExportWriter {

    /** What comes before the first response. */
    void begin(Buffer out);

    /** One response. */
    void write(Response response, Buffer out);

    static ExportWriter of(ExportFormat format, ExportLayout layout, ObjectMapper json) {
        return switch (format) {
            case CSV -> new Csv(layout, json);
            case JSON_LINES -> new JsonLines(layout, json);
        };
    }

    /**
     * RFC 4180: records end with CRLF; a field is quoted when it holds a comma, a double quote, CR or LF, and a double
     * quote inside it is doubled. Columns: {@link #FIXED_COLUMNS}, one per question of the layout, named
     * {@code answer:<question id>} (the score, the option id or the text; empty when not answered), then the metadata
     * as a compact JSON object with sorted keys. Question ids cannot contain ':', so no question column can take the
     * name of a fixed column (a question may well be called {@code channel}).
     */
    final class Csv implements ExportWriter {

        static final List<String> FIXED_COLUMNS = List.of("response_id", "submitted_at", "survey_version", "language",
                "channel", "respondent_ref", "interaction_id", "journey_id", "stage_id", "touchpoint_id", "employee",
                "team", "location");
        static final String METADATA_COLUMN = "metadata";
        static final String ANSWER_PREFIX = "answer:";

        private final ExportLayout layout;
        private final Map<QuestionId, Integer> columns = new HashMap<>();
        private final ObjectMapper json;

        Csv(ExportLayout layout, ObjectMapper json) {
            this.layout = layout;
            this.json = json;
            for (int i = 0; i < layout.questions().size(); i++) {
                columns.put(layout.questions().get(i), i);
            }
        }

        @Override
        public void begin(Buffer out) {
            StringBuilder line = new StringBuilder();
            for (String column : FIXED_COLUMNS) {
                field(line, column);
            }
            for (QuestionId question : layout.questions()) {
                field(line, ANSWER_PREFIX + question.value());
            }
            field(line, METADATA_COLUMN);
            end(line, out);
        }

        @Override
        public void write(Response response, Buffer out) {
            StringBuilder line = new StringBuilder(256);
            field(line, response.id().value().toString());
            field(line, Timestamps.of(response.submittedAt()).toString());
            field(line, Integer.toString(response.surveyVersion()));
            field(line, response.language().value());
            field(line, response.channel().map(Enum::name).orElse(""));
            field(line, response.respondentRef().orElse(""));
            Optional<LinkedInteraction> link = response.interaction();
            field(line, link.map(l -> l.interaction().toString()).orElse(""));
            field(line, link.map(l -> l.journey().toString()).orElse(""));
            field(line, link.map(l -> l.stage().toString()).orElse(""));
            field(line, link.map(l -> l.touchpoint().toString()).orElse(""));
            field(line, link.flatMap(LinkedInteraction::employeeIfKnown).map(StaffRef::value).orElse(""));
            field(line, link.flatMap(LinkedInteraction::teamIfKnown).map(StaffRef::value).orElse(""));
            field(line, link.flatMap(LinkedInteraction::locationIfKnown).map(LocationRef::value).orElse(""));
            String[] answers = new String[layout.questions().size()];
            for (Answer answer : response.answers()) {
                answers[column(answer.questionId())] = cell(answer.value());
            }
            for (String answer : answers) {
                field(line, answer == null ? "" : answer);
            }
            field(line, JsonLines.compact(json, JsonLines.sorted(response.metadata())));
            end(line, out);
        }

        private int column(QuestionId question) {
            Integer column = columns.get(question);
            if (column == null) {
                // the layout holds the questions of every version: an answer outside it would be lost silently
                throw new IllegalStateException("answer to '" + question + "' has no column in the export layout");
            }
            return column;
        }

        private static String cell(AnswerValue value) {
            return switch (value) {
                case AnswerValue.Score(int score) -> Integer.toString(score);
                case AnswerValue.Text(String text) -> text;
                case AnswerValue.Choice(String optionId) -> optionId;
            };
        }

        /** Appends {@code value} as the next field of {@code line}, quoted when it must be. */
        static void field(StringBuilder line, String value) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            if (!needsQuotes(value)) {
                line.append(value);
                return;
            }
            line.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
            line.append('"');
        }

        private static boolean needsQuotes(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                    return true;
                }
            }
            return false;
        }

        private static void end(StringBuilder line, Buffer out) {
            line.append("\r\n");
            out.appendString(line.toString());
        }
    }

    /**
     * One JSON object per line (LF):
     * {@code {"id","surveyId","version","language","channel","respondentRef","interactionId","journeyId","stageId",
     * "touchpointId","employee","team","location","submittedAt","metadata","answers"}}, channel, respondentRef and
     * what the response inherited from its interaction null when not given, metadata with sorted keys, answers keyed by question id in the
     * layout's order, only the questions answered: a score is a number, a free text a string, a choice the option id
     * as a string.
     */
    final class JsonLines implements ExportWriter {

        private final Map<QuestionId, Integer> order = new HashMap<>();
        private final ObjectMapper json;

        JsonLines(ExportLayout layout, ObjectMapper json) {
            this.json = json;
            for (int i = 0; i < layout.questions().size(); i++) {
                order.put(layout.questions().get(i), i);
            }
        }

        /** A response as one line of JSON Lines. */
        record Line(UUID id, UUID surveyId, int version, String language, String channel, String respondentRef,
                UUID interactionId, UUID journeyId, UUID stageId, UUID touchpointId, String employee, String team,
                String location, Instant submittedAt, SortedMap<String, String> metadata,
                Map<String, Object> answers) {
        }

        @Override
        public void begin(Buffer out) {
        }

        @Override
        public void write(Response response, Buffer out) {
            Map<String, Object> answers = new LinkedHashMap<>();
            response.answers().stream()
                    .sorted(java.util.Comparator.comparingInt(answer -> position(answer.questionId())))
                    .forEach(answer -> answers.put(answer.questionId().value(), value(answer.value())));
            Optional<LinkedInteraction> link = response.interaction();
            Line line = new Line(response.id().value(), response.surveyId().value(), response.surveyVersion(),
                    response.language().value(), response.channel().map(Enum::name).orElse(null),
                    response.respondentRef().orElse(null), link.map(l -> l.interaction().value()).orElse(null),
                    link.map(l -> l.journey().value()).orElse(null), link.map(l -> l.stage().value()).orElse(null),
                    link.map(l -> l.touchpoint().value()).orElse(null),
                    link.flatMap(LinkedInteraction::employeeIfKnown).map(StaffRef::value).orElse(null),
                    link.flatMap(LinkedInteraction::teamIfKnown).map(StaffRef::value).orElse(null),
                    link.flatMap(LinkedInteraction::locationIfKnown).map(LocationRef::value).orElse(null),
                    Timestamps.of(response.submittedAt()),
                    sorted(response.metadata()), answers);
            try {
                out.appendBytes(json.writeValueAsBytes(line)).appendByte((byte) '\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        private int position(QuestionId question) {
            Integer position = order.get(question);
            if (position == null) {
                throw new IllegalStateException("answer to '" + question + "' is not in the export layout");
            }
            return position;
        }

        private static Object value(AnswerValue value) {
            return switch (value) {
                case AnswerValue.Score(int score) -> score;
                case AnswerValue.Text(String text) -> text;
                case AnswerValue.Choice(String optionId) -> optionId;
            };
        }

        static SortedMap<String, String> sorted(Map<String, String> metadata) {
            return new TreeMap<>(metadata);
        }

        static String compact(ObjectMapper json, Map<String, String> metadata) {
            try {
                return json.writeValueAsString(metadata);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
