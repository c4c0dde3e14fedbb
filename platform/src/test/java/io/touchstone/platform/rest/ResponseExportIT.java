package io.touchstone.platform.rest;

import static io.touchstone.platform.rest.RestFixtures.CONFIG;
import static io.touchstone.platform.rest.RestFixtures.api;
import static io.touchstone.platform.rest.RestFixtures.json;
import static io.touchstone.platform.rest.RestFixtures.keyWith;
import static io.touchstone.platform.rest.RestFixtures.newTenant;
import static io.touchstone.platform.rest.RestFixtures.problem;
import static io.touchstone.platform.rest.RestFixtures.publishedSurvey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.touchstone.adapter.rest.Rfc4180;
import io.touchstone.platform.support.SubmissionClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/responses/export} against the running service and PostgreSQL: what is exported, parsed back,
 * is exactly what was submitted. Responses get chosen submission times through {@link SubmissionClock} (a test-only
 * trigger of the test database), in March 2026 of the tenant's time zone (Europe/Prague).
 */
@QuarkusTest
class ResponseExportIT {

    private static final String EXPORT = "/api/v1/responses/export";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARCH = "\"from\": \"2026-03-01\", \"to\": \"2026-04-01\"";

    static final String PERSIAN = "خیلی خوب بود، ممنون! \"عالی\"\r\nخط دوم";
    static final String CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy, \"řekl\" —\nnový řádek\rjen CR";

    /** The questions of version 2 in its order, then those only version 1 had (one is called channel). */
    static final List<String> QUESTIONS = List.of("speed", "nps", "csat", "ces", "effort", "comment", "channel");
    /** The columns: the fixed ones, one per question, the metadata. */
    static final List<String> HEADER = java.util.stream.Stream.of(
            List.of("response_id", "submitted_at", "survey_version", "language", "channel", "respondent_ref",
                    "interaction_id", "journey_id", "stage_id", "touchpoint_id", "employee", "team", "location"),
            QUESTIONS.stream().map(question -> "answer:" + question).toList(),
            List.of("metadata")).flatMap(List::stream).toList();

    @BeforeAll
    static void installClock() {
        SubmissionClock.install();
    }

    @AfterAll
    static void uninstallClock() {
        SubmissionClock.uninstall();
    }

    /** A response as submitted, and as it must come back. */
    record Submitted(String id, Instant at, int version, String language, String channel, String respondentRef,
            Map<String, String> metadata, Map<String, Object> answers) {
    }

    /** The export's order: submission time, then id (as PostgreSQL orders uuids: the order of their hex text). */
    static final Comparator<Submitted> EXPORT_ORDER = Comparator.comparing(Submitted::at)
            .thenComparing(Submitted::id);

    /**
     * A tenant, its survey (two published versions) and its responses: those of March by letter, in export order,
     * and the one of April.
     */
    record Dataset(String key, String survey, Map<String, Submitted> byLetter, List<Submitted> march,
            Submitted april) {

        /** The ids of the March responses named by their letters, in export order. */
        List<String> ids(String... letters) {
            return List.of(letters).stream().map(byLetter::get).sorted(EXPORT_ORDER).map(Submitted::id).toList();
        }
    }

