package io.github.usereventbus.codegen.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.github.usereventbus.codegen.instances.InstanceGenerator;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaCatalog.EventSchema;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import io.github.usereventbus.codegen.schema.SchemaShapes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Finds concrete details that a writer's schema accepts and a reader's refuses, both checked with the
 * networknt validator: first aimed at one change (values at the changed place: bounds, enum values, each
 * type, absence), then, beyond the rules, among a few hundred generated events (deterministic seeds).
 */
final class Counterexamples {

    /** A detail the writer accepts and the reader refuses, and the reader's first error. */
    record Counterexample(JsonNode detail, String readerError) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What a tolerant reader ignores: properties it does not know. */
    private static final Set<String> IGNORED_BY_TOLERANT = Set.of("additionalProperties", "unevaluatedProperties");

    private Counterexamples() {
    }

    /**
     * A counterexample for one change, or null if none was found.
     *
     * @param writerSub the schema at the changed place on the writer's side, or null
     */
    static Counterexample aimedAt(SchemaCatalog writerCatalog, EventSchema writer, SchemaCatalog readerCatalog,
            EventSchema reader, List<String> path, Target writerSub) {
        Schema writerSchema = writerCatalog.validators().validatorFor(writer.document());
        Schema readerSchema = readerCatalog.validators().validatorFor(reader.document());
        List<JsonNode> probes = writerSub == null ? List.of() : probes(writerCatalog, writerSub);
        for (JsonNode base : bases(writerCatalog, writer)) {
            List<JsonNode> candidates = new ArrayList<>();
            candidates.add(base);
            if (path != null && !path.isEmpty()) {
                JsonNode without = base.deepCopy();
                if (place(without, path, null)) {
                    candidates.add(without);
                }
                for (JsonNode probe : probes) {
                    JsonNode with = base.deepCopy();
                    if (place(with, path, probe)) {
                        candidates.add(with);
                    }
                }
            }
            for (JsonNode candidate : candidates) {
                if (writerSchema.validate(candidate).isEmpty()) {
                    List<Error> errors = readerSchema.validate(candidate);
                    if (!errors.isEmpty()) {
                        return new Counterexample(candidate, describe(errors.get(0)));
                    }
                }
            }
        }
        return null;
    }

    /**
     * Beyond the rules: generated events of the writer's schema that the reader refuses, ignoring what the
     * reader model tolerates (unknown properties; unknown enum values for old readers of new events).
     */
    static Counterexample search(SchemaCatalog writerCatalog, EventSchema writer, SchemaCatalog readerCatalog,
            EventSchema reader, ReaderModel readers, boolean forward, int count) {
        Schema readerSchema = readerCatalog.validators().validatorFor(reader.document());
        InstanceGenerator generator = new InstanceGenerator(writerCatalog, seed(writer));
        for (JsonNode instance : generator.instances(writer.document(), count)) {
            for (Error error : readerSchema.validate(instance)) {
                if (readers == ReaderModel.VALIDATING || !IGNORED_BY_TOLERANT.contains(error.getKeyword())
                        && !(forward && "enum".equals(error.getKeyword()))) {
                    return new Counterexample(instance, describe(error));
                }
            }
        }
        return null;
    }

    /** Some valid events of the writer's schema: complete ones first, then minimal and random ones. */
    static List<JsonNode> bases(SchemaCatalog catalog, EventSchema event) {
        InstanceGenerator generator = new InstanceGenerator(catalog, seed(event));
        List<JsonNode> bases = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            bases.addAll(generator.complete(seed).instances(event.document(), 1));
        }
        bases.addAll(generator.instances(event.document(), 8));
        return bases;
    }

    private static long seed(EventSchema event) {
        return (event.source() + "\u0000" + event.detailType()).hashCode();
    }

    static String describe(Error error) {
        String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return (at.isEmpty() ? "/" : at) + ": " + error.getMessage();
    }

    /**
     * Sets (or, for a null value, removes) the value at a path of property names, {@code 0} for an array's
     * first item and {@code *} for any property; false if the path does not lead anywhere in this instance.
     */
    static boolean place(JsonNode root, List<String> path, JsonNode value) {
        JsonNode current = root;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            if (current instanceof ObjectNode object) {
                String name = segment;
                if (segment.equals("*")) {
                    Iterator<String> names = object.fieldNames();
                    name = names.hasNext() ? names.next() : "key";
                }
                if (last) {
                    if (value == null) {
                        return object.remove(name) != null;
                    }
                    object.set(name, value);
                    return true;
                }
                current = object.get(name);
            } else if (current instanceof ArrayNode array && segment.equals("0") && !array.isEmpty()) {
                if (last) {
                    if (value == null) {
                        array.remove(0);
                    } else {
                        array.set(0, value);
                    }
                    return true;
                }
                current = array.get(0);
            } else {
                return false;
            }
        }
        return false;
    }

    /** Values worth trying at a place: its bounds and one past them, every enum value, each type's samples. */
    static List<JsonNode> probes(SchemaCatalog catalog, Target target) {
        Target s = catalog.follow(target);
        List<JsonNode> probes = new ArrayList<>();
        if (s == null || !s.node().isObject()) {
            return probes;
        }
        JsonNode node = s.node();
        node.path("enum").forEach(probes::add);
        if (node.has("const")) {
            probes.add(node.get("const"));
        }
        for (long seed = 1; seed <= 3; seed++) {
            InstanceGenerator generator = new InstanceGenerator(catalog, seed);
            probes.add(generator.value(s));
            probes.add(generator.complete(seed).value(s));
        }
        List<BigDecimal> numbers = new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.valueOf(-1),
                new BigDecimal("0.5"), new BigDecimal("1.5"), BigDecimal.valueOf(1L << 40)));
        for (String keyword : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")) {
            if (node.path(keyword).isNumber()) {
                BigDecimal b = node.get(keyword).decimalValue();
                for (BigDecimal delta : List.of(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.5"))) {
                    numbers.add(b.add(delta));
                    numbers.add(b.subtract(delta));
                }
                numbers.add(b.multiply(BigDecimal.valueOf(2)));
                numbers.add(b.multiply(BigDecimal.valueOf(3)));
            }
        }
        numbers.forEach(n -> probes.add(n.stripTrailingZeros().scale() <= 0
                ? NODES.numberNode(n.toBigIntegerExact()) : NODES.numberNode(n)));
        List<Integer> lengths = new ArrayList<>(List.of(0, 1, 300));
        for (String keyword : List.of("minLength", "maxLength", "minItems", "maxItems")) {
            if (node.path(keyword).canConvertToInt()) {
                int b = node.get(keyword).asInt();
                lengths.addAll(List.of(b, b + 1, Math.max(0, b - 1)));
            }
        }
        JsonNode item = node.path("items").isObject() ? new InstanceGenerator(catalog, 1)
                .value(SchemaShapes.child(s, "items")) : NODES.textNode("item");
        for (int length : lengths) {
            probes.add(NODES.textNode("x".repeat(Math.min(length, 10_000))));
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < Math.min(length, 1_000); i++) {
                array.add(item.deepCopy());
            }
            probes.add(array);
        }
        probes.add(NODES.booleanNode(true));
        probes.add(NODES.nullNode());
        probes.add(NODES.objectNode());
        return probes;
    }
}
