/**
 * Writing generated files: a file is rewritten only when its bytes change, so builds and IDEs see no change
 * where there is none.
 *
 * <p>Depends on no other package of the core.
 */
package io.github.usereventbus.codegen.output;
