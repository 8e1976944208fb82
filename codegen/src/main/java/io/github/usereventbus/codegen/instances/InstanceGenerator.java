package io.github.usereventbus.codegen.instances;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Document;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import io.github.usereventbus.codegen.schema.SchemaShapes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Makes instances of a schema: deterministic for a seed, following {@code $ref}, {@code allOf}, unions,
 * enums, constants, formats, bounds and lengths. Every instance is checked against the schema with the
 * same validator as the build, and only valid ones are returned, so a constraint it cannot satisfy (a
 * {@code pattern}, say) costs an instance, never a wrong one. For round-trip tests of generated code, and
 * sample events.
 */
public final class InstanceGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final SchemaCatalog catalog;
    private final Random random;
    private final boolean complete;
    private final PatternStrings patterns = new PatternStrings();

    public InstanceGenerator(SchemaCatalog catalog, long seed) {
        this(catalog, seed, false);
    }

    private InstanceGenerator(SchemaCatalog catalog, long seed, boolean complete) {
        this.catalog = catalog;
        this.random = new Random(seed);
        this.complete = complete;
    }

    /** A generator, seeded alike, that includes every optional property and at least one item per array. */
    public InstanceGenerator complete(long seed) {
        return new InstanceGenerator(catalog, seed, true);
    }

    /** One value of a schema anywhere in the catalog, unchecked: callers validate what they build from it. */
    public JsonNode value(Target target) {
        return generate(target, 0);
    }

    /** Up to {@code count} distinct valid instances of a document's root schema (fewer if attempts fail). */
    public List<JsonNode> instances(Document doc, int count) {
        List<JsonNode> valid = new ArrayList<>();
        Set<JsonNode> seen = new LinkedHashSet<>();
        var validator = catalog.validators().validatorFor(doc);
        for (int attempt = 0; attempt < count * 4 && valid.size() < count; attempt++) {
            JsonNode instance = generate(new Target(doc, "", doc.root()), 0);
            if (seen.add(instance) && validator.validate(instance).isEmpty()) {
                valid.add(instance);
            }
        }
        return valid;
    }

    private JsonNode generate(Target target, int depth) {
        JsonNode s = target.node();
        if (!s.isObject()) {
            return NODES.textNode("any");
        }
        if (s.has("const")) {
            return s.get("const").deepCopy();
        }
        if (s.has("enum") && s.get("enum").isArray() && !s.get("enum").isEmpty()) {
            return pick(s.get("enum")).deepCopy();
        }
        if (s.has("$ref") && !SchemaShapes.hasStructuralSiblings(s)) {
            Target referenced = catalog.resolveRef(target);
            return referenced == null || depth > MAX_DEPTH * 2 ? NODES.nullNode() : generate(referenced, depth + 1);
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            if (s.has(keyword) && s.get(keyword).isArray() && !s.get(keyword).isEmpty() && !s.has("properties")) {
                int choice = random.nextInt(s.get(keyword).size());
                return generate(SchemaShapes.child(target, keyword, String.valueOf(choice)), depth + 1);
            }
        }
        String type = type(s);
        switch (type) {
            case "object":
                return object(target, depth);
            case "array":
                return array(target, depth);
            case "string":
                return NODES.textNode(string(s));
            case "integer":
                return NODES.numberNode(number(s, true).toBigInteger());
            case "number":
                return NODES.numberNode(number(s, false));
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            case "null":
                return NODES.nullNode();
            default:
                return NODES.textNode("any");
        }
    }

    private String type(JsonNode s) {
        Set<String> types = SchemaShapes.declaredTypes(s);
        types.remove("null");
        if (!types.isEmpty()) {
            return types.iterator().next();
        }
        if (s.has("properties") || s.has("allOf") || s.has("additionalProperties") || s.has("$ref")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        return SchemaShapes.declaredTypes(s).contains("null") ? "null" : "any";
    }

    private ObjectNode object(Target target, int depth) {
        Map<String, Target> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        catalog.collect(target, properties, required, 0);
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, Target> property : properties.entrySet()) {
            // a constant (const, or a one-value enum) is always written: generated records fill it in, as every
            // writer of ours does
            Target followed = catalog.follow(property.getValue());
            boolean constant = followed != null && (followed.node().has("const")
                    || followed.node().path("enum").size() == 1);
            boolean include = required.contains(property.getKey()) || constant
                    || depth < MAX_DEPTH && (complete || random.nextInt(3) > 0);
            if (include) {
                object.set(property.getKey(), generate(property.getValue(), depth + 1));
            }
        }
        JsonNode additional = target.node().get("additionalProperties");
        if (properties.isEmpty() && additional != null && additional.isObject() && depth < MAX_DEPTH) {
            object.set("key" + random.nextInt(10), generate(SchemaShapes.child(target, "additionalProperties"), depth + 1));
        }
        return object;
    }

    private ArrayNode array(Target target, int depth) {
        JsonNode s = target.node();
        int min = s.path("minItems").asInt(0);
        int max = s.has("maxItems") ? s.get("maxItems").asInt() : min + 2;
        int size = depth >= MAX_DEPTH ? min : Math.min(max, min + random.nextInt(Math.max(1, max - min + 1)));
        if (complete && depth < MAX_DEPTH) {
            size = Math.max(size, Math.min(max, 1));
        }
        ArrayNode array = NODES.arrayNode();
        JsonNode items = s.get("items");
        boolean unique = s.path("uniqueItems").asBoolean(false);
        for (int i = 0; i < size * 3 && array.size() < size; i++) {
            JsonNode item = items == null || !items.isObject() ? NODES.textNode("item" + i)
                    : generate(SchemaShapes.child(target, "items"), depth + 1);
            boolean duplicate = false;
            for (JsonNode existing : array) {
                duplicate |= existing.equals(item);
            }
            if (!unique || !duplicate) {
                array.add(item);
            }
        }
        return array;
    }

    private String string(JsonNode s) {
        int min = s.path("minLength").asInt(0);
        int max = s.has("maxLength") ? s.get("maxLength").asInt() : Integer.MAX_VALUE;
        if (s.path("pattern").isTextual()) {
            String matching = patterns.sample(s.get("pattern").asText(), random, min, max);
            if (matching != null) {
                return matching;
            }
        }
        String value;
        switch (s.path("format").asText("")) {
            case "date-time":
                value = "2026-11-" + (10 + random.nextInt(19)) + "T12:0" + random.nextInt(10) + ":00Z";
                break;
            case "date":
                value = "2026-11-" + (10 + random.nextInt(19));
                break;
            case "time":
                value = "12:00:00Z";
                break;
            case "uuid":
                value = new UUID(random.nextLong(), random.nextLong()).toString();
                break;
            case "email":
                value = "user" + random.nextInt(100) + "@example.com";
                break;
            case "uri":
            case "url":
                value = "https://example.com/" + random.nextInt(100);
                break;
            case "hostname":
                value = "host" + random.nextInt(100) + ".example.com";
                break;
            case "ipv4":
                value = "192.0.2." + random.nextInt(255);
                break;
            default:
                value = "text" + random.nextInt(1000);
        }
        StringBuilder text = new StringBuilder(value);
        while (text.length() < min) {
            text.append('x');
        }
        return text.length() > max ? text.substring(0, max) : text.toString();
    }

    private BigDecimal number(JsonNode s, boolean integer) {
        BigDecimal low = bound(s, "minimum", "exclusiveMinimum", true);
        BigDecimal high = bound(s, "maximum", "exclusiveMaximum", false);
        BigDecimal value = BigDecimal.valueOf(integer ? 1 + random.nextInt(100) : 1 + random.nextInt(100) + 0.5);
        if (low != null && value.compareTo(low) < 0) {
            value = low;
        }
        if (high != null && value.compareTo(high) > 0) {
            value = high;
        }
        JsonNode multipleOf = s.get("multipleOf");
        if (multipleOf != null && multipleOf.isNumber() && multipleOf.decimalValue().signum() > 0) {
            BigDecimal step = multipleOf.decimalValue();
            value = value.divideToIntegralValue(step).multiply(step);
        }
        return integer ? new BigDecimal(value.toBigInteger()) : value;
    }

    /** A bound, moved inward by one for an exclusive one (draft 06 on: a number; draft 04: a boolean flag). */
    private static BigDecimal bound(JsonNode s, String inclusive, String exclusive, boolean lower) {
        JsonNode flagOrNumber = s.get(exclusive);
        if (flagOrNumber != null && flagOrNumber.isNumber()) {
            return flagOrNumber.decimalValue().add(BigDecimal.valueOf(lower ? 1 : -1));
        }
        JsonNode b = s.get(inclusive);
        if (b == null || !b.isNumber()) {
            return null;
        }
        boolean exclusiveFlag = flagOrNumber != null && flagOrNumber.asBoolean(false);
        return exclusiveFlag ? b.decimalValue().add(BigDecimal.valueOf(lower ? 1 : -1)) : b.decimalValue();
    }

    private JsonNode pick(JsonNode values) {
        List<JsonNode> nonNull = new ArrayList<>();
        values.forEach(v -> {
            if (!v.isNull()) {
                nonNull.add(v);
            }
        });
        return nonNull.isEmpty() ? values.get(0) : nonNull.get(random.nextInt(nonNull.size()));
    }
}
