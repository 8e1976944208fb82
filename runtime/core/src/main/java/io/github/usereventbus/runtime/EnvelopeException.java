package io.github.usereventbus.runtime;

/** An envelope could not be read: not JSON, not an EventBridge envelope, or a detail that breaks the contract. */
public final class EnvelopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what cannot be read, and why
     */
    public EnvelopeException(String message) {
        super(message);
    }

    /**
     * @param message what cannot be read, and why
     * @param cause   the parser's exception
     */
    public EnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
