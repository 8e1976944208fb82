package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For the subscriber adapters' tests: reads Note Posted envelopes strictly, as a generated dispatcher
 * would, records each, and throws for a note whose text contains "breaks", as a handler bug would.
 */
public final class RecordingNoteHandler implements EnvelopeHandler {

    private static final EnvelopeReader READER = EnvelopeReader.builder().strict(true)
            .event("com.example.notes", "Note Posted", "test-events/note-posted.json", NotePosted.class).build();

    /** The envelopes handled, in order. */
    public final List<Envelope<BusEvent>> handled = new CopyOnWriteArrayList<>();

    @Override
    public void handle(JsonNode json) {
        Envelope<BusEvent> envelope = READER.read(json);
        if (((NotePosted) envelope.detail()).text().contains("breaks")) {
            throw new IllegalStateException("handler bug");
        }
        handled.add(envelope);
    }
}
