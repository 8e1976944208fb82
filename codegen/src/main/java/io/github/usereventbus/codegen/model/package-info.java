/**
 * The schema set mapped to Java: records, enums, sealed unions and their names, the event family, and the
 * event patterns. Built once from the {@code schema} package's catalog into immutable records; rendering,
 * documentation and samples read this model and never the JSON again.
 *
 * <p>Depends on {@code schema} only; it knows nothing of how Java source is written.
 */
package io.github.usereventbus.codegen.model;
