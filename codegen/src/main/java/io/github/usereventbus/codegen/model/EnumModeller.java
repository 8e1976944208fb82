package io.github.usereventbus.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.model.Model.EnumConstant;
import io.github.usereventbus.codegen.model.Model.EnumType;
import io.github.usereventbus.codegen.model.Model.Named;
import io.github.usereventbus.codegen.model.Model.Scalar;
import io.github.usereventbus.codegen.model.Model.TypeRef;
import io.github.usereventbus.codegen.schema.Problem;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enums as Java types: a string enum of several values becomes a Java enum that keeps its JSON values (one enum
 * per distinct name and set of values, however often the schemas repeat it); numeric and boolean enums, and a
 * single value, stay scalars.
 */
final class EnumModeller {

    private final ModelBuilder builder;
    private final List<Problem> problems;
    private final Map<String, Named> enumsByShape = new HashMap<>();
    private final List<EnumType> enums = new ArrayList<>();

    EnumModeller(ModelBuilder builder, List<Problem> problems) {
        this.builder = builder;
        this.problems = problems;
    }

    /** The enums made, by class name. */
    List<EnumType> sorted() {
        enums.sort(Comparator.comparing(EnumType::className));
        return enums;
    }

    TypeRef enumType(Target target, String hint) {
        JsonNode values = target.node().get("enum");
        List<String> strings = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (JsonNode value : values) {
            if (value.isNull()) {
                continue;
            }
            kinds.add(value.isTextual() ? "string" : value.isIntegralNumber() ? "integer"
                    : value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "json");
            strings.add(value.asText());
        }
        if (kinds.size() != 1 || !kinds.contains("string")) {
            if (kinds.equals(Set.of("integer"))) {
                return Scalar.LONG;
            }
            if (kinds.equals(Set.of("number")) || kinds.equals(Set.of("integer", "number"))) {
                return Scalar.DOUBLE;
            }
            return kinds.equals(Set.of("boolean")) ? Scalar.BOOLEAN : Scalar.JSON;
        }
        if (strings.size() == 1) {
            return Scalar.STRING; // a single value is a constant, not a choice
        }
        String base = TypeNames.className(target.node(), hint);
        String shape = base + "=" + strings;
        Named existing = enumsByShape.get(shape);
        if (existing != null) {
            builder.register(target, existing);
            return existing;
        }
        JsonNode javaNames = target.node().path("javaEnumNames");
        List<EnumConstant> constants = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < strings.size(); i++) {
            String value = strings.get(i);
            String name = javaNames.isArray() && javaNames.size() == strings.size()
                    ? Identifiers.constantName(javaNames.get(i).asText()) : Identifiers.constantName(value);
            String clash = seen.putIfAbsent(name, value);
            if (clash != null) {
                problems.add(new Problem(target.document().name(), target.pointer() + "/enum", "enum values '" + clash
                        + "' and '" + value + "' would both become the Java constant " + name
                        + "; give the enum \"javaEnumNames\""));
                return Scalar.STRING;
            }
            constants.add(new EnumConstant(name, value));
        }
        Named named = new Named(builder.allocate(base));
        builder.register(target, named);
        enumsByShape.put(shape, named);
        enums.add(new EnumType(named.simpleName(), target.node().path("description").asText(""),
                target.document().name() + "#" + target.pointer(), constants));
        return named;
    }
}
