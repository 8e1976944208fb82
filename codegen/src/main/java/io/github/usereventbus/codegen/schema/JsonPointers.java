package io.github.usereventbus.codegen.schema;

/** JSON Pointer (RFC 6901) tokens, as problems and targets name the places of a schema. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** A property name as one reference token: {@code ~} and {@code /} escaped. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