    /**
     * E (28 Feb 23:30 UTC: 1 March in Prague), A, B and C at the same instant, F (version 2); D on 31 March 22:30 UTC,
     * already 1 April in Prague (summer time), is outside March.
     */
    static Dataset dataset() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);
        Map<String, String> richMetadata = new LinkedHashMap<>();
        richMetadata.put("store", "Brno, \"Centrum\"");
        richMetadata.put("note", "řádek 1\nřádek 2");
        richMetadata.put("a.key", "ž");
        Submitted e = submit(key, survey, "2026-02-28T23:30:00Z", 1, "cs", "EMAIL", null, Map.of("store", "Praha"),
                answers("nps", 10, "comment", "ok, díky"));
        Submitted a = submit(key, survey, "2026-03-02T08:00:00Z", 1, "fa", "WEB", "customer-42, VIP", richMetadata,
                answers("nps", 9, "csat", 4, "ces", 6, "effort", 2, "comment", PERSIAN, "channel", "web"));
        Submitted b = submit(key, survey, "2026-03-03T09:15:30.123456Z", 1, "cs", null, null, Map.of(),
                answers("comment", CZECH, "nps", 0));
        Submitted c = submit(key, survey, "2026-03-03T09:15:30.123456Z", 1, "en", "IN_STORE", "=cmd|' /C calc'!A0",
                Map.of("store", "Praha"), answers("channel", "phone", "csat", 1));
        Submitted d = submit(key, survey, "2026-03-31T22:30:00Z", 1, "cs", "WEB", null, Map.of(),
                answers("nps", 5));
        json(RestFixtures.asTenant(key), """
                {"defaultLanguage": "en", "title": {"en": "Satisfaction, v2"},
                 "questions": [{"id": "speed", "type": "CSAT", "scale": 5, "satisfiedFrom": 4,
                                "text": {"en": "How fast were we?"}},
                               {"id": "nps", "type": "NPS", "text": {"en": "Recommend us?"}}]}
                """).put("/api/v1/surveys/{id}", survey).then().statusCode(200);
        RestFixtures.asTenant(key).post("/api/v1/surveys/{id}/publish", survey).then().statusCode(200);
        Submitted f = submit(key, survey, "2026-03-10T12:00:00Z", 2, "en", "SMS", "r-7", Map.of("store", "Brno"),
                answers("speed", 5, "nps", 8));
        Map<String, Submitted> byLetter = Map.of("E", e, "A", a, "B", b, "C", c, "F", f);
        List<Submitted> march = byLetter.values().stream().sorted(EXPORT_ORDER).toList();
        return new Dataset(key, survey, byLetter, march, d);
    }

    // --- CSV ----------------------------------------------------------------------------------------------------

    @Test
    void csvParsesBackToExactlyTheSubmittedResponses() throws Exception {
        Dataset data = dataset();

        var exported = export(data.key(), "text/csv", "{\"surveyId\": \"%s\", %s}".formatted(data.survey(), MARCH))
                .statusCode(200)
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"responses-" + data.survey() + ".csv\"")
                .header("Transfer-Encoding", "chunked")
                .header("Cache-Control", "no-store")
                .extract();
        byte[] bytes = exported.asByteArray();
        assertThat(bytes[0]).as("no byte order mark").isEqualTo((byte) 'r');
        List<List<String>> records = Rfc4180.parse(new String(bytes, StandardCharsets.UTF_8));

        assertThat(records.getFirst()).isEqualTo(HEADER);
        assertThat(records).hasSize(1 + data.march().size());
        for (int i = 0; i < data.march().size(); i++) {
            Submitted expected = data.march().get(i);
            List<String> record = records.get(i + 1);
            assertThat(record).hasSize(HEADER.size());
            assertThat(record.subList(0, 6)).containsExactly(expected.id(), expected.at().toString(),
                    Integer.toString(expected.version()), expected.language(),
                    expected.channel() == null ? "" : expected.channel(),
                    expected.respondentRef() == null ? "" : expected.respondentRef());
            assertThat(record.subList(6, 13)).as("about no interaction").containsOnly("");
            for (int q = 0; q < QUESTIONS.size(); q++) {
                Object answer = expected.answers().get(QUESTIONS.get(q));
                assertThat(record.get(13 + q)).as("%s of %s", QUESTIONS.get(q), expected.id())
                        .isEqualTo(answer == null ? "" : answer.toString());
            }
            String metadata = record.get(20);
            assertThat(JSON.readValue(metadata, new TypeReference<Map<String, String>>() {
            })).isEqualTo(expected.metadata());
            assertThat(metadata).isEqualTo(JSON.writeValueAsString(new TreeMap<>(expected.metadata())));
        }
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as("sorted compact metadata, quoted and quotes doubled")
                .contains(",\"{\"\"a.key\"\":\"\"ž\"\",\"\"note\"\":\"\"řádek 1\\nřádek 2\"\",\"\"store\"\":"
                        + "\"\"Brno, \\\"\"Centrum\\\"\"\"\"}\"\r\n")
                .doesNotContain(data.april().id());
    }

    @Test
    void anExportWithoutResponsesIsTheHeaderAloneOrNothingAtAll() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);

        String csv = new String(export(key, "{\"surveyId\": \"%s\", %s}".formatted(survey, MARCH)).statusCode(200)
                .header("Content-Type", "text/csv; charset=utf-8")
                .extract().body().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("response_id,submitted_at,survey_version,language,channel,respondent_ref,"
                + "interaction_id,journey_id,stage_id,touchpoint_id,employee,team,location,answer:nps,answer:csat,answer:ces,answer:effort,answer:comment,answer:channel,metadata\r\n");
        byte[] lines = export(key, "{\"surveyId\": \"%s\", %s, \"format\": \"JSON_LINES\"}".formatted(survey, MARCH))
                .statusCode(200)
                .header("Content-Type", "application/x-ndjson")
                .extract().asByteArray();
        assertThat(lines).isEmpty();
    }

    // --- JSON Lines -------------------------------------------------------------------------------------------------

    @Test
    void jsonLinesCarryExactlyTheSubmittedResponsesOnePerLine() throws Exception {
        Dataset data = dataset();

        var exported = export(data.key(), "application/x-ndjson",
                "{\"surveyId\": \"%s\", %s, \"format\": \"JSON_LINES\"}"
                .formatted(data.survey(), MARCH))
                .statusCode(200)
                .header("Content-Type", "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"responses-" + data.survey() + ".ndjson\"")
                .extract();
        String text = new String(exported.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n");
        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(data.march().size() + 1);
        assertThat(lines[lines.length - 1]).isEmpty();
        for (int i = 0; i < data.march().size(); i++) {
            Submitted expected = data.march().get(i);
            Map<String, Object> line = JSON.readValue(lines[i], new TypeReference<LinkedHashMap<String, Object>>() {
            });
            assertThat(line.keySet()).containsExactly("id", "surveyId", "version", "language", "channel",
                    "respondentRef", "interactionId", "journeyId", "stageId", "touchpointId", "employee", "team",
                    "location", "submittedAt", "metadata", "answers");
            assertThat(line.get("interactionId")).isNull();
            assertThat(line.get("team")).isNull();
            assertThat(line).containsEntry("id", expected.id()).containsEntry("surveyId", data.survey())
                    .containsEntry("version", expected.version()).containsEntry("language", expected.language())
                    .containsEntry("channel", expected.channel())
                    .containsEntry("respondentRef", expected.respondentRef())
                    .containsEntry("submittedAt", expected.at().toString())
                    .containsEntry("metadata", expected.metadata());
            assertThat(line.get("answers")).isEqualTo(expected.answers());
            @SuppressWarnings("unchecked")
            Map<String, Object> answers = (Map<String, Object>) line.get("answers");
            assertThat(answers.keySet()).as("in column order")
                    .containsExactlyElementsOf(QUESTIONS.stream().filter(expected.answers()::containsKey).toList());
        }
    }

    // --- what is exported -------------------------------------------------------------------------------------------

    @Test
    void filtersScoreRangesAndDaysSelectTheResponses() {
        Dataset data = dataset();
        String survey = data.survey();

        assertThat(exportedIds(data, "\"filters\": [{\"dimension\": \"channel\", \"operator\": \"IN\", "
                + "\"values\": [\"WEB\", \"EMAIL\"]}]")).isEqualTo(data.ids("E", "A"));
        assertThat(exportedIds(data, "\"filters\": [{\"dimension\": \"channel\", \"operator\": \"NOT_IN\", "
                + "\"values\": [\"WEB\"]}]")).isEqualTo(data.ids("E", "B", "C", "F"));
        assertThat(exportedIds(data, "\"filters\": [{\"dimension\": \"attribute:store\", \"operator\": \"EQUALS\", "
                + "\"values\": [\"Brno, \\\"Centrum\\\"\"]}]")).isEqualTo(data.ids("A"));
        assertThat(exportedIds(data, "\"filters\": [{\"dimension\": \"attribute:store\", \"operator\": \"NOT_IN\", "
                + "\"values\": [\"Praha\"]}]")).isEqualTo(data.ids("A", "B", "F"));
        assertThat(exportedIds(data, "\"filters\": [{\"dimension\": \"language\", \"operator\": \"EQUALS\", "
                + "\"values\": [\"cs\"]}]")).isEqualTo(data.ids("E", "B"));
        assertThat(exportedIds(data, "\"scoreRanges\": [{\"questionId\": \"nps\", \"min\": 0, \"max\": 6}]"))
                .isEqualTo(data.ids("B"));
        assertThat(exportedIds(data, "\"scoreRanges\": [{\"questionId\": \"nps\", \"min\": 8, \"max\": 10}], "
                + "\"filters\": [{\"dimension\": \"channel\", \"operator\": \"NOT_IN\", \"values\": [\"EMAIL\"]}]"))
                .isEqualTo(data.ids("A", "F"));
        assertThat(exportedIds(data, "\"scoreRanges\": [{\"questionId\": \"csat\", \"min\": 1, \"max\": 5}, "
                + "{\"questionId\": \"nps\", \"min\": 0, \"max\": 10}]")).isEqualTo(data.ids("A"));

        List<String> thirdOfMarch = ids(new String(export(data.key(), """
                {"surveyId": "%s", "from": "2026-03-03", "to": "2026-03-04", "format": "JSON_LINES"}
                """.formatted(survey)).statusCode(200).extract().body().asByteArray(), StandardCharsets.UTF_8));
        assertThat(thirdOfMarch).isEqualTo(data.ids("B", "C"));
        List<String> april = ids(new String(export(data.key(), """
                {"surveyId": "%s", "from": "2026-04-01", "to": "2026-05-01", "format": "JSON_LINES"}
                """.formatted(survey)).statusCode(200).extract().body().asByteArray(), StandardCharsets.UTF_8));
        assertThat(april).containsExactly(data.april().id());
    }

    @Test
    void anotherTenantsSurveyIsNotFoundAndItsResponsesNeverExported() {
        Dataset data = dataset();
        String other = newTenant().adminKey();
        String othersSurvey = publishedSurvey(other);

        problem(export(other, "{\"surveyId\": \"%s\", %s}".formatted(data.survey(), MARCH)), 404,
                "survey.not-found", null);
        String csv = new String(export(other, "{\"surveyId\": \"%s\", %s}".formatted(othersSurvey, MARCH))
                .statusCode(200)
                .extract().body().asByteArray(), StandardCharsets.UTF_8);
        assertThat(Rfc4180.parse(csv)).hasSize(1);
    }

    // --- refusals --------------------------------------------------------------------------------------------------

    @Test
    void anUnknownFormatIsRefusedTogetherWithTheOtherFieldsBeforeTheSurveyIsLookedUp() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);

        problem(export(key, "{\"surveyId\": \"%s\", %s, \"format\": \"XLSX\"}".formatted(survey, MARCH)), 400,
                "export.format-unknown", "format");
        problem(export(key, "{\"surveyId\": \"%s\", %s, \"format\": \"csv\"}".formatted(survey, MARCH)), 400,
                "export.format-unknown", "format");
        problem(export(key, "{\"surveyId\": \"%s\", \"to\": \"2026-04-01\", \"format\": \"PDF\"}".formatted(survey)),
                400, "value.required", "from")
                .body("violations.field", equalTo(List.of("from", "format")))
                .body("violations.code", equalTo(List.of("value.required", "export.format-unknown")));
        problem(export(key, "{\"surveyId\": \"%s\", %s, \"format\": \"PDF\"}".formatted(UUID.randomUUID(), MARCH)),
                400, "export.format-unknown", "format");
    }

    @Test
    void badRequestsAreProblemsWithTheirField() {
        String key = newTenant().adminKey();
        String survey = publishedSurvey(key);

        problem(export(key, "{" + MARCH + "}"), 400, "value.required", "surveyId");
        problem(export(key, "{\"surveyId\": \"%s\", \"from\": \"2026-03-01\", \"to\": \"2026-03-01\"}"
                .formatted(survey)), 400, "query.range-empty", "to");
        problem(export(key, "{\"surveyId\": \"%s\", \"from\": \"1.3.2026\", \"to\": \"2026-04-01\"}"
                .formatted(survey)), 400, "query.date-invalid", "from");
        problem(export(key, ("{\"surveyId\": \"%s\", %s, \"filters\": [{\"dimension\": \"survey\", "
                + "\"operator\": \"EQUALS\", \"values\": [\"x\"]}]}").formatted(survey, MARCH)), 400,
                "query.dimension-not-applicable", "filters[0].dimension");
        problem(export(key, ("{\"surveyId\": \"%s\", %s, \"filters\": [{\"dimension\": \"channel\", "
                + "\"operator\": \"IN\", \"values\": [\"FAX\"]}]}").formatted(survey, MARCH)), 400,
                "channel.unknown", "filters[0].values[0]");
        problem(export(key, ("{\"surveyId\": \"%s\", %s, \"scoreRanges\": [{\"questionId\": \"nps\", "
                + "\"min\": 0, \"max\": 11}]}").formatted(survey, MARCH)), 400, "query.score-range-invalid",
                "scoreRanges[0]");
        problem(export(key, "{\"surveyId\": \"%s\", \"from\": 20260301, \"to\": \"2026-04-01\"}".formatted(survey)),
                400, "request.wrong-type", "from");
        problem(export(key, "{\"surveyId\": \"%s\", %s, \"format\": 1}".formatted(survey, MARCH)), 400,
                "request.wrong-type", "format");
        problem(export(key, "{\"surveyId\": \"%s\", %s, \"fromat\": \"CSV\"}".formatted(survey, MARCH)), 400,
                "request.unknown-field", "fromat");
        problem(export(key, ""), 400, "request.body-required", null);
        problem(export(key, "{\"surveyId\": \"%s\", %s}".formatted(UUID.randomUUID(), MARCH)), 404,
                "survey.not-found", null);
        problem(export(key, "{\"surveyId\": \"nope\", %s}".formatted(MARCH)), 404, "survey.not-found", null);
    }

    @Test
    void exportsNeedACredentialWithTheResponsesScope() {
        String admin = newTenant().adminKey();
        String survey = publishedSurvey(admin);
        String body = "{\"surveyId\": \"%s\", %s}".formatted(survey, MARCH);

        problem(json(given().config(CONFIG).accept("*/*"), body).post(EXPORT).then(), 401,
                "auth.credentials-missing", null);
        problem(export("tsk_0123456789abcdef01234567_" + "x".repeat(43), body), 401, "auth.key-invalid", null);
        problem(export(keyWith(admin, "metrics:read", "surveys:read"), body), 403, "auth.scope-missing", null);
        export(keyWith(admin, "responses:read"), body).statusCode(200)
                .header("Content-Type", "text/csv; charset=utf-8");
    }

    @Test
    void theOpenApiDocumentDescribesTheDownload() {
        api().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/responses/export'.post.tags", equalTo(List.of("Responses")))
                .body("paths.'/api/v1/responses/export'.post.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/ExportRequest"))
                .body("paths.'/api/v1/responses/export'.post.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/v1/responses/export'.post.responses.'200'.content", hasKey("application/x-ndjson"))
                .body("paths.'/api/v1/responses/export'.post.responses.'200'.headers", hasKey("Content-Disposition"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static ValidatableResponse export(String key, String body) {
        return export(key, "*/*", body);
    }

    private static ValidatableResponse export(String key, String accept, String body) {
        RequestSpecification download = given().config(CONFIG).accept(accept).header("X-API-Key", key);
        return json(download, body).post(EXPORT).then();
    }

    private static List<String> exportedIds(Dataset data, String criteria) {
        String body = "{\"surveyId\": \"%s\", %s, %s}".formatted(data.survey(), MARCH, criteria);
        String csv = new String(export(data.key(), body)
                .statusCode(200).extract().body().asByteArray(), StandardCharsets.UTF_8);
        List<List<String>> records = Rfc4180.parse(csv);
        assertThat(records.getFirst()).isEqualTo(HEADER);
        return records.stream().skip(1).map(List::getFirst).toList();
    }

    private static List<String> ids(String jsonLines) {
        return jsonLines.lines().map(line -> {
            try {
                return (String) JSON.readValue(line, Map.class).get("id");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Question ids and values, alternating: an int is a score, a string a text (comment) or option id. */
    private static Map<String, Object> answers(Object... pairs) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put((String) pairs[i], pairs[i + 1]);
        }
        return answers;
    }

    private static Submitted submit(String key, String survey, String at, int version, String language,
            String channel, String respondentRef, Map<String, String> metadata, Map<String, Object> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("language", language);
        if (channel != null) {
            body.put("channel", channel);
        }
        if (respondentRef != null) {
            body.put("respondentRef", respondentRef);
        }
        body.put("metadata", metadata);
        List<Map<String, Object>> list = new ArrayList<>();
        answers.forEach((question, value) -> list.add(Map.of("questionId", question,
                value instanceof Integer ? "score" : question.equals("channel") ? "choice" : "text", value)));
        body.put("answers", list);
        try {
            String id = RestFixtures.submit(key, survey, SubmissionClock.at(Instant.parse(at)),
                    JSON.writeValueAsString(body)).statusCode(201).extract().path("id");
            return new Submitted(id, Instant.parse(at), version, language, channel, respondentRef, metadata, answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
