package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A few generated files, compared with reviewed copies: they catch output that is correct but ugly.
 * After a deliberate change, run with {@code -Dgolden.update=true}, then read the diff before committing.
 */
@DisplayName("Generated code looks as reviewed")
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UserAccountCreated.java", "UserAccountDeleted.java", "Profile.java", "Reason.java", "UserEvent.java",
            "UserEventPublisher.java", "UserEventHandler.java", "UserEventDispatcher.java", "UserEventPatterns.java"})
    void matchesTheReviewedCopy(String file) throws Exception {
        var output = EventCodeGenerator.render(GeneratedCode.request(Fixtures.contract(), "com.example.events",
                Path.of("target", "golden")));
        String generated = new String(output.sources().get("com/example/events/" + file), StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(file + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, generated);
        }
        assertThat(generated).isEqualTo(read(golden));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PaymentSettled.java", "Contact.java", "CardPayment.java"})
    @DisplayName("unions: a root union event, a union read by required properties, an alternative")
    void unionsMatchTheReviewedCopy(String file) throws Exception {
        var output = EventCodeGenerator.render(GeneratedCode.request(Fixtures.schemas("shapes.json", UnionsTest.SHAPES,
                "drawing.json", UnionsTest.DRAWING, "payment.json", UnionsTest.PAYMENT), "com.example.unions",
                Path.of("target", "golden")));
        String generated = new String(output.sources().get("com/example/unions/" + file), StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve("unions").resolve(file + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, generated);
        }
        assertThat(generated).isEqualTo(read(golden));
    }

    private static String read(Path golden) throws IOException {
        return Files.isRegularFile(golden) ? Files.readString(golden) : "(no reviewed copy at " + golden + ")";
    }
}
