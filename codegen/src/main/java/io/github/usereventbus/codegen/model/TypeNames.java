package io.github.usereventbus.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names of generated types: what a schema asks for ({@code javaType}), what its place suggests, and
 * a unique name per generation, ignoring case (for case-insensitive file systems).
 */
final class TypeNames {

    private final Set<String> taken = new HashSet<>();

    /** The nested types generated code declares; Java forbids a type its own nested type's name. */
    TypeNames() {
        for (String nested : java.util.List.of("Builder", "Reader", "Unrecognised")) {
            reserve(nested);
        }
    }

    /** Marks a name as used, for example a family type's. */
    void reserve(String name) {
        taken.add(name.toLowerCase(Locale.ROOT));
    }

    boolean isTaken(String name) {
        return taken.contains(name.toLowerCase(Locale.ROOT));
    }

    static String refHint(Target referenced, String fallback) {
        String pointer = referenced.pointer();
        JsonNode self = referenced.document().root().path("self").path("name");
        if (pointer.isEmpty() && self.isTextual() && !self.asText().isBlank()) {
            return Identifiers.typeName(self.asText()); // an Iglu schema names itself
        }
        if (!pointer.isEmpty()) {
            String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
            return Identifiers.typeName(last);
        }
        String file = referenced.document().path();
        file = file.substring(file.lastIndexOf('/') + 1).replaceFirst("(\\.schema)?\\.json$", "");
        return file.isEmpty() ? fallback : Identifiers.typeName(file);
    }

    static String className(JsonNode s, String hint) {
        return s.path("javaType").isTextual() ? simpleName(s.get("javaType").asText()) : hint;
    }

    static String simpleName(String javaType) {
        String simple = javaType.substring(javaType.lastIndexOf('.') + 1);
        int generic = simple.indexOf('<');
        return Identifiers.typeName(generic < 0 ? simple : simple.substring(0, generic));
    }

    /** A class name no other generated type has, ignoring case (for case-insensitive file systems). */
    String allocate(String wanted) {
        String name = wanted;
        for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = wanted + i;
        }
        return name;
    }
}
