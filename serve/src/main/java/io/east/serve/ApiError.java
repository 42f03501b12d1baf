package io.east.serve;

/**
 * A request the server refuses or could not answer, with what OpenAI's error body says: HTTP status, message, type,
 * the offending field ({@code param}) and a code. Thrown from parsing and validation; the router turns it into
 * {@code {"error": {...}}}.
 */
final class ApiError extends Exception {

    static final String INVALID_REQUEST = "invalid_request_error";
    static final String SERVER_ERROR = "server_error";

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    private ApiError(int status, String message, String type, String param, String code) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** 400: {@code param} is missing, of the wrong type or out of range. */
    static ApiError invalid(String param, String message) {
        return new ApiError(400, message, INVALID_REQUEST, param, null);
    }

    static ApiError modelNotFound(String model, String served) {
        return new ApiError(404, "The model '" + model + "' does not exist; this server serves '" + served + "'",
                INVALID_REQUEST, "model", "model_not_found");
    }

    static ApiError routeNotFound(String method, String path) {
        return new ApiError(404, "No route " + method + " " + path, INVALID_REQUEST, null, null);
    }

    static ApiError methodNotAllowed(String method, String path, String allowed) {
        return new ApiError(405, path + " takes " + allowed + ", not " + method, INVALID_REQUEST, null, null);
    }

    static ApiError forbiddenHost(String host) {
        return new ApiError(403, "this server answers only to loopback host names, not '" + host + "'",
                INVALID_REQUEST, null, null);
    }

    static ApiError tooLarge(long limit) {
        return new ApiError(413, "the request body is larger than " + limit + " bytes", INVALID_REQUEST, null, null);
    }

    static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(415, "the body must be sent as Content-Type: application/json, not '" + contentType + "'",
                INVALID_REQUEST, null, null);
    }

    static ApiError busy(int limit) {
        return new ApiError(503, limit + " sampling requests are already in flight; retry later", SERVER_ERROR, null,
                null);
    }

    static ApiError stopping() {
        return new ApiError(503, "the server is shutting down", SERVER_ERROR, null, null);
    }

    static ApiError internal(String message) {
        return new ApiError(500, message, SERVER_ERROR, null, null);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    /** The request field at fault, or null. */
    String param() {
        return param;
    }

    /** A machine-readable code, or null. */
    String code() {
        return code;
    }
}
