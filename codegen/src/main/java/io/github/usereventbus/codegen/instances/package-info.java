/**
 * Instances made from a schema: valid details (strings that match a {@code pattern} through its automaton,
 * constants always present) for the sample events of tests and for the compatibility check's search.
 *
 * <p>Depends on {@code schema} only.
 */
package io.github.usereventbus.codegen.instances;
