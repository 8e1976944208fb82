package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sample events from the schemas' examples")
class SampleEventsTest {

    /** Shaped like a generated event: a SCHEMA constant naming its schema on the classpath. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SampleNote(String text, Integer stars) implements BusEvent {
        public static final String SCHEMA = "test-events/sample-note.json";

        @Override
        public String eventSource() {
            return "com.example.notes";
        }

        @Override
        public String eventDetailType() {
            return "Sample Note";
        }

        @Override
        public String eventSchema() {
            return SCHEMA;
        }
    }

    @Test
    @DisplayName("every example of the schema binds to the event type, in order")
    void examples() {
        assertThat(SampleEvents.examples(SampleNote.class))
                .containsExactly(new SampleNote("first", 5), new SampleNote("second", null));
        assertThat(SampleEvents.example(SampleNote.class)).isEqualTo(new SampleNote("first", 5));
    }

    @Test
    @DisplayName("a sample publishes on the local bus, checked against its schema like any event")
    void publishable() {
        LocalEventBus bus = LocalEventBus.builder().build();
        assertThat(bus.publish(SampleEvents.example(SampleNote.class)).succeeded()).isTrue();
    }

    @Test
    @DisplayName("a type that is no generated event is refused with a clear message")
    void notAnEvent() {
        assertThatThrownBy(() -> SampleEvents.examples(NotePosted.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no SCHEMA constant: is it a generated event?");
        assertThatThrownBy(() -> SampleEvents.generated(SampleNote.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test-events/sample-note.json is not where the generator puts schemas");
    }
}
