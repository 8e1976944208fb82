/**
 * The model turned into Java source files with JavaPoet: event records with builders and checks, enums,
 * sealed unions, the family interface, publisher, handler, dispatcher and patterns. Every type carries a
 * key of what it is made from, for incremental generation.
 *
 * <p>Depends on {@code model} only.
 */
package io.github.usereventbus.codegen.render;
