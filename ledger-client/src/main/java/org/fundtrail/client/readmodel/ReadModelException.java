package org.fundtrail.client.readmodel;

/**
 * The read model's database could not be read or written (an I/O failure, a locked or corrupt
 * file, a lost connection). The message names what was being done.
 *
 * <pre>{@code
 * try {
 *     readModel.record("T-1");
 * } catch (ReadModelException e) {
 *     log.warn("read model unavailable: {}", e.getMessage());
 * }
 * }</pre>
 */
public class ReadModelException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the underlying failure
     */
    public ReadModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public ReadModelException(String message) {
        super(message);
    }
}
