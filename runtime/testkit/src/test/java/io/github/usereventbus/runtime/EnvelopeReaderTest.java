package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading envelopes")
class EnvelopeReaderTest {

    final EnvelopeReader reader = EnvelopeReader.builder()
            .event("com.example.notes", "Note Posted", "test-events/note-posted.json", NotePosted.class).build();

    @Test
    @DisplayName("from a Lambda input stream, with replay-name, and without account as an emulator sends it")
    void lambdaStreamAndOptionalFields() {
        String json = "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"Note Posted\",\"source\":\"com.example.notes\","
                + "\"time\":\"2026-11-28T12:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
                + "\"replay-name\":\"backfill-1\",\"detail\":{\"noteId\":\"00000000-0000-0000-0000-000000000001\",\"text\":\"hi\"}}";
        Envelope<BusEvent> envelope = reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(envelope.replayName()).isEqualTo("backfill-1");
        assertThat(envelope.account()).isNull();
        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(envelope.detail()).isEqualTo(new NotePosted("00000000-0000-0000-0000-000000000001", "hi", null));
        assertThat(envelope.toString()).doesNotContain("hi");
    }

    @Test
    @DisplayName("says what is wrong with what is not an envelope")
    void notAnEnvelope() {
        assertThatThrownBy(() -> reader.read("[1]")).isInstanceOf(EnvelopeException.class)
                .hasMessage("an EventBridge envelope is a JSON object");
        assertThatThrownBy(() -> reader.read("{oops")).isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("the envelope is not JSON:");
        String badTime = Envelopes.of(NotePosted.of(1)).replaceFirst("\"time\":\"[^\"]+\"", "\"time\":\"yesterday\"");
        assertThatThrownBy(() -> reader.read(badTime)).isInstanceOf(EnvelopeException.class)
                .hasMessage("the envelope's time 'yesterday' is not RFC 3339");
        String wrongShape = Envelopes.of(NotePosted.of(1)).replace("\"text\":\"note 1\"", "\"text\":{\"a\":1}");
        assertThatThrownBy(() -> reader.read(wrongShape)).isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("does not fit NotePosted");
    }
}
