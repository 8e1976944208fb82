/**
 * The producer bundle, {@code io.github.usereventbus:user-event-bus-runtime}: no code of its own, only the
 * dependencies a producer used before the runtime was split by role. It gathers
 * <ul>
 *   <li>{@code user-event-bus-core}: what generated code calls (validation, envelopes, event patterns);</li>
 *   <li>{@code user-event-bus-publisher}: {@code EventBridgePublisher}, the real {@code PutEvents} call with
 *       batching, retries and the size limits;</li>
 *   <li>{@code user-event-bus-testkit}: {@code LocalEventBus} and the envelope builders, for tests.</li>
 * </ul>
 * A subscriber takes {@code user-event-bus-lambda} or {@code user-event-bus-sqs} instead, and a team that wants
 * less depends on the role artifacts directly. The classes are documented in each module's own javadoc jar.
 */
package io.github.usereventbus.runtime.bundle;
