package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Integers and numbers get the Java type their bounds and format ask for")
class NumbersTest {

    @Test
    @DisplayName("int32 or both bounds in 32 bits: Integer; otherwise Long, or BigInteger past 64 bits; decimal: BigDecimal")
    void types(@TempDir Path dir) throws Exception {
        String event = Fixtures.event("Measured", """
                {"count": {"type": "integer", "format": "int32"},
                 "percent": {"type": "integer", "minimum": 0, "maximum": 100},
                 "offset": {"type": "integer", "exclusiveMinimum": -2147483649, "maximum": 5},
                 "revision": {"type": "integer", "minimum": 1},
                 "huge": {"type": "integer", "maximum": 100000000000000000000},
                 "ratio": {"type": "number"},
                 "amount": {"type": "number", "format": "decimal"}}""", "[]");
        GeneratedCode code = GeneratedCode.compile(Fixtures.schemas("m.json", event), "numbers", dir);
        Class<?> measured = code.load("numbers.Measured");
        assertThat(Arrays.stream(measured.getRecordComponents()).map(RecordComponent::getType).map(Class::getSimpleName))
                .containsExactly("Integer", "Integer", "Long", "Long", "BigInteger", "Double", "BigDecimal");

        ObjectMapper mapper = new ObjectMapper();
        String json = "{\"count\":7,\"percent\":100,\"amount\":1.50}";
        assertThat(mapper.writeValueAsString(mapper.readValue(json, measured))).isEqualTo(json);
    }
}
