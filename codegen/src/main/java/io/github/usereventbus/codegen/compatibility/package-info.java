/**
 * The compatibility check between two versions of a contract: the rules with their stable ids, verdicts per
 * direction and reader model, counterexamples checked against both schemas, accepted breaks, and the JSON
 * and JUnit XML reports. The entry point is {@link io.github.usereventbus.codegen.compatibility.CompatibilityCheck}.
 *
 * <p>Depends on {@code schema} and {@code instances}; never on the Java model or rendering: a verdict is about
 * JSON documents, not about the classes generated from them.
 */
package io.github.usereventbus.codegen.compatibility;
