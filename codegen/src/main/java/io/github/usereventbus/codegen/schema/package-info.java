/**
 * Reading and checking a schema set: parsing with duplicate keys refused, dialects, the EventBridge
 * keywords that make a file an event, {@code $ref} resolution within the set (never the network), the
 * meta-schema and example checks and their cache. Also the vocabulary every entry point speaks in:
 * {@link io.github.usereventbus.codegen.schema.SchemaSource}, {@link io.github.usereventbus.codegen.schema.Problem}
 * (file, JSON pointer, message) and {@link io.github.usereventbus.codegen.schema.InvalidSchemasException}.
 *
 * <p>Depends on no other package of the core: it knows JSON Schema, not Java.
 */
package io.github.usereventbus.codegen.schema;
