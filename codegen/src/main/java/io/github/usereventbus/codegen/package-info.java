/**
 * The generator core: event schemas in, Java sources and resources out. The entry point for every build
 * tool is {@link io.github.usereventbus.codegen.EventCodeGenerator} with a
 * {@link io.github.usereventbus.codegen.GenerationRequest}; the Maven plugin and the command line are thin
 * adapters around it. No build tool's types are used anywhere in the core (an enforcer rule keeps Maven and
 * Plexus off its class path).
 *
 * <p>The packages, each depending only on those listed after it:
 * <ul>
 *   <li>this one: generation (check, render, write incrementally);</li>
 *   <li>{@code docs}: the EventCatalog pages, the IAM policy and the CloudFormation rules;</li>
 *   <li>{@code compatibility}: the check between two versions of a contract;</li>
 *   <li>{@code render}: the model turned into Java source files;</li>
 *   <li>{@code model}: the schema set mapped to Java types and event patterns;</li>
 *   <li>{@code instances}: valid details made from a schema, for samples and counterexamples;</li>
 *   <li>{@code schema}: reading, classifying and checking schema files; the sources and problems every
 *       entry point speaks in;</li>
 *   <li>{@code output}: writing generated files.</li>
 * </ul>
 * The API for other tools is this package, {@code compatibility.CompatibilityCheck} with its report,
 * {@code docs.ContractDocs} with its request, and {@code schema}'s {@code SchemaSource},
 * {@code SchemaSources}, {@code Problem} and {@code InvalidSchemasException}; the other public types are
 * public only so that the packages can use each other, and may change in any release.
 */
package io.github.usereventbus.codegen;
