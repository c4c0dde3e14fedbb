package io.touchstone.adapter.rest;

import static io.touchstone.adapter.rest.ExportWriterTest.JSON;
import static io.touchstone.adapter.rest.ExportWriterTest.LAYOUT;
import static io.touchstone.adapter.rest.ExportWriterTest.SURVEY;
import static io.touchstone.adapter.rest.ExportWriterTest.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.touchstone.domain.response.Answer;
import io.touchstone.domain.response.AnswerValue;
import io.touchstone.domain.response.Response;
import io.touchstone.domain.survey.QuestionId;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExportChunksTest {

    private static Multi<Response> responses(int count) {
        return Multi.createFrom().range(0, count).map(i -> response(i, null, null, Map.of(),
                new Answer(new QuestionId("nps"), new AnswerValue.Score(i % 11))));
    }

    private static Multi<Buffer> csv(Multi<Response> responses) {
        return ResponseExportResource.chunks(SURVEY, responses, ExportWriter.of(ExportFormat.CSV, LAYOUT, JSON));
    }

    private static String text(List<Buffer> chunks) {
        return String.join("", chunks.stream().map(chunk -> chunk.toString(StandardCharsets.UTF_8)).toList());
    }

    @Test
    void headerGoesOutWithTheFirstChunkAndEveryChunkHoldsAtMostTheChunkSize() {
        int count = ResponseExportResource.CHUNK_RESPONSES * 2 + 5;
        List<Buffer> chunks = csv(responses(count)).subscribe().withSubscriber(AssertSubscriber.create(100))
                .awaitCompletion().getItems();

        assertThat(chunks).hasSize(3);
        List<List<String>> records = Rfc4180.parse(text(chunks));
        assertThat(records).hasSize(count + 1);
        assertThat(records.getFirst().getFirst()).isEqualTo("response_id");
        assertThat(records.stream().skip(1).map(record -> record.get(13)).toList())
                .isEqualTo(IntStream.range(0, count).mapToObj(i -> Integer.toString(i % 11)).toList());
        assertThat(chunks.get(1).toString(StandardCharsets.UTF_8)).doesNotContain("response_id");
    }

    @Test
    void anEmptyCsvExportIsTheHeaderAloneAndAnEmptyJsonLinesExportIsNothing() {
        List<Buffer> csv = csv(Multi.createFrom().empty()).subscribe().withSubscriber(AssertSubscriber.create(10))
                .awaitCompletion().getItems();
        assertThat(Rfc4180.parse(text(csv))).hasSize(1);

        List<Buffer> lines = ResponseExportResource.chunks(SURVEY, Multi.createFrom().empty(),
                        ExportWriter.of(ExportFormat.JSON_LINES, LAYOUT, JSON))
                .subscribe().withSubscriber(AssertSubscriber.create(10)).awaitCompletion().getItems();
        assertThat(lines).isEmpty();
    }

    @Test
    void readsAheadOnlyAsFarAsTheConnectionAsked() {
        AtomicLong requested = new AtomicLong();
        Multi<Response> counted = responses(100_000).onRequest().invoke(requested::addAndGet);

        AssertSubscriber<Buffer> connection = csv(counted).subscribe().withSubscriber(AssertSubscriber.create(0));
        assertThat(requested.get()).isZero();
        connection.request(1);
        connection.awaitItems(1);
        assertThat(requested.get()).isEqualTo(ResponseExportResource.CHUNK_RESPONSES);
        connection.request(2);
        connection.awaitItems(3);
        assertThat(requested.get()).isEqualTo(3L * ResponseExportResource.CHUNK_RESPONSES);
        connection.cancel();
    }

    @Test
    void aFailureBeforeTheFirstChunkStaysItselfSoThatItCanStillBeAnsweredWithAProblem() {
        IllegalStateException failure = new IllegalStateException("database down");
        AssertSubscriber<Buffer> connection = csv(Multi.createFrom().failure(failure)).subscribe()
                .withSubscriber(AssertSubscriber.create(10));

        connection.awaitFailure();
        assertThat(connection.getItems()).isEmpty();
        assertThat(connection.getFailure()).isSameAs(failure);
    }

    @Test
    void aFailureAfterTheFirstChunkEndsTheStreamAfterWhatWasSent() {
        IllegalStateException failure = new IllegalStateException("connection lost");
        Multi<Response> failing = Multi.createBy().concatenating()
                .streams(responses(ResponseExportResource.CHUNK_RESPONSES + 3), Multi.createFrom().failure(failure));
        AssertSubscriber<Buffer> connection = csv(failing).subscribe().withSubscriber(AssertSubscriber.create(10));

        connection.awaitFailure();
        assertThat(connection.getItems()).hasSize(1);
        assertThat(Rfc4180.parse(text(connection.getItems()))).hasSize(1 + ResponseExportResource.CHUNK_RESPONSES);
        assertThat(connection.getFailure()).isSameAs(failure);
    }
}
