package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Validating details at run time")
class SchemaValidatorTest {

    final SchemaValidator validator = new SchemaValidator();
    final ObjectMapper json = new ObjectMapper();

    @Test
    @DisplayName("an Iglu self-describing schema validates as draft 04, offline")
    void iglu() throws Exception {
        assertThat(validator.validate("test-events/iglu-note.json", json.readTree("{\"text\":\"hi\"}"))).isEmpty();
        assertThat(validator.validate("test-events/iglu-note.json", json.readTree("{\"text\":\"too long\"}")))
                .extracting(SchemaValidator.Violation::pointer).containsExactly("/text");
    }

    @Test
    @DisplayName("format is asserted, and a missing schema is named")
    void formatAndMissing() throws Exception {
        assertThat(validator.validate("test-events/note-posted.json",
                json.readTree("{\"noteId\":\"not-a-uuid\",\"text\":\"x\"}")))
                .extracting(SchemaValidator.Violation::pointer).containsExactly("/noteId");
        assertThatThrownBy(() -> validator.validate("test-events/none.json", json.readTree("{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test-events/none.json is not on the classpath");
    }

    @Test
    @DisplayName("a validator prepared in the background, as publishers make theirs, validates like any other")
    void preparedInBackground() throws Exception {
        SchemaValidator background = SchemaValidator.prepareInBackground().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(background.validate("test-events/note-posted.json",
                json.readTree("{\"noteId\":\"not-a-uuid\",\"text\":\"x\"}")))
                .extracting(SchemaValidator.Violation::pointer).containsExactly("/noteId");
    }
}
