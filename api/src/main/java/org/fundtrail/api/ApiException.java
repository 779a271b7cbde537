package org.fundtrail.api;

/**
 * A request the API refuses, answered with the one error body shape:
 * {@code {"status":400,"error":"INVALID_PARAMETER","parameter":"limit","message":"..."}}.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String error;
    private final String parameter;

    ApiException(int status, String error, String parameter, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.parameter = parameter;
    }

    static ApiException badParameter(String parameter, String problem) {
        return new ApiException(400, "INVALID_PARAMETER", parameter, parameter + ": " + problem);
    }

    static ApiException notFound(String parameter, String message) {
        return new ApiException(404, "NOT_FOUND", parameter, message);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** @return the parameter at fault, or null */
    String parameter() {
        return parameter;
    }
}
