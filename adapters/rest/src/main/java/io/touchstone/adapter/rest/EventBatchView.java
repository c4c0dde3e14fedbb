package io.touchstone.adapter.rest;

import io.touchstone.application.port.in.EventResult;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One result per event of a batch, in the order of the events. */
@Schema(name = "EventBatchResult")
public record EventBatchView(
        @Schema(description = "Events stored now") int stored,
        @Schema(description = "Events stored before with the same content; nothing written") int duplicates,
        @Schema(description = "Events refused; nothing stored for them") int rejected,
        List<Item> results) {

    @Schema(name = "EventResult")
    public record Item(
            @Schema(description = "Position of the event in the batch, from 0") int index,
            @Schema(description = "The event id as sent") String eventId,
            @Schema(enumeration = {"STORED", "DUPLICATE", "REJECTED"}) String result,
            @Schema(description = "STORED, DUPLICATE: the stored event's id") String id,
            @Schema(description = "STORED, DUPLICATE: when it was recorded") Instant recordedAt,
            @Schema(description = "REJECTED: why, with the event's field paths") Problem error) {
    }

    record Stored(String id, Instant recordedAt) {
    }

    static <T> EventBatchView of(List<EventResult<T>> results, Function<T, Stored> stored, String path) {
        List<Item> items = IntStream.range(0, results.size()).mapToObj(i -> switch (results.get(i)) {
            case EventResult.Stored<T>(String eventId, T event) -> item(i, eventId, "STORED", stored.apply(event));
            case EventResult.Duplicate<T>(String eventId, T event) ->
                    item(i, eventId, "DUPLICATE", stored.apply(event));
            case EventResult.Rejected<T>(String eventId, var reason) ->
                    new Item(i, eventId, "REJECTED", null, null, ProblemMapper.problemOf(reason, path));
        }).toList();
        return new EventBatchView(count(items, "STORED"), count(items, "DUPLICATE"), count(items, "REJECTED"), items);
    }

    private static Item item(int index, String eventId, String result, Stored stored) {
        return new Item(index, eventId, result, stored.id(), Timestamps.of(stored.recordedAt()), null);
    }

    private static int count(List<Item> items, String result) {
        return (int) items.stream().filter(item -> item.result().equals(result)).count();
    }
}
