package io.github.usereventbus.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How the alternatives of a union are told apart, and what they are called: decided from their shapes. */
final class UnionDecisions {

    private UnionDecisions() {
    }

    /** What one alternative requires and which string constants its properties hold. */
    record Shape(Target branch, Set<String> required, Map<String, String> constants) {
    }

    /**
     * The property telling the alternatives apart: OpenAPI's {@code discriminator.propertyName}, or a
     * property that holds a distinct string constant in every alternative; null when there is none.
     */
    static String discriminator(JsonNode union, List<Shape> shapes) {
        String declared = union.path("discriminator").path("propertyName").asText(null);
        List<String> candidates = new ArrayList<>();
        if (declared != null) {
            candidates.add(declared);
        }
        candidates.addAll(shapes.get(0).constants().keySet());
        for (String candidate : candidates) {
            Set<String> values = new HashSet<>();
            boolean decides = true;
            for (Shape shape : shapes) {
                String value = shape.constants().get(candidate);
                decides &= value != null && values.add(value);
            }
            if (decides) {
                return candidate;
            }
        }
        return null;
    }

    /** Why a property holding a constant in every alternative does not tell them apart, or null. */
    static String repeatedConstant(List<Shape> shapes) {
        for (String candidate : shapes.get(0).constants().keySet()) {
            if (shapes.stream().allMatch(shape -> shape.constants().containsKey(candidate))) {
                Map<String, Integer> first = new HashMap<>();
                for (int i = 0; i < shapes.size(); i++) {
                    Integer earlier = first.putIfAbsent(shapes.get(i).constants().get(candidate), i);
                    if (earlier != null) {
                        boolean sameRequired = shapes.get(i).required().equals(shapes.get(earlier).required());
                        if (sameRequired) {
                            return "'" + candidate + "' would tell the alternatives apart, but alternatives "
                                    + (earlier + 1) + " and " + (i + 1) + " both hold '"
                                    + shapes.get(i).constants().get(candidate) + "' there and require the same"
                                    + " properties " + shapes.get(i).required();
                        }
                    }
                }
            }
        }
        return null;
    }

    static String alternativeHint(Target branch, String union, String value, int index) {
        if (branch.node().path("title").isTextual()) {
            return Identifiers.typeName(branch.node().get("title").asText());
        }
        if (value != null) {
            return Identifiers.typeName(union + " " + value);
        }
        return union + "Option" + (index + 1);
    }
}
