package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Numbers keep every digit, published and read: a decimal's precision and its trailing zeros")
class ExactNumbersTest {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String sku, BigDecimal price, Integer quantity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderPlaced(UUID orderId, Instant at, LocalDate due, BigDecimal total, Double weight, BigInteger big,
            List<Line> lines, Map<String, String> tags, @JsonProperty("free-text") String note, Boolean gift,
            String absent) implements BusEvent {

        @Override
        public String eventSource() {
            return "com.example.orders";
        }

        @Override
        public String eventDetailType() {
            return "Order Placed";
        }

        @Override
        public String eventSchema() {
            return "test-events/order-placed.json";
        }
    }

    static final OrderPlaced ORDER = new OrderPlaced(new UUID(1, 2), Instant.parse("2026-11-29T12:00:00.123456789Z"),
            LocalDate.of(2026, 12, 24), new BigDecimal("12345678901234567890.123456789"), 0.1 + 0.2,
            new BigInteger("123456789012345678901234567890"),
            List.of(new Line("a-1", new BigDecimal("1.50"), 2), new Line("b-2", new BigDecimal("1E+3"), null)),
            Map.of("channel", "web"), "\"quoted\" \u00e9 \u20ac \ud83d\ude00 </script>", false, null);

    @Test
    @DisplayName("the publisher writes the same text through the tree it validates as without it, every digit kept")
    void publishedAlikeWithAndWithoutTheTree() throws Exception {
        ObjectMapper mapper = EventEntries.defaultMapper();
        String throughTree = mapper.writeValueAsString(mapper.valueToTree(ORDER));
        String direct = new EventEntries(mapper, null, PublishLimits.EVENTBRIDGE)
                .prepare(List.of(OutgoingEvent.of(ORDER))).get(0).detail();

        assertThat(direct).isEqualTo(throughTree);
        assertThat(direct).contains("\"total\":12345678901234567890.123456789", "\"price\":1.50",
                "\"price\":1E+3", "\"big\":123456789012345678901234567890", "\"weight\":0.30000000000000004",
                "\"free-text\"").doesNotContain("absent");
    }

    @Test
    @DisplayName("a subscriber reads a decimal digit for digit and at its scale; a double stays a double")
    void readBack() {
        EnvelopeReader reader = EnvelopeReader.builder()
                .event(ORDER.eventSource(), ORDER.eventDetailType(), ORDER.eventSchema(), OrderPlaced.class).build();
        String detail = new EventEntries(EventEntries.defaultMapper(), null, PublishLimits.EVENTBRIDGE)
                .prepare(List.of(OutgoingEvent.of(ORDER))).get(0).detail();
        String envelope = "{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"Order Placed\",\"source\":"
                + "\"com.example.orders\",\"account\":\"123456789012\",\"time\":\"2026-11-29T12:00:00Z\","
                + "\"region\":\"eu-west-1\",\"resources\":[],\"detail\":" + detail + "}";

        OrderPlaced read = (OrderPlaced) reader.read(envelope).detail();

        assertThat(read).isEqualTo(ORDER); // BigDecimal equality counts the scale: 1.50 is not 1.5
        assertThat(read.total().toPlainString()).isEqualTo("12345678901234567890.123456789");
        assertThat(read.lines().get(0).price().scale()).isEqualTo(2);
        assertThat(read.weight()).isEqualTo(0.1 + 0.2);
        assertThat(reader.read(new java.io.ByteArrayInputStream(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .detail()).isEqualTo(ORDER);
    }

    @Test
    @DisplayName("JsonTrees reads a fraction as a decimal with its trailing zeros, where Jackson's default loses both")
    void treesKeepDigits() throws Exception {
        String json = "{\"a\":12345678901234567890.123456789,\"b\":1.50}";
        assertThat(JsonTrees.newMapper().readTree(json).toString()).isEqualTo(json);
        assertThat(new ObjectMapper().readTree(json).toString()).isNotEqualTo(json);
    }
}
