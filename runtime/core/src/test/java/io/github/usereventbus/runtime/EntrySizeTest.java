package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Entry sizes and batches")
class EntrySizeTest {

    @Test
    @DisplayName("AWS's formula: 14 for Time, then UTF-8 bytes of Source, DetailType, Detail and each resource")
    void formula() {
        assertThat(EventEntries.sizeOf(false, "com.example", "Ö", "{\"a\":\"€\"}", List.of())).isEqualTo(11 + 2 + 11);
        assertThat(EventEntries.sizeOf(true, "com.example", "Ö", "{\"a\":\"€\"}", List.of("arn:a", "arn:bb")))
                .isEqualTo(14 + 11 + 2 + 11 + 5 + 6);
        // the trace header does not count
        OutgoingEvent<NotePosted> traced = OutgoingEvent.of(NotePosted.of(1)).withTraceHeader("Root=not-counted");
        EventEntry entry = new EventEntries(EventEntries.defaultMapper(), null, PublishLimits.EVENTBRIDGE)
                .prepare(List.of(traced)).get(0);
        assertThat(entry.size()).isEqualTo(EventEntries.sizeOf(false, entry.source(), entry.detailType(),
                entry.detail(), List.of()));
    }

    @Test
    @DisplayName("batches close at 10 entries or when the next entry would pass the request size")
    void batches() {
        List<EventEntry> events = IntStream.range(0, 23).mapToObj(i -> new EventEntry(i,
                OutgoingEvent.of(NotePosted.of(i)), "{}", i == 12 ? 600 : 100))
                .toList();
        assertThat(EventEntries.batches(events, PublishLimits.EVENTBRIDGE)).extracting(List::size)
                .containsExactly(10, 10, 3);
        PublishLimits small = new PublishLimits(10, 600, 1000);
        assertThat(EventEntries.batches(events, small)).extracting(List::size)
                .containsExactly(10, 5, 8);
    }
}
