package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.usereventbus.runtime.internal.EntryPreparer;
import io.github.usereventbus.runtime.internal.PreparedEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

@DisplayName("Entry sizes and batches")
class EntrySizeTest {

    @Test
    @DisplayName("AWS's formula: 14 for Time, then UTF-8 bytes of Source, DetailType, Detail and each resource")
    void formula() {
        PutEventsRequestEntry bare = PutEventsRequestEntry.builder().source("com.example").detailType("Ö")
                .detail("{\"a\":\"€\"}").build();
        assertThat(EntryPreparer.sizeOf(bare)).isEqualTo(11 + 2 + 11);
        PutEventsRequestEntry full = bare.toBuilder().time(Instant.EPOCH).resources("arn:a", "arn:bb")
                .traceHeader("Root=not-counted").build();
        assertThat(EntryPreparer.sizeOf(full)).isEqualTo(14 + 11 + 2 + 11 + 5 + 6);
    }

    @Test
    @DisplayName("batches close at 10 entries or when the next entry would pass the request size")
    void batches() {
        List<PreparedEvent> events = IntStream.range(0, 23).mapToObj(i -> new PreparedEvent(i,
                OutgoingEvent.of(NotePosted.of(i)), "{}", PutEventsRequestEntry.builder().build(), i == 12 ? 600 : 100))
                .toList();
        assertThat(EntryPreparer.batches(events, PublishLimits.EVENTBRIDGE)).extracting(List::size)
                .containsExactly(10, 10, 3);
        PublishLimits small = new PublishLimits(10, 600, 1000);
        assertThat(EntryPreparer.batches(events, small)).extracting(List::size)
                .containsExactly(10, 5, 8);
    }
}
