package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

@DisplayName("Event patterns for a set of events")
class EventPatternTest {

    static String envelope(String source, String detailType) {
        return "{\"version\":\"0\",\"id\":\"1\",\"source\":\"" + source + "\",\"detail-type\":\"" + detailType
                + "\",\"account\":\"123456789012\",\"time\":\"2026-11-29T00:00:00Z\",\"region\":\"us-east-1\","
                + "\"resources\":[],\"detail\":{}}";
    }

    static Machine machine(List<EventPattern> rules) throws Exception {
        Machine machine = new Machine();
        for (int i = 0; i < rules.size(); i++) {
            machine.addRule("rule-" + i, rules.get(i).toJson());
        }
        return machine;
    }

    @Test
    @DisplayName("one source: the flat form")
    void oneSource() {
        assertThat(EventPattern.forEvents(Map.of("com.example.a", List.of("B Done", "A Done"))).toJson())
                .isEqualTo("{\"source\":[\"com.example.a\"],\"detail-type\":[\"A Done\",\"B Done\"]}");
    }

    @Test
    @DisplayName("two sources: $or per source, which matches the contract's pairs and not their cross product")
    void exactPairs() throws Exception {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        pairs.put("com.example.users", List.of("User Created"));
        pairs.put("com.example.orders", List.of("Order Placed", "Order Shipped"));
        EventPattern pattern = EventPattern.forEvents(pairs);
        assertThat(pattern.toJson()).isEqualTo("{\"$or\":[{\"source\":[\"com.example.orders\"],\"detail-type\":"
                + "[\"Order Placed\",\"Order Shipped\"]},{\"source\":[\"com.example.users\"],\"detail-type\":[\"User Created\"]}]}");
        Machine machine = machine(List.of(pattern));
        assertThat(machine.rulesForJSONEvent(envelope("com.example.users", "User Created"))).hasSize(1);
        assertThat(machine.rulesForJSONEvent(envelope("com.example.orders", "Order Shipped"))).hasSize(1);
        assertThat(machine.rulesForJSONEvent(envelope("com.example.users", "Order Placed"))).isEmpty();
        assertThat(machine.rulesForJSONEvent(envelope("com.example.orders", "User Created"))).isEmpty();
        assertThatThrownBy(() -> EventPattern.forEvents(Map.of("s", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("200 readable events over two sources: the fewest rules that each fit 2048 characters, matching exactly")
    void manyEvents() throws Exception {
        Map<String, List<String>> pairs = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            pairs.computeIfAbsent(i % 2 == 0 ? "com.example.orders" : "com.example.billing", k -> new ArrayList<>())
                    .add("Order Line Item " + i + " Changed");
        }
        assertThat(EventPattern.forEvents(pairs).toString().length()).isGreaterThan(EventPattern.MAX_LENGTH);
        List<EventPattern> rules = EventPattern.forEventsInRules(pairs);
        int total = EventPattern.forEvents(pairs).toString().length();
        assertThat(rules).allSatisfy(r -> assertThat(r.toJson().length()).isLessThanOrEqualTo(EventPattern.MAX_LENGTH));
        // no fewer rules are possible than the total length allows, and greedy packing needs at most one more
        assertThat(rules.size()).isBetween((total + EventPattern.MAX_LENGTH - 1) / EventPattern.MAX_LENGTH,
                (total + EventPattern.MAX_LENGTH - 1) / EventPattern.MAX_LENGTH + 1);
        Machine machine = machine(rules);
        for (var pair : pairs.entrySet()) {
            for (String detailType : pair.getValue()) {
                assertThat(machine.rulesForJSONEvent(envelope(pair.getKey(), detailType))).as(detailType).hasSize(1);
                String other = pair.getKey().equals("com.example.orders") ? "com.example.billing" : "com.example.orders";
                assertThat(machine.rulesForJSONEvent(envelope(other, detailType))).as(other + " " + detailType).isEmpty();
            }
        }
    }
}
