package io.github.usereventbus.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A hand-written event, shaped like a generated one, for the runtime's own tests. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotePosted(String noteId, String text, String author) implements BusEvent {

    public static NotePosted of(int n) {
        return new NotePosted(new java.util.UUID(0, n).toString(), "note " + n, null);
    }

    @Override
    public String eventSource() {
        return "com.example.notes";
    }

    @Override
    public String eventDetailType() {
        return "Note Posted";
    }

    @Override
    public String eventSchema() {
        return "test-events/note-posted.json";
    }
}
