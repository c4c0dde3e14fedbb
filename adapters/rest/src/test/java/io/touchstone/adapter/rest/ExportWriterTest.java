package io.touchstone.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.touchstone.domain.analytics.ExportLayout;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.interaction.InteractionId;
import io.touchstone.domain.interaction.StaffRef;
import io.touchstone.domain.journey.JourneyId;
import io.touchstone.domain.journey.StageId;
import io.touchstone.domain.journey.TouchpointId;
import io.touchstone.domain.response.Channel;
import io.touchstone.domain.response.LinkedInteraction;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.response.ResponseId;
import io.touchstone.domain.survey.LanguageTag;
import io.touchstone.domain.survey.QuestionId;
import io.touchstone.domain.survey.SurveyId;
import io.touchstone.domain.tenant.TenantId;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExportWriterTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final SurveyId SURVEY = new SurveyId(UUID.fromString("0190a0b0-0000-7000-8000-000000000001"));
    static final ExportLayout LAYOUT = new ExportLayout(List.of(new QuestionId("nps"), new QuestionId("comment"),
            new QuestionId("reason"), new QuestionId("old")));
    static final String TRICKY = "Pomalé, ale \"milé\"\r\nچرا؟\nřádek\rkonec";

    /** A call at touchpoint …0004 of stage …0003 of journey …0002, served by agent Ž of "Tým, Brno" (no location). */
    static final LinkedInteraction CALL = new LinkedInteraction(
            new InteractionId(UUID.fromString("0190a0b0-2222-7000-8000-000000000001")),
            new JourneyId(UUID.fromString("0190a0b0-2222-7000-8000-000000000002")),
            new StageId(UUID.fromString("0190a0b0-2222-7000-8000-000000000003")),
            new TouchpointId(UUID.fromString("0190a0b0-2222-7000-8000-000000000004")), Channel.PHONE,
            new StaffRef("Ž"), new StaffRef("Tým, Brno"), null);

    static Response response(int n, Channel channel, String ref, Map<String, String> metadata, Answer... answers) {
        return response(n, channel, ref, metadata, null, answers);
    }

    static Response response(int n, Channel channel, String ref, Map<String, String> metadata,
            LinkedInteraction about, Answer... answers) {
        return Response.rehydrate(new ResponseId(new UUID(0x0190a0b011117000L, 0x8000000000000000L + n)),
                new TenantId(UUID.fromString("0190a0b0-0000-7000-8000-00000000aaaa")), SURVEY, 2,
                LanguageTag.of("cs"), channel, ref, metadata, List.of(answers),
                Instant.parse("2026-01-05T09:30:00.123456789Z").plusSeconds(n), about);
    }

    static Response full() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("store", "Brno, \"Centrum\"");
        metadata.put("agent", "Ž");
        return response(1, Channel.WEB, "crm,42", metadata, CALL,
                new Answer(new QuestionId("comment"), new AnswerValue.Text(TRICKY)),
                new Answer(new QuestionId("nps"), new AnswerValue.Score(6)),
                new Answer(new QuestionId("reason"), new AnswerValue.Choice("price")));
    }

    static Response sparse() {
        return response(2, null, null, Map.of(), new Answer(new QuestionId("old"), new AnswerValue.Score(0)));
    }

    static String write(ExportWriter writer, Response... responses) {
        Buffer out = Buffer.buffer();
        writer.begin(out);
        for (Response response : responses) {
            writer.write(response, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvParsesBackToTheResponsesField_forField() {
        String csv = write(ExportWriter.of(ExportFormat.CSV, LAYOUT, JSON), full(), sparse());

        assertThat(Rfc4180.parse(csv)).containsExactly(
                List.of("response_id", "submitted_at", "survey_version", "language", "channel", "respondent_ref",
                        "interaction_id", "journey_id", "stage_id", "touchpoint_id", "employee", "team", "location",
                        "answer:nps", "answer:comment", "answer:reason", "answer:old", "metadata"),
                List.of("0190a0b0-1111-7000-8000-000000000001", "2026-01-05T09:30:01.123456Z", "2", "cs", "WEB",
                        "crm,42", "0190a0b0-2222-7000-8000-000000000001", "0190a0b0-2222-7000-8000-000000000002",
                        "0190a0b0-2222-7000-8000-000000000003", "0190a0b0-2222-7000-8000-000000000004", "Ž",
                        "Tým, Brno", "", "6", TRICKY, "price", "", "{\"agent\":\"Ž\",\"store\":\"Brno, \\\"Centrum\\\"\"}"),
                List.of("0190a0b0-1111-7000-8000-000000000002", "2026-01-05T09:30:02.123456Z", "2", "cs", "", "",
                        "", "", "", "", "", "", "", "", "", "", "0", "{}"));
    }

    @Test
    void csvQuotesExactlyTheFieldsThatNeedItAndEndsEveryRecordWithCrlf() {
        String csv = write(ExportWriter.of(ExportFormat.CSV, LAYOUT, JSON), full());

        assertThat(csv).startsWith("response_id,submitted_at,survey_version,language,channel,respondent_ref,"
                + "interaction_id,journey_id,stage_id,touchpoint_id,employee,team,location,"
                + "answer:nps,answer:comment,answer:reason,answer:old,metadata\r\n0190a0b0-1111-7000-8000-000000000001,");
        assertThat(csv).contains(",0190a0b0-2222-7000-8000-000000000004,Ž,\"Tým, Brno\",,6,");
        assertThat(csv).contains(",\"crm,42\",0190a0b0-2222-7000-8000-000000000001,");
        assertThat(csv).contains(",price,,\"Pomalé, ale \"\"milé\"\"\r\nچرا؟\nřádek\rkonec\",price,,"
                + "\"{\"\"agent\"\":\"\"Ž\"\",\"\"store\"\":\"\"Brno, \\\"\"Centrum\\\"\"\"\"}\"\r\n");
        assertThat(csv).endsWith("\r\n");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes[0]).as("no byte order mark").isEqualTo((byte) 'r');
    }

    @Test
    void jsonLinesWriteOneObjectPerLineWithAnswersInLayoutOrder() throws Exception {
        String lines = write(ExportWriter.of(ExportFormat.JSON_LINES, LAYOUT, JSON), full(), sparse());

        assertThat(lines).endsWith("}\n");
        String[] split = lines.split("\n");
        assertThat(split).hasSize(2);
        assertThat(split[0]).startsWith("{\"id\":\"0190a0b0-1111-7000-8000-000000000001\",\"surveyId\":"
                + "\"0190a0b0-0000-7000-8000-000000000001\",\"version\":2,\"language\":\"cs\",\"channel\":\"WEB\","
                + "\"respondentRef\":\"crm,42\",\"interactionId\":\"0190a0b0-2222-7000-8000-000000000001\","
                + "\"journeyId\":\"0190a0b0-2222-7000-8000-000000000002\","
                + "\"stageId\":\"0190a0b0-2222-7000-8000-000000000003\","
                + "\"touchpointId\":\"0190a0b0-2222-7000-8000-000000000004\",\"employee\":\"Ž\","
                + "\"team\":\"Tým, Brno\",\"location\":null,\"submittedAt\":\"2026-01-05T09:30:01.123456Z\","
                + "\"metadata\":{\"agent\":\"Ž\",\"store\":\"Brno, \\\"Centrum\\\"\"},\"answers\":{\"nps\":6,");
        JsonNode first = JSON.readTree(split[0]);
        assertThat(first.get("answers").fieldNames()).toIterable().containsExactly("nps", "comment", "reason");
        assertThat(first.get("answers").get("nps").isInt()).isTrue();
        assertThat(first.get("answers").get("comment").asText()).isEqualTo(TRICKY);
        assertThat(first.get("answers").get("reason").asText()).isEqualTo("price");
        JsonNode second = JSON.readTree(split[1]);
        assertThat(second.get("channel").isNull()).isTrue();
        assertThat(second.get("respondentRef").isNull()).isTrue();
        assertThat(second.get("interactionId").isNull()).isTrue();
        assertThat(second.get("employee").isNull()).isTrue();
        assertThat(second.get("metadata").size()).isZero();
        assertThat(second.get("answers").toString()).isEqualTo("{\"old\":0}");
    }

    @Test
    void jsonLinesHaveNoStart() {
        assertThat(write(ExportWriter.of(ExportFormat.JSON_LINES, LAYOUT, JSON))).isEmpty();
    }
}
