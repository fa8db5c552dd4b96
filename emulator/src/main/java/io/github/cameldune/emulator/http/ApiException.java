package io.github.cameldune.emulator.http;

/** An answer other than 200, with Dune's error body {@code {"error": message}}. */
final class ApiException extends RuntimeException {

    final int status;
    final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    /** An exact body to send instead of Dune's error object, with its content type. */
    String rawBody;

    String contentType;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
