/**
 * The command line {@code user-event-bus}: the generator core's entry points as commands, with the same
 * parameters, defaults and messages as the Maven goals, for builds that are not Maven. Exit codes: 0 when all
 * is well, 1 when problems were found (in the schemas, or breaking changes), 2 for bad usage.
 *
 * <p>Depends on the core's API only ({@code io.github.usereventbus.codegen}, its {@code schema} sources and
 * problems, {@code compatibility} and {@code docs} entry points) and on picocli.
 */
package io.github.usereventbus.cli;
