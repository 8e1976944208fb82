/**
 * Documentation and infrastructure made from the contract: EventCatalog pages, the producer's IAM policy and
 * the CloudFormation rules of subscribers. The entry point is
 * {@link io.github.usereventbus.codegen.docs.ContractDocs}.
 *
 * <p>Depends on {@code model}, {@code schema} and {@code output}.
 */
package io.github.usereventbus.codegen.docs;
